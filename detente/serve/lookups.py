"""Countries (for the dashboard's picker) and actor lookup, from the bundled resources."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from detente.actors.lookup import lookup
from detente.resources import load_resources


def countries(cur: duckdb.DuckDBPyConnection, q: str | None, limit: int) -> list[dict[str, Any]]:
    """Countries whose code, name or other names contain ``q``, those with most events first."""
    counts = dict(
        cur.execute(
            "SELECT k, count(*) FROM (SELECT source_key AS k FROM events UNION ALL "
            "SELECT target_key FROM events WHERE target_key IS DISTINCT FROM source_key) GROUP BY k"
        ).fetchall()
    )
    needle = (q or "").strip().lower()
    out = []
    for rec in load_resources().countries.values():
        names = [rec.name.lower(), rec.code.lower(), *rec.names, *rec.adjectives]
        if needle and not any(needle in n.lower() for n in names):
            continue
        out.append({"code": rec.code, "name": rec.name, "kind": rec.kind, "events": int(counts.get(rec.code, 0))})
    out.sort(key=lambda c: (-c["events"], c["name"]))
    return out[:limit]


def actors(name: str, day: dt.date | None) -> list[dict[str, Any]]:
    """Each record ``detente actors lookup`` prints, split into its tab-separated fields."""
    rows = []
    for row in lookup(name, day):
        fields = row.split("\t")
        rows.append(
            {
                "name": fields[0],
                "code": fields[1] if len(fields) > 1 else "",
                "description": fields[2] if len(fields) > 2 else "",
                "term": fields[3] if len(fields) > 3 else None,
                "in_office": row.endswith("[in office]"),
                "row": row,
            }
        )
    return rows
