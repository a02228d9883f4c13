"""The store commands: clear one-line errors (file and reason, never a traceback) and the demo."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from store_helpers import StubCoder
from typer.testing import CliRunner, Result

from detente.cli import app
from detente.store import Store

PNG = b"\x89PNG\r\n\x1a\n"


def _run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def _fails_cleanly(result: Result, *needles: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in result.output, result.output


@pytest.fixture
def filled(tmp_path: Path, gas_deal: Path) -> Path:
    db = tmp_path / "filled.duckdb"
    with Store(db, coder=StubCoder()) as store:
        store.ingest([gas_deal])
    return db


READERS = [
    ("dyad", "CHN", "RUS"),
    ("top-dyads",),
    ("export", "--format", "csv", "--out", "OUT"),
]


def _command(args: tuple[str, ...], db: Path, tmp_path: Path) -> list[str]:
    return [str(tmp_path / "out.csv") if a == "OUT" else a for a in args] + ["--db", str(db)]


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_missing_database(tmp_path: Path, args: tuple[str, ...]) -> None:
    db = tmp_path / "absent.duckdb"
    _fails_cleanly(_run(*_command(args, db, tmp_path)), str(db), "no such database file")
    assert not db.exists(), "a read command must not create the database"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"id,text\n1,hello\n", "not a DuckDB database file"),
        (b"SQLite format 3\x00" + bytes(100), "it is a SQLite database"),
        (b"", "the file is empty"),
    ],
    ids=["text", "sqlite", "empty"],
)
@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_not_a_duckdb_file(tmp_path: Path, args: tuple[str, ...], content: bytes, reason: str) -> None:
    db = tmp_path / "news.duckdb"
    db.write_bytes(content)
    _fails_cleanly(_run(*_command(args, db, tmp_path)), str(db), reason)
    assert db.read_bytes() == content


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_duckdb_file_of_another_program(tmp_path: Path, args: tuple[str, ...]) -> None:
    db = tmp_path / "other.duckdb"
    with duckdb.connect(str(db)) as conn:
        conn.execute("CREATE TABLE sales (id INTEGER)")
    _fails_cleanly(_run(*_command(args, db, tmp_path)), str(db), "not a detente database", "sales")
    with duckdb.connect(str(db)) as conn:
        tables = conn.execute("SELECT table_name FROM information_schema.tables").fetchall()
    assert tables == [("sales",)], "nothing may be added to a foreign database"


def test_directory_as_database(tmp_path: Path) -> None:
    _fails_cleanly(_run("top-dyads", "--db", str(tmp_path)), str(tmp_path), "is a directory")


def test_ingest_also_refuses_a_foreign_file(tmp_path: Path, gas_deal: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_text("my notes\n", "utf-8")
    _fails_cleanly(_run("ingest", str(gas_deal), "--db", str(db)), str(db), "not a DuckDB database file")


@pytest.mark.parametrize(
    ("code", "reason"),
    [("C?N", "malformed"), ("X", "malformed"), ("CHM", "unknown actor code 'CHM'"), ("ZZZQ", "unknown actor code")],
)
def test_bad_country_code(filled: Path, code: str, reason: str) -> None:
    _fails_cleanly(_run("dyad", code, "RUS", "--db", str(filled)), reason)


def test_unknown_code_suggests_close_ones(filled: Path) -> None:
    result = _run("dyad", "CHM", "RUS", "--db", str(filled))
    _fails_cleanly(result, "did you mean", "CHN")


def test_known_code_without_events_is_not_an_error(filled: Path) -> None:
    result = _run("dyad", "FRA", "DEU", "--db", str(filled))
    assert result.exit_code == 0 and "no events between FRA and DEU" in result.output


def test_same_code_twice(filled: Path) -> None:
    _fails_cleanly(_run("dyad", "chn", "CHN", "--db", str(filled)), "two different actor codes")


@pytest.mark.parametrize("by", ["fortnight", "MONTH", ""])
def test_bad_by_value(filled: Path, by: str) -> None:
    _fails_cleanly(_run("dyad", "CHN", "RUS", "--by", by, "--db", str(filled)), "--by", "day", "month")


def test_bad_date(filled: Path) -> None:
    _fails_cleanly(_run("top-dyads", "--from", "2014-13-01", "--db", str(filled)), "--from")


def test_dyad_and_export_work(filled: Path, tmp_path: Path) -> None:
    result = _run("dyad", "chn", "rus", "--format", "csv", "--db", str(filled))
    assert result.exit_code == 0, result.output
    assert "2014-05-01,CHN-RUS,1,3," in result.output
    out = tmp_path / "events.csv"
    result = _run("export", "--format", "csv", "--out", str(out), "--db", str(filled))
    assert result.exit_code == 0 and out.exists(), result.output


def test_demo(tmp_path: Path) -> None:
    db, plot = tmp_path / "demo.duckdb", tmp_path / "demo.png"
    result = _run("demo", "--db", str(db), "--plot", str(plot))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("period"))
    table = [line for line in lines[header:] if not line.startswith("plot:")]
    assert all(len(line) <= 100 for line in table), max(table, key=len)
    assert table[0].split()[:4] == ["period", "events", "CHN→RUS", "RUS→CHN"] and "top contexts" in table[0]
    assert "China (CHN) and Russia (RUS)" in result.stdout
    rows = [line.split() for line in table[1:]]
    assert rows, result.output
    assert all(len(r[0]) == 7 for r in rows), "one row per month (YYYY-MM), the combined CHN-RUS series"
    assert int(rows[0][1]) > 0 and int(rows[-1][1]) > 0, "from the first to the last month with events"
    assert not rows[0][0].startswith("2001"), "historical references stay out of the default range"
    assert "->" not in result.stdout
    assert lines[-1] == f"plot: {plot}" and "dyad CHN RUS --wide" in result.stdout
    assert plot.read_bytes()[:8] == PNG


def test_a_bad_record_stops_ingest_with_the_way_to_go_on(tmp_path: Path) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text('{"id": "1", "text": "Russia and China signed a gas deal."}\n{"id": 2, "text": \n')
    db = tmp_path / "bad.duckdb"
    _fails_cleanly(_run("ingest", str(source), "--db", str(db)), f"{source}:2", "--skip-bad")
