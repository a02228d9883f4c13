"""Database writes. A batch of documents, their reports and the events they touch is one
transaction: after a crash the database holds whole batches only, never a document without
its reports or reports without their events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import duckdb
import pyarrow as pa

from detente.store.cluster import ClusterInput, cluster_reports
from detente.store.rows import DOCUMENT_SCHEMA, REPORT_SCHEMA, table

# One row per cluster; "reciprocal" also when both directions were reported; "status" is
# "historical" only when every report is (see docs/store.md).
_EVENTS_SQL = """
INSERT INTO events
SELECT cluster_id, pair_key, date, date_precision,
       actors.sk, actors.sc, actors.sn, actors.so, actors.tk, actors.tc, actors.tn, actors.tor, reciprocal,
       cameo, root, plover, quad_class, goldstein, contexts, location,
       mention_count, article_count, sources, urls, first_seen, status
FROM (
    SELECT r.cluster_id,
           any_value(r.pair_key) AS pair_key,
           min(r.date) AS date,
           mode(r.date_precision) AS date_precision,
           mode({'sk': r.source_key, 'sc': r.source_code, 'sn': r.source_country, 'so': r.source_org,
                 'tk': r.target_key, 'tc': r.target_code, 'tn': r.target_country, 'tor': r.target_org}) AS actors,
           bool_or(r.reciprocal) OR count(DISTINCT r.source_key) > 1 AS reciprocal,
           mode(r.cameo) AS cameo,
           any_value(r.root) AS root,
           mode(r.plover) AS plover,
           mode(r.quad_class) AS quad_class,
           avg(r.goldstein) AS goldstein,
           list_sort(list_distinct(flatten(list(r.contexts)))) AS contexts,
           arg_max(r.location, r.confidence) AS location,
           count(*)::INTEGER AS mention_count,
           count(DISTINCT r.doc_hash)::INTEGER AS article_count,
           list_sort(list_distinct(list(d.source))) AS sources,
           list_sort(list_distinct(list(d.url))) AS urls,
           min(coalesce(d.date, d.ingested_at::DATE)) AS first_seen,
           CASE WHEN bool_and(r.status IS NOT DISTINCT FROM 'historical') THEN 'historical'
                WHEN bool_or(r.status = 'reported') THEN 'reported'
                ELSE min(r.status) FILTER (WHERE r.status IS DISTINCT FROM 'historical') END AS status
    FROM reports r JOIN documents d USING (doc_hash)
    WHERE r.cluster_id IN (SELECT cluster_id FROM _touched_clusters)
    GROUP BY r.cluster_id
)
"""


def existing_hashes(conn: duckdb.DuckDBPyConnection, hashes: Iterable[str]) -> set[str]:
    wanted = pa.table({"h": pa.array(sorted(set(hashes)), pa.string())})
    conn.register("_wanted", wanted)
    try:
        return {
            row[0] for row in conn.execute("SELECT doc_hash FROM documents JOIN _wanted ON doc_hash = h").fetchall()
        }
    finally:
        conn.unregister("_wanted")


def recluster(conn: duckdb.DuckDBPyConnection, groups: set[tuple[str, str]] | None = None) -> int:
    """Recompute the events of these (pair_key, root) groups, or of all groups; returns the event count."""
    if groups is None:
        rows = conn.execute(
            "SELECT report_id, source_key, target_key, root, date, date_precision, reciprocal FROM reports"
        ).fetchall()
        conn.execute("DELETE FROM events")
    else:
        keys = pa.table(
            {"p": pa.array([g[0] for g in groups], pa.string()), "r": pa.array([g[1] for g in groups], pa.string())}
        )
        conn.register("_groups", keys)
        rows = conn.execute(
            "SELECT report_id, source_key, target_key, root, date, date_precision, reciprocal "
            "FROM reports JOIN _groups ON pair_key = p AND root = r"
        ).fetchall()
        conn.execute("DELETE FROM events WHERE EXISTS (SELECT 1 FROM _groups WHERE pair_key = p AND root = r)")
        conn.unregister("_groups")
    mapping = cluster_reports(ClusterInput(*row) for row in rows)
    if not mapping:
        return 0
    assigned = pa.table(
        {"rid": pa.array(list(mapping), pa.string()), "cid": pa.array(list(mapping.values()), pa.string())}
    )
    conn.register("_assigned", assigned)
    conn.register("_touched_clusters", pa.table({"cluster_id": pa.array(sorted(set(mapping.values())), pa.string())}))
    try:
        conn.execute(
            "UPDATE reports SET cluster_id = cid FROM _assigned "
            "WHERE report_id = rid AND cluster_id IS DISTINCT FROM cid"
        )
        conn.execute(_EVENTS_SQL)
    finally:
        conn.unregister("_assigned")
        conn.unregister("_touched_clusters")
    return len(set(mapping.values()))


def write_batch(
    conn: duckdb.DuckDBPyConnection, documents: list[dict[str, Any]], reports: list[dict[str, Any]]
) -> None:
    """Insert documents and reports and re-cluster the groups they touch, all in one transaction."""
    if not documents:
        return
    conn.execute("BEGIN TRANSACTION")
    try:
        conn.register("_docs", table(documents, DOCUMENT_SCHEMA))
        conn.execute("INSERT INTO documents SELECT * FROM _docs")
        conn.unregister("_docs")
        if reports:
            conn.register("_reports", table(reports, REPORT_SCHEMA))
            conn.execute("INSERT INTO reports SELECT * FROM _reports")
            conn.unregister("_reports")
            recluster(conn, {(r["pair_key"], r["root"]) for r in reports})
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
