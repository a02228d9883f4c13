"""kill -9 in the middle of an ingest leaves a consistent database, and a re-run completes it."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from store_helpers import REPO

from detente.store import Store

CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {helpers!r})
    from store_helpers import StubCoder
    from detente.store import Store

    def progress(report):
        print("committed", report.documents_added, flush=True)

    with Store(sys.argv[1], coder=StubCoder()) as store:
        store.ingest([sys.argv[2]], progress=progress, batch_docs=25)
    print("done", flush=True)
    """
).format(helpers=str(Path(__file__).resolve().parent))

EVENTS = "SELECT * EXCLUDE (first_seen) FROM events ORDER BY cluster_id"  # first_seen may differ by ingest day
DOCS = 2000  # 80 batches of 25
PAIRS = [("Russia", "China"), ("Iran", "the United States"), ("Syria", "Iraq"), ("China", "Iran")]
VERBS = ["signed a deal with", "met officials of", "accused", "attacked"]


def _corpus(path: Path, n: int) -> None:
    """A crawl-like corpus: dates advance through 2014 with the story number, give or take 5 days,
    so batches overlap in time and the incremental re-clustering restarts inside earlier batches."""
    rng = random.Random(7)
    start = dt.date(2014, 1, 1)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            lines = []
            for _ in range(6):
                a, b = rng.choice(PAIRS)
                lines.append(f"{a} {rng.choice(VERBS)} {b} on day {rng.randint(1, 28)}, story {i}.")
            date = start + dt.timedelta(days=i * 365 // n + rng.randint(-5, 5))
            record = {"id": f"gen-{i}", "date": date.isoformat(), "source": f"outlet{i % 5}", "text": " ".join(lines)}
            out.write(json.dumps(record) + "\n")


def _run_child(db: Path, corpus: Path, kill_after: int | None) -> str:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(corpus)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None
    last = ""
    for line in proc.stdout:
        last = line.strip()
        if kill_after is not None and last.startswith("committed") and int(last.split()[1]) >= kill_after:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=120)
    return last


def _check_consistent(store: Store) -> dict[str, int]:
    sql = store.conn.execute
    assert sql("SELECT count(*) FROM reports r ANTI JOIN documents d USING (doc_hash)").fetchall() == [(0,)]
    assert sql("SELECT count(*) FROM reports WHERE cluster_id IS NULL").fetchall() == [(0,)]
    assert sql("SELECT count(*) FROM reports r ANTI JOIN events e USING (cluster_id)").fetchall() == [(0,)]
    assert sql("SELECT count(*) FROM events e ANTI JOIN reports r USING (cluster_id)").fetchall() == [(0,)]
    mismatched = sql(
        "SELECT count(*) FROM events e JOIN (SELECT cluster_id, count(*) n FROM reports GROUP BY 1) r "
        "USING (cluster_id) WHERE e.mention_count <> r.n"
    ).fetchall()
    assert mismatched == [(0,)]
    return store.counts()


def test_kill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    corpus = tmp_path / "big.jsonl"
    _corpus(corpus, DOCS)
    killed_db, fresh_db = tmp_path / "killed.duckdb", tmp_path / "fresh.duckdb"

    assert _run_child(killed_db, corpus, kill_after=DOCS // 3).startswith("committed")
    with Store(killed_db) as store:
        partial = _check_consistent(store)
    assert DOCS // 3 <= partial["documents"] < DOCS, "the kill should land mid-run"

    assert _run_child(killed_db, corpus, kill_after=None) == "done"
    assert _run_child(fresh_db, corpus, kill_after=None) == "done"
    with Store(killed_db) as store:
        resumed = _check_consistent(store)
        resumed_events = store.conn.execute(EVENTS).fetchall()
    with Store(fresh_db) as store:
        fresh = _check_consistent(store)
        fresh_events = store.conn.execute(EVENTS).fetchall()
    assert resumed == fresh and fresh["documents"] == DOCS
    assert resumed_events == fresh_events
