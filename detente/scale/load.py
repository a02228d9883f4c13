"""Load finished partition files into the store and deduplicate across articles.

Documents and reports go in with one transaction, in input order (partition, then position), so
the tables end up as a local ingest leaves them; a document whose content hash is already stored,
or that two partitions both hold (a retried or reused file), goes in once. The store's own
clustering (``Store.recluster``) then builds the events from every report, which is what the
local ingest's per-batch reclustering converges to.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from detente.scale.errors import ScaleError
from detente.store import Store

_STAGE = """
CREATE TEMP TABLE _scale_parts AS
SELECT * FROM read_parquet($files)
WHERE doc_hash NOT IN (SELECT doc_hash FROM documents)
QUALIFY row_number() OVER (PARTITION BY doc_hash ORDER BY part, seq) = 1
"""
_DOCUMENTS = "INSERT INTO documents BY NAME SELECT * EXCLUDE (part, seq, reports) FROM _scale_parts ORDER BY part, seq"
_REPORTS = """
INSERT INTO reports BY NAME
SELECT unnest(r) FROM (
    SELECT part, seq, unnest(reports) AS r, generate_subscripts(reports, 1) AS i FROM _scale_parts
) ORDER BY part, seq, i
"""


def load_parts(store: Store, files: Sequence[str]) -> tuple[int, int]:
    """Insert the files' new documents and reports; returns (documents, reports) added."""
    conn = store.conn
    added = (0, 0)
    if files:
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(_STAGE, {"files": list(files)})
            docs = conn.execute("SELECT count(*), coalesce(sum(len(reports)), 0) FROM _scale_parts").fetchall()[0]
            conn.execute(_DOCUMENTS)
            conn.execute(_REPORTS)
            conn.execute("DROP TABLE _scale_parts")
            conn.execute("COMMIT")
            added = (int(docs[0]), int(docs[1]))
        except duckdb.Error as exc:
            conn.execute("ROLLBACK")
            raise ScaleError(f"{store.path}: loading the coded partitions failed: {exc}") from exc
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    if added[1] or _unclustered(conn):
        # Also after a crash between the commit above and this call: a rerun finds the reports
        # without a cluster and finishes the job.
        store.recluster()
    return added


def _unclustered(conn: duckdb.DuckDBPyConnection) -> bool:
    return bool(conn.execute("SELECT count(*) FROM reports WHERE cluster_id IS NULL").fetchall()[0][0])
