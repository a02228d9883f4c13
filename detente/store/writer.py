"""Database writes. A batch of documents, their reports and the events they touch is one
transaction: after a crash the database holds whole batches only, never a document without
its reports or reports without their events."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from typing import Any

import duckdb
import pyarrow as pa

from detente.store.cluster import DAY_PRECISIONS, WINDOW_DAYS, ClusterInput, cluster_reports
from detente.store.rows import DOCUMENT_SCHEMA, REPORT_SCHEMA, table
from detente.store.schema import BEST_EVIDENCE_SQL

# One row per cluster; "reciprocal" also when both directions were reported; "status" is
# "historical" only when every report is (see docs/store.md). Ties of mode() go to the earliest
# report (date, then report id), so the result never depends on scan order or batching.
# best_evidence: the most confident report with its document (see schema.BEST_EVIDENCE_SQL).
_EVENTS_SQL = """
INSERT INTO events
SELECT cluster_id, pair_key, date, date_precision,
       actors.sk, actors.sc, actors.sn, actors.so, actors.tk, actors.tc, actors.tn, actors.tor, reciprocal,
       cameo, root, plover, quad_class, goldstein, contexts, location,
       mention_count, article_count, sources, urls, first_seen, status, best_evidence
FROM (
    SELECT r.cluster_id,
           any_value(r.pair_key) AS pair_key,
           min(r.date) AS date,
           mode(r.date_precision ORDER BY r.date, r.report_id) AS date_precision,
           mode({'sk': r.source_key, 'sc': r.source_code, 'sn': r.source_country, 'so': r.source_org,
                 'tk': r.target_key, 'tc': r.target_code, 'tn': r.target_country, 'tor': r.target_org}
                ORDER BY r.date, r.report_id) AS actors,
           bool_or(r.reciprocal) OR count(DISTINCT r.source_key) > 1 AS reciprocal,
           mode(r.cameo ORDER BY r.date, r.report_id) AS cameo,
           any_value(r.root) AS root,
           mode(r.plover ORDER BY r.date, r.report_id) AS plover,
           mode(r.quad_class ORDER BY r.date, r.report_id) AS quad_class,
           avg(r.goldstein) AS goldstein,
           list_sort(list_distinct(flatten(list(r.contexts)))) AS contexts,
           arg_max(r.location, (r.confidence, r.report_id)) AS location,
           count(*)::INTEGER AS mention_count,
           count(DISTINCT r.doc_hash)::INTEGER AS article_count,
           list_sort(list_distinct(list(d.source))) AS sources,
           list_sort(list_distinct(list(d.url))) AS urls,
           min(coalesce(d.date, d.ingested_at::DATE)) AS first_seen,
           CASE WHEN bool_and(r.status IS NOT DISTINCT FROM 'historical') THEN 'historical'
                WHEN bool_or(r.status = 'reported') THEN 'reported'
                ELSE min(r.status) FILTER (WHERE r.status IS DISTINCT FROM 'historical') END AS status,
           BEST_EVIDENCE AS best_evidence
    FROM reports r JOIN documents d USING (doc_hash)
    WHERE r.cluster_id IN (SELECT cluster_id FROM _touched_clusters)
    GROUP BY r.cluster_id
)
""".replace("BEST_EVIDENCE", BEST_EVIDENCE_SQL)


def existing_hashes(conn: duckdb.DuckDBPyConnection, hashes: Iterable[str]) -> set[str]:
    wanted = pa.table({"h": pa.array(sorted(set(hashes)), pa.string())})
    conn.register("_wanted", wanted)
    try:
        return {
            row[0] for row in conn.execute("SELECT doc_hash FROM documents JOIN _wanted ON doc_hash = h").fetchall()
        }
    finally:
        conn.unregister("_wanted")


def existing_ids(conn: duckdb.DuckDBPyConnection, hashes: Iterable[str]) -> dict[str, str]:
    """Document id of each of ``hashes`` already stored."""
    wanted = pa.table({"h": pa.array(sorted(set(hashes)), pa.string())})
    conn.register("_wanted", wanted)
    try:
        rows = conn.execute("SELECT doc_hash, doc_id FROM documents JOIN _wanted ON doc_hash = h").fetchall()
    finally:
        conn.unregister("_wanted")
    return dict(rows)


def _groups_table(groups: Iterable[tuple[str, str]]) -> pa.Table:
    keys = sorted(set(groups))
    return pa.table(
        {"p": pa.array([g[0] for g in keys], pa.string()), "r": pa.array([g[1] for g in keys], pa.string())}
    )


def _assign(conn: duckdb.DuckDBPyConnection, rows: list[tuple[Any, ...]]) -> int:
    """Cluster these report rows (report_id, source_key, target_key, root, date, date_precision,
    reciprocal), store each report's cluster id and insert their events; returns the event count.
    The caller has deleted the events these reports belonged to."""
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


_INPUT_COLUMNS = "report_id, source_key, target_key, root, date, date_precision, reciprocal"


def recluster(conn: duckdb.DuckDBPyConnection, groups: set[tuple[str, str]] | None = None) -> int:
    """Recompute the events of these (pair_key, root) groups, or of all groups; returns the event count.

    A full recompute: every report of each group is swept again. Ingest uses the incremental
    :func:`recluster_from`, which gives the same result."""
    if groups is None:
        rows = conn.execute(f"SELECT {_INPUT_COLUMNS} FROM reports").fetchall()
        conn.execute("DELETE FROM events")
        return _assign(conn, rows)
    conn.register("_groups", _groups_table(groups))
    try:
        rows = conn.execute(
            f"SELECT {_INPUT_COLUMNS} FROM reports JOIN _groups ON pair_key = p AND root = r"
        ).fetchall()
        conn.execute("DELETE FROM events WHERE EXISTS (SELECT 1 FROM _groups WHERE pair_key = p AND root = r)")
    finally:
        conn.unregister("_groups")
    return _assign(conn, rows)


def restart_dates(reports: Iterable[dict[str, Any]]) -> dict[tuple[str, str], dt.date | None]:
    """Per (pair_key, root) group of these new report rows, the earliest date a day-dated one has
    (None when none is dated to the day: such reports are single events and disturb nothing)."""
    starts: dict[tuple[str, str], dt.date | None] = {}
    for row in reports:
        group = (row["pair_key"], row["root"])
        date = row["date"] if row["date_precision"] in DAY_PRECISIONS else None
        known = starts.get(group)
        if date is not None and (known is None or date < known):
            starts[group] = date
        else:
            starts.setdefault(group, None)
    return starts


def recluster_from(conn: duckdb.DuckDBPyConnection, starts: dict[tuple[str, str], dt.date | None]) -> int:
    """Cluster the reports not yet clustered (``cluster_id IS NULL``) of each (pair_key, root) group in
    ``starts``, restarting the group's date-ordered sweep at its start date (see :func:`restart_dates`);
    returns how many events were (re)written.

    Exact, not an approximation: an event whose earliest report is more than ``WINDOW_DAYS`` before the
    start date closed before any report on or after that date was swept, and reports swept before the
    first new one are assigned as before; so the events of the group from ``start - WINDOW_DAYS`` on are
    swept again together with the new reports, and every earlier event is kept as it is. The result is
    the one :func:`recluster` (a full recompute) gives. The cost grows with the reports near and after
    the start date, not with the size of the group.
    """
    if not starts:
        return 0
    window = dt.timedelta(days=WINDOW_DAYS)
    keys = sorted(starts)
    conn.register(
        "_starts",
        pa.table(
            {
                "p": pa.array([k[0] for k in keys], pa.string()),
                "r": pa.array([k[1] for k in keys], pa.string()),
                "cutoff": pa.array([starts[k] - window if starts[k] else None for k in keys], pa.date32()),
            }
        ),
    )
    try:
        rows = conn.execute(
            f"""SELECT {", ".join("x." + c for c in _INPUT_COLUMNS.split(", "))}, x.cluster_id
                FROM reports x JOIN _starts s ON x.pair_key = s.p AND x.root = s.r
                WHERE x.cluster_id IS NULL
                   OR (x.date >= s.cutoff AND x.cluster_id IN (
                        SELECT e.cluster_id FROM events e JOIN _starts t ON e.pair_key = t.p AND e.root = t.r
                        WHERE e.date >= t.cutoff))"""
        ).fetchall()
    finally:
        conn.unregister("_starts")
    stale = sorted({row[-1] for row in rows if row[-1] is not None})
    if stale:
        conn.register("_stale", pa.table({"cluster_id": pa.array(stale, pa.string())}))
        try:
            conn.execute("DELETE FROM events WHERE cluster_id IN (SELECT cluster_id FROM _stale)")
        finally:
            conn.unregister("_stale")
    return _assign(conn, [row[:-1] for row in rows])


def write_batch(
    conn: duckdb.DuckDBPyConnection, documents: list[dict[str, Any]], reports: list[dict[str, Any]]
) -> None:
    """Insert documents and reports and re-cluster the groups they touch (incrementally, from the
    earliest new report date of each group), all in one transaction."""
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
            recluster_from(conn, restart_dates(reports))
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise


def rollback(conn: duckdb.DuckDBPyConnection) -> None:
    """Roll back, unless the engine already has (a failed COMMIT, such as on a full disk, ends the
    transaction itself): the error to report is the one that stopped the write, not this."""
    with contextlib.suppress(duckdb.Error):
        conn.execute("ROLLBACK")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
