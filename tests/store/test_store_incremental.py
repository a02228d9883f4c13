"""Incremental re-clustering: ingesting in many batches gives exactly the events of a one-shot
ingest and of a full recompute, and a batch only re-sweeps the reports near its own dates."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import pytest
from store_helpers import StubCoder

import detente.store.writer as writer
from detente.store import Store

PAIRS = [("Russia", "China"), ("Iran", "the United States"), ("Syria", "Iraq")]
DIRECTED = ["accused", "attacked", "signed a deal with", "met officials of"]
MUTUAL = ["met", "signed a deal", "accused each other"]
EVENTS = "SELECT * EXCLUDE (first_seen) FROM events ORDER BY cluster_id"  # first_seen of undated docs = ingest day
CLUSTERS = "SELECT report_id, cluster_id FROM reports ORDER BY report_id"


def _records(seed: int, n: int) -> list[dict[str, Any]]:
    """Dense, shuffled news: 20 days, few pairs, both directions, reciprocal reports, some undated."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(1, 4)):
            a, b = rng.sample(rng.choice(PAIRS), 2)
            if rng.random() < 0.3:
                sentences.append(f"{a} and {b} {rng.choice(MUTUAL)}.")
            else:
                sentences.append(f"{a} {rng.choice(DIRECTED)} {b}.")
        record: dict[str, Any] = {"id": f"s{seed}-{i}", "text": " ".join(sentences) + f" Story {i}."}
        if rng.random() > 0.1:
            record["date"] = (dt.date(2014, 5, 1) + dt.timedelta(days=rng.randint(0, 19))).isoformat()
        out.append(record)
    return out


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _snapshot(store: Store) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    return store.conn.execute(EVENTS).fetchall(), store.conn.execute(CLUSTERS).fetchall()


@pytest.mark.parametrize("seed", [1, 2])
def test_batches_equal_one_shot_and_full_recompute(tmp_path: Path, seed: int) -> None:
    records = _records(seed, 100)
    corpus = _write(tmp_path / "all.jsonl", records)
    with Store(tmp_path / "one.duckdb", coder=StubCoder()) as store:
        store.ingest([corpus], batch_docs=10_000)
        one_shot = _snapshot(store)
        merged = store.conn.execute("SELECT count(*) FROM events WHERE mention_count > 1").fetchall()[0][0]
    assert len(one_shot[0]) > 20 and merged > 5

    # Several ingests of shuffled slices, each in batches of 3: new reports land before, among
    # and after stored ones, in groups that already have events.
    shuffled = random.Random(seed).sample(records, len(records))
    slices = [_write(tmp_path / f"part{i}.jsonl", shuffled[i::4]) for i in range(4)]
    with Store(tmp_path / "batched.duckdb", coder=StubCoder()) as store:
        for part in slices:
            store.ingest([part], batch_docs=3)
        batched = _snapshot(store)
        store.recluster()
        recomputed = _snapshot(store)
    assert batched == one_shot
    assert recomputed == one_shot


def test_earlier_report_moves_the_window(store: Store, tmp_path: Path) -> None:
    """Reports on days 3, 4, 5 are one event; a later batch with day 2 makes {2, 3, 4} and {5}."""
    first = [{"id": f"d{d}", "date": f"2014-05-0{d}", "text": f"Iran accused Iraq. Day {d}."} for d in (3, 4, 5)]
    store.ingest([_write(tmp_path / "first.jsonl", first)])
    assert store.conn.execute("SELECT mention_count FROM events").fetchall() == [(3,)]
    early = [{"id": "d2", "date": "2014-05-02", "text": "Iran accused Iraq. Day 2."}]
    store.ingest([_write(tmp_path / "early.jsonl", early)])
    rows = store.conn.execute("SELECT date::VARCHAR, mention_count FROM events ORDER BY date").fetchall()
    assert rows == [("2014-05-02", 3), ("2014-05-05", 1)]
    before = _snapshot(store)
    store.recluster()
    assert _snapshot(store) == before


def test_a_batch_resweeps_only_reports_near_its_dates(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long history of one pair, then one new report at the end: the sweep sees only the reports
    from two days before it on, not the whole group."""
    day = [(dt.date(2014, 1, 1) + dt.timedelta(days=i)).isoformat() for i in range(200)]
    history = [{"id": f"h{i}", "date": day[i], "text": f"Iran accused Iraq {i}."} for i in range(200)]
    store.ingest([_write(tmp_path / "history.jsonl", history)], batch_docs=50)
    swept: list[int] = []
    assign = writer._assign
    monkeypatch.setattr(writer, "_assign", lambda conn, rows: swept.append(len(rows)) or assign(conn, rows))
    new = [{"id": "new", "date": day[199], "text": "Iran accused Iraq again."}]
    store.ingest([_write(tmp_path / "new.jsonl", new)])
    assert swept == [3]  # the new report and the event of days 198-199 (events run 0-2, 3-5, ...)
    assert store.counts()["reports"] == 201
    before = _snapshot(store)
    store.recluster()
    assert _snapshot(store) == before
