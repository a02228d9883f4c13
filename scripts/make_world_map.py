#!/usr/bin/env python3
"""Write the dashboard's offline world outline from Natural Earth's 1:110m countries (public domain).

Usage: python scripts/make_world_map.py SHAPEFILE [--out detente/serve/static/world.json] [--tolerance 0.25]

SHAPEFILE is ``ne_110m_admin_0_countries.shp`` or the copy geopandas 0.14 ships as
``geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp`` (``pip download geopandas==0.14.4
--no-deps`` and unzip it: no internet needed beyond the package index). The .dbf beside it gives
each country's name and ISO 3166-1 alpha-3 code. Rings are simplified (Douglas-Peucker) and
rounded to 0.01 degree, so the file stays small; each country also gets the centroid of its largest
ring, where the map puts the events located in it.
"""

from __future__ import annotations

import argparse
import json
import struct
from pathlib import Path

Point = tuple[float, float]
Ring = list[Point]
SOURCE = (
    "Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), "
    "as shipped in geopandas 0.14 (naturalearth_lowres); simplified by scripts/make_world_map.py"
)


def read_dbf(path: Path) -> list[dict[str, str]]:
    """Every record of a dBase III file as {field: stripped text}."""
    data = path.read_bytes()
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name.lower(), data[pos + 16]))
        pos += 32
    records = []
    for i in range(count):
        start = header_len + i * record_len + 1  # skip the deletion flag
        record = {}
        for name, size in fields:
            record[name] = data[start : start + size].decode("utf-8", "replace").strip()
            start += size
        records.append(record)
    return records


def read_polygons(path: Path) -> list[list[Ring]]:
    """The rings of each (multi)polygon record of a .shp file, in record order."""
    data = path.read_bytes()
    pos, shapes = 100, []
    while pos < len(data):
        _, words = struct.unpack(">ii", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + 2 * words]
        pos += 8 + 2 * words
        if struct.unpack("<i", body[:4])[0] != 5:  # not a polygon (null shape)
            shapes.append([])
            continue
        parts, points = struct.unpack("<ii", body[36:44])
        starts = list(struct.unpack(f"<{parts}i", body[44 : 44 + 4 * parts])) + [points]
        coords = struct.unpack(f"<{2 * points}d", body[44 + 4 * parts : 44 + 4 * parts + 16 * points])
        xy = list(zip(coords[0::2], coords[1::2], strict=True))
        shapes.append([xy[starts[k] : starts[k + 1]] for k in range(parts)])
    return shapes


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance from p to the segment a-b, in degrees (good enough at this scale)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return ((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return ((p[0] - a[0] - t * dx) ** 2 + (p[1] - a[1] - t * dy) ** 2) ** 0.5


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker, iterative (long coastlines would overflow a recursive one)."""
    keep = {0, len(ring) - 1}
    stack = [(0, len(ring) - 1)]
    while stack:
        lo, hi = stack.pop()
        far, index = 0.0, -1
        for i in range(lo + 1, hi):
            d = _distance(ring[i], ring[lo], ring[hi])
            if d > far:
                far, index = d, i
        if far > tolerance:
            keep.add(index)
            stack += [(lo, index), (index, hi)]
    return [ring[i] for i in sorted(keep)]


def area_and_centroid(ring: Ring) -> tuple[float, Point]:
    """Unsigned area (square degrees) and centroid of a closed ring (shoelace formula)."""
    twice, cx, cy = 0.0, 0.0, 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        twice += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if twice == 0:
        return 0.0, ring[0]
    return abs(twice) / 2, (cx / (3 * twice), cy / (3 * twice))


def country_code(record: dict[str, str]) -> str:
    """ISO alpha-3; where Natural Earth has none (-99: Kosovo), the code detente gives that name."""
    if record["iso_a3"] != "-99":
        return record["iso_a3"]
    from detente.resources import load_resources  # the project's own country names

    wanted = record["name"].lower()
    return next((c.code for c in load_resources().countries.values() if wanted in c.names), "")


def feature(record: dict[str, str], rings: list[Ring], tolerance: float) -> dict | None:
    """A country's simplified rings (outer rings and holes alike: the map fills them even-odd)."""
    kept = []
    for ring in rings:
        small = [(round(x, 2), round(y, 2)) for x, y in simplify(ring, tolerance)]
        if len(small) >= 4:
            kept.append(small)
    if not kept:
        return None
    _, (cx, cy) = max(area_and_centroid(r) for r in rings)
    return {
        "code": country_code(record),
        "name": record["name"],
        "centroid": [round(cx, 2), round(cy, 2)],
        "rings": [[list(p) for p in r] for r in kept],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shapefile", type=Path)
    parser.add_argument("--out", type=Path, default=Path("detente/serve/static/world.json"))
    parser.add_argument("--tolerance", type=float, default=0.25, help="simplification, in degrees")
    opts = parser.parse_args()
    records = read_dbf(opts.shapefile.with_suffix(".dbf"))
    shapes = read_polygons(opts.shapefile)
    features = [f for rec, rings in zip(records, shapes, strict=True) if (f := feature(rec, rings, opts.tolerance))]
    features.sort(key=lambda f: f["code"])
    out = {"source": SOURCE, "fill_rule": "evenodd", "countries": features}
    opts.out.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{opts.out}: {len(features)} countries, {opts.out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
