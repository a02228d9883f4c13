"""The database schema, built and changed by numbered migrations.

Each migration runs in its own transaction and records itself in ``schema_version``, so a
database is always at a whole version: a crash mid-migration rolls that migration back.
Add a migration by appending to :data:`MIGRATIONS`; never edit one that has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from detente.store.errors import StoreError

# An event's evidence as the events API shows it: its most confident report (a missing confidence
# counts as 0, ties go to the smaller report id) with that report's document, as one JSON object.
# Kept on the event (``events.best_evidence``) so that a page of events is one keyed read, not
# three; the aggregate runs over ``reports r`` joined to ``documents d`` and grouped by cluster.
BEST_EVIDENCE_SQL = """to_json(arg_min(
    {'report_id': r.report_id, 'cluster_id': r.cluster_id, 'doc_hash': r.doc_hash,
     'doc_id': coalesce(d.doc_id, ''), 'title': d.title, 'url': d.url, 'doc_source': d.source,
     'date': r.date, 'cameo': r.cameo, 'confidence': r.confidence, 'status': r.status,
     'trigger': r.trigger, 'evidence_text': r.evidence_text, 'evidence_start': r.evidence_start,
     'evidence_end': r.evidence_end},
    (-coalesce(r.confidence, 0.0), r.report_id)))"""

# Fills ``events.best_evidence`` from the reports (migration 4; stores written by other means, such
# as the serving benchmark's synthetic one).
FILL_BEST_EVIDENCE = f"""UPDATE events SET best_evidence = s.best_evidence
FROM (
    SELECT r.cluster_id, {BEST_EVIDENCE_SQL} AS best_evidence
    FROM reports r LEFT JOIN documents d USING (doc_hash)
    WHERE r.cluster_id IS NOT NULL GROUP BY r.cluster_id
) s
WHERE events.cluster_id = s.cluster_id"""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, reports (one row per coded event per document), events (cross-article clusters)",
        (
            """CREATE TABLE documents (
                doc_hash VARCHAR PRIMARY KEY,
                doc_id VARCHAR NOT NULL,
                date DATE,
                title VARCHAR,
                url VARCHAR,
                source VARCHAR,
                origin VARCHAR,
                text VARCHAR NOT NULL,
                ingested_at TIMESTAMP NOT NULL
            )""",
            """CREATE TABLE reports (
                report_id VARCHAR PRIMARY KEY,
                event_id VARCHAR NOT NULL,
                doc_hash VARCHAR NOT NULL,
                date DATE,
                date_precision VARCHAR,
                source_text VARCHAR,
                source_code VARCHAR,
                source_country VARCHAR,
                source_org VARCHAR,
                source_key VARCHAR,
                target_text VARCHAR,
                target_code VARCHAR,
                target_country VARCHAR,
                target_org VARCHAR,
                target_key VARCHAR,
                pair_key VARCHAR NOT NULL,
                cameo VARCHAR NOT NULL,
                root VARCHAR NOT NULL,
                plover VARCHAR,
                quad_class INTEGER,
                goldstein DOUBLE,
                contexts VARCHAR[],
                status VARCHAR,
                evidence_text VARCHAR,
                evidence_start INTEGER,
                evidence_end INTEGER,
                mentions JSON,
                confidence DOUBLE,
                location JSON,
                quantities JSON,
                trigger VARCHAR,
                reciprocal BOOLEAN,
                cluster_id VARCHAR
            )""",
            """CREATE TABLE events (
                cluster_id VARCHAR PRIMARY KEY,
                pair_key VARCHAR NOT NULL,
                date DATE,
                date_precision VARCHAR,
                source_key VARCHAR,
                source_code VARCHAR,
                source_country VARCHAR,
                source_org VARCHAR,
                target_key VARCHAR,
                target_code VARCHAR,
                target_country VARCHAR,
                target_org VARCHAR,
                reciprocal BOOLEAN,
                cameo VARCHAR,
                root VARCHAR,
                plover VARCHAR,
                quad_class INTEGER,
                goldstein DOUBLE,
                contexts VARCHAR[],
                location JSON,
                mention_count INTEGER,
                article_count INTEGER,
                sources VARCHAR[],
                urls VARCHAR[],
                first_seen DATE
            )""",
        ),
    ),
    Migration(
        2,
        "events.status: 'historical' when every report of the event is historical, else 'reported' if any is",
        (
            "ALTER TABLE events ADD COLUMN status VARCHAR",
            """UPDATE events SET status = s.status
               FROM (
                   SELECT cluster_id,
                          CASE WHEN bool_and(status IS NOT DISTINCT FROM 'historical') THEN 'historical'
                               WHEN bool_or(status = 'reported') THEN 'reported'
                               ELSE min(status) FILTER (WHERE status IS DISTINCT FROM 'historical') END AS status
                   FROM reports WHERE cluster_id IS NOT NULL GROUP BY cluster_id
               ) s
               WHERE events.cluster_id = s.cluster_id""",
        ),
    ),
    Migration(
        3,
        "index on reports.cluster_id: an event's reports (its evidence) by lookup, not a scan of every report",
        ("CREATE INDEX IF NOT EXISTS reports_cluster_id ON reports (cluster_id)",),
    ),
    Migration(
        4,
        "events.best_evidence: the event's most confident report with its document (JSON), so a page of "
        "events is one read",
        ("ALTER TABLE events ADD COLUMN best_evidence JSON", FILL_BEST_EVIDENCE),
    ),
)

LATEST = MIGRATIONS[-1].version
# The oldest version readers still serve as is: later migrations add an index and a column derived
# from the reports (speed, not answers; readers look the evidence up where the column is missing).
READABLE = 2
BEST_EVIDENCE_VERSION = 4


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0]
    if not exists or not exists[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchall()[0]
    return int(row[0]) if row and row[0] is not None else 0


def _table_names(conn: duckdb.DuckDBPyConnection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]


def migrate(conn: duckdb.DuckDBPyConnection, path: str, create: bool = True) -> int:
    """Bring the database to :data:`LATEST`; returns the version it was at before.

    A DuckDB database with tables but no ``schema_version`` belongs to something else and is
    refused; so is an empty one unless ``create``."""
    tables = _table_names(conn)
    if "schema_version" not in tables:
        if tables:
            shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(f"{path}: not a detente database (it has tables {shown} but no schema_version)")
        if not create:
            raise StoreError(f"{path}: not a detente database (the DuckDB file holds no tables)")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR, "
        "applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    before = current_version(conn)
    if before > LATEST:
        raise StoreError(f"{path}: schema version {before} is newer than this detente ({LATEST}); upgrade detente")
    for migration in MIGRATIONS:
        if migration.version <= before:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, description) VALUES (?, ?)",
                [migration.version, migration.description],
            )
            conn.execute("COMMIT")
        except duckdb.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"{path}: migration {migration.version} failed: {exc}") from exc
    return before
