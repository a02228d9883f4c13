"""Events that only refer back to the past (status "historical") stay out of series, rankings and
default date ranges unless asked for; the status column arrives by migration 2."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from store_helpers import StubCoder

from detente.model import Document
from detente.store import Store
from detente.store.schema import LATEST, MIGRATIONS, current_version


class HistoryCoder(StubCoder):
    """The stub coder, but a sentence with "in 2001" is a historical reference dated to that year."""

    def run(self, doc: Document) -> Document:
        super().run(doc)
        for event in doc.events:
            if "in 2001" in event.evidence.text:
                event.status, event.date, event.date_precision = "historical", "2001", "year"
        return doc


NEWS = [
    ("n1", "2014-05-21", "Russia and China signed a gas deal."),
    ("n2", "2014-07-02", "China met officials of Russia in Beijing."),
    ("n3", "2014-07-03", "Russia and China met in 2001 to found the bloc, officials recalled."),
    ("n4", "2014-06-10", "Iran accused the United States."),
]


@pytest.fixture
def history(tmp_path: Path) -> Store:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"id": i, "date": d, "text": t}) + "\n" for i, d, t in NEWS), "utf-8")
    with Store(tmp_path / "h.duckdb", coder=HistoryCoder()) as store:
        store.ingest([path])
        yield store


def test_event_status_is_stored(history: Store) -> None:
    rows = history.conn.execute("SELECT date::VARCHAR, status FROM events ORDER BY date").fetchall()
    assert rows == [("2001-01-01", "historical"), ("2014-05-21", "reported"), ("2014-06-10", "reported"),
                    ("2014-07-02", "reported")]  # fmt: skip


def test_dyad_ignores_historical_unless_asked(history: Store) -> None:
    series = history.dyad("CHN", "RUS")
    periods = [r["period"] for r in series.direction("CHN-RUS")]
    assert periods == ["2014-05-01", "2014-06-01", "2014-07-01"]
    assert sum(r["events"] for r in series.direction("CHN-RUS")) == 2
    full = history.dyad("CHN", "RUS", by="year", include_historical=True)
    combined = full.direction("CHN-RUS")
    assert combined[0]["period"] == "2001-01-01" and len(combined) == 14
    assert sum(r["events"] for r in combined) == 3


def test_top_dyads_ignores_historical_unless_asked(history: Store) -> None:
    top = history.top_dyads()
    assert top.start == dt.date(2014, 5, 21) and top.end == dt.date(2014, 7, 2)
    assert {r["pair"]: r["events"] for r in top.activity} == {"CHN-RUS": 2, "IRN-USA": 1}
    full = history.top_dyads(include_historical=True)
    assert full.start == dt.date(2001, 1, 1)
    assert {r["pair"]: r["events"] for r in full.activity}["CHN-RUS"] == 3


def test_exports_carry_the_status(history: Store, tmp_path: Path) -> None:
    history.export("plover", tmp_path / "e.jsonl")
    statuses = [json.loads(line)["status"] for line in (tmp_path / "e.jsonl").read_text("utf-8").splitlines()]
    assert sorted(statuses) == ["historical", "reported", "reported", "reported"]


def test_migration_2_adds_and_fills_status(tmp_path: Path) -> None:
    """A version-1 database (built by migration 1 only) gets the column, filled from its reports."""
    path = tmp_path / "v1.duckdb"
    with Store(tmp_path / "src.duckdb", coder=HistoryCoder()) as source:
        news = tmp_path / "news.jsonl"
        news.write_text("".join(json.dumps({"id": i, "date": d, "text": t}) + "\n" for i, d, t in NEWS), "utf-8")
        source.ingest([news])
        expected = source.conn.execute("SELECT cluster_id, status, best_evidence FROM events ORDER BY 1").fetchall()
        columns = [c for (c,) in source.conn.execute("SELECT column_name FROM (DESCRIBE events)").fetchall()]
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR, "
                 "applied_at TIMESTAMP DEFAULT current_timestamp)")  # fmt: skip
    for statement in MIGRATIONS[0].statements:
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version (version, description) VALUES (1, 'v1')")
    conn.execute(f"ATTACH '{tmp_path / 'src.duckdb'}' AS src (READ_ONLY)")
    conn.execute("INSERT INTO documents SELECT * FROM src.documents")
    conn.execute("INSERT INTO reports SELECT * FROM src.reports")
    v1_columns = ", ".join(c for c in columns if c not in ("status", "best_evidence"))
    conn.execute(f"INSERT INTO events SELECT {v1_columns} FROM src.events")
    conn.close()
    with Store(path) as store:
        assert current_version(store.conn) == LATEST >= 4
        # migrations 2 and 4 fill the columns as the writer does
        query = "SELECT cluster_id, status, best_evidence FROM events ORDER BY 1"
        assert store.conn.execute(query).fetchall() == expected
        assert store.dyad("CHN", "RUS").direction("CHN-RUS")[0]["period"] == "2014-05-01"
