"""Exports of the events table: Parquet (partitioned by month), CSV, GDELT-1.0-style TSV, PLOVER JSON Lines.

Every column is described in docs/store.md.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from detente.errors import UsageError
from detente.output.registry import EVENT_COLUMNS, register, renderer

# Events with every evidence span of every report, in publication order (best_evidence, the
# server's copy of one of them, is left out).
EVENTS_WITH_EVIDENCE = """
SELECT e.* EXCLUDE (best_evidence), x.evidence, x.in_lead
FROM events e LEFT JOIN (
    SELECT r.cluster_id,
           list({'doc_id': d.doc_id, 'doc_hash': r.doc_hash, 'url': d.url, 'source': d.source,
                 'text': r.evidence_text, 'start': r.evidence_start, 'end': r.evidence_end}
                ORDER BY d.date, r.report_id) AS evidence,
           bool_or(r.evidence_start < 400) AS in_lead
    FROM reports r JOIN documents d USING (doc_hash) GROUP BY r.cluster_id
) x USING (cluster_id)
ORDER BY e.date NULLS LAST, e.cluster_id
"""

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

# The event columns every table shares (detente/output/registry.py), then what the store adds.
CSV_COLUMNS: tuple[str, ...] = (
    "cluster_id", *EVENT_COLUMNS, "source_key", "target_key", "reciprocal", "root", "location",
    "mention_count", "article_count", "sources", "urls", "first_seen", "evidence",
)  # fmt: skip


def _events(conn: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    cursor = conn.execute(EVENTS_WITH_EVIDENCE)
    names = [d[0] for d in cursor.description]
    while chunk := cursor.fetchmany(2048):
        for row in chunk:
            yield dict(zip(names, row, strict=True))


def _location(value: str | None) -> dict[str, Any]:
    try:
        loc = json.loads(value) if value else None
    except json.JSONDecodeError:
        return {}
    return loc if isinstance(loc, dict) else {}


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else value


@register("export", "parquet", "Parquet files partitioned by month (month=YYYY-MM/)")
def write_parquet(conn: duckdb.DuckDBPyConnection, out: Path, header: bool = True) -> int:
    """A directory of ``month=YYYY-MM/*.parquet`` files (``month=undated`` for events without a date)."""
    if out.exists() and any(out.iterdir()):
        raise UsageError(f"{out}: directory is not empty; Parquet export writes a fresh partitioned directory")
    conn.execute(
        f"COPY (SELECT *, coalesce(strftime(date, '%Y-%m'), 'undated') AS month FROM ({EVENTS_WITH_EVIDENCE})) "
        f"TO '{_quoted(out)}' (FORMAT PARQUET, PARTITION_BY (month), OVERWRITE_OR_IGNORE)"
    )
    row = conn.execute("SELECT count(*) FROM events").fetchall()[0]
    return int(row[0]) if row else 0


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


@register("export", "csv", "one row per event (cluster) with every report's evidence", "events.csv")
def write_csv(conn: duckdb.DuckDBPyConnection, out: Path, header: bool = True) -> int:
    n = 0
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        if header:
            writer.writerow(CSV_COLUMNS)
        for event in _events(conn):
            writer.writerow([_cell(event[c]) for c in CSV_COLUMNS])
            n += 1
    return n


def global_event_id(cluster_id: str) -> int:
    """A stable integer id from the cluster id (60 bits, fits GDELT's int64 column)."""
    return int(cluster_id[:15], 16)


def gdelt_row(event: dict[str, Any]) -> list[Any]:
    date = event["date"]
    loc = _location(event["location"])
    cameo = event["cameo"] or ""
    row: dict[str, Any] = {c: "" for c in GDELT_COLUMNS}
    row.update(
        {
            "GLOBALEVENTID": global_event_id(event["cluster_id"]),
            "SQLDATE": date.strftime("%Y%m%d") if date else "",
            "MonthYear": date.strftime("%Y%m") if date else "",
            "Year": date.year if date else "",
            "FractionDate": f"{date.year + (date.timetuple().tm_yday - 1) / 365:.4f}" if date else "",
            "Actor1Code": event["source_code"] or "",
            "Actor1Name": event["source_key"] or "",
            "Actor1CountryCode": event["source_country"] or "",
            "Actor1KnownGroupCode": event["source_org"] or "",
            "Actor2Code": event["target_code"] or "",
            "Actor2Name": event["target_key"] or "",
            "Actor2CountryCode": event["target_country"] or "",
            "Actor2KnownGroupCode": event["target_org"] or "",
            "IsRootEvent": int(bool(event["in_lead"])),
            "EventCode": cameo,
            "EventBaseCode": cameo[:3],
            "EventRootCode": event["root"] or cameo[:2],
            "QuadClass": event["quad_class"],
            "GoldsteinScale": round(event["goldstein"], 1) if event["goldstein"] is not None else "",
            "NumMentions": event["mention_count"],
            "NumSources": max(1, len(event["sources"] or [])),
            "NumArticles": event["article_count"],
            "ActionGeo_Type": (4 if loc.get("name") else 1) if loc else 0,
            "ActionGeo_FullName": loc.get("name") or "",
            "ActionGeo_CountryCode": loc.get("country") or "",
            "DATEADDED": event["first_seen"].strftime("%Y%m%d") if event["first_seen"] else "",
            "SOURCEURL": (event["urls"] or [""])[0],
        }
    )
    return [row[c] for c in GDELT_COLUMNS]


@register("export", "gdelt", "GDELT 2.0 event table columns, tab-separated", "events.tsv")
def write_gdelt(conn: duckdb.DuckDBPyConnection, out: Path, header: bool = True) -> int:
    n = 0
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        if header:
            writer.writerow(GDELT_COLUMNS)
        for event in _events(conn):
            writer.writerow(gdelt_row(event))
            n += 1
    return n


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    date = event["date"]
    return {
        "id": event["cluster_id"],
        "date": date.isoformat() if date else None,
        "date_precision": event["date_precision"],
        "event": event["plover"],
        "mode": None,
        "context": list(event["contexts"] or []),
        "intensity": round(event["goldstein"], 2) if event["goldstein"] is not None else None,
        "quad_code": event["quad_class"],
        "actor1": event["source_key"],
        "actor1_code": event["source_code"],
        "actor1_country": event["source_country"],
        "actor2": event["target_key"],
        "actor2_code": event["target_code"],
        "actor2_country": event["target_country"],
        "reciprocal": bool(event["reciprocal"]),
        "cameo": event["cameo"],
        "location": _location(event["location"]) or None,
        "num_mentions": event["mention_count"],
        "num_articles": event["article_count"],
        "sources": list(event["sources"] or []),
        "urls": list(event["urls"] or []),
        "first_seen": event["first_seen"].isoformat() if event["first_seen"] else None,
        "evidence": [dict(e) for e in event["evidence"] or []],
        "status": event["status"],
    }


@register("export", "plover", "PLOVER-style JSON Lines, one event per line", "events.jsonl")
def write_plover(conn: duckdb.DuckDBPyConnection, out: Path, header: bool = True) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as stream:
        for event in _events(conn):
            stream.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
            n += 1
    return n


def export_target(fmt: str, out: str | Path) -> Path:
    """Where ``fmt`` goes: ``out`` itself, or ``out/events.*`` when ``out`` is or ends like a
    directory (created when its parent exists). A missing parent is a :class:`UsageError`."""
    text = str(out)
    path = Path(text)
    file_name = renderer("export", fmt).file_name  # None: the format writes a directory itself
    if file_name and (path.is_dir() or text.endswith(("/", "\\"))):
        if not path.exists():
            _check_parent(path)
            path.mkdir()
        return path / file_name
    _check_parent(path)
    return path


def _check_parent(path: Path) -> None:
    if not path.parent.exists():
        raise UsageError(f"{path}: directory {path.parent} does not exist (create it first)")


def export(conn: duckdb.DuckDBPyConnection, fmt: str, out: str | Path, header: bool = True) -> int:
    """Write all events in ``fmt`` to ``out``; returns how many events were written. A full disk
    or an unwritable place is a :class:`UsageError` naming the path; the database is only read."""
    write = renderer("export", fmt).write
    path = export_target(fmt, out)
    try:
        return write(conn, path, header)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except duckdb.IOException as exc:
        raise UsageError(f"cannot write {path}: {str(exc).splitlines()[0]}") from exc
