"""``dyad`` and ``top-dyads`` read well: at most 100 columns on the bundled sample news, one row per
period, names beside codes, a mean Goldstein on the -10..+10 scale; ``--wide`` shows every column."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import REPO
from typer.testing import CliRunner, Result

from detente.cli import app
from detente.store import Store
from detente.store.tables import actor_name, text_table

SAMPLES = sorted((REPO / "detente" / "data" / "samples").glob("*.jsonl"))


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("samples") / "samples.duckdb"
    with Store(db) as store:  # the real coder on the real samples
        store.ingest(SAMPLES)
    return db


def _run(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def _table(stdout: str) -> tuple[list[str], list[list[str]]]:
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("period"))
    return lines[start].split("  "), [line.split() for line in lines[start + 1 :] if line.strip()]


def test_dyad_fits_100_columns_one_row_per_period_with_names(sample_db: Path) -> None:
    result = _run("dyad", "CHN", "RUS", "--db", str(sample_db))
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100, max(lines, key=len)
    assert "China (CHN) and Russia (RUS)" in lines[0]
    header, rows = _table(result.stdout)
    assert [h.strip() for h in header if h.strip()][:4] == ["period", "events", "CHN→RUS", "RUS→CHN"]
    periods = [row[0] for row in rows]
    assert len(periods) == len(set(periods)) > 3, "one row per period"
    assert periods == sorted(periods) and all(len(p) == 7 for p in periods)
    assert sum(int(row[1]) for row in rows) > 0
    golds = [float(row[6]) for row in rows if row[6] != "-"]
    assert golds and all(-10 <= g <= 10 for g in golds), "Goldstein is a mean, never a sum"
    assert all(row[6] == "-" for row in rows if row[1] == "0"), "an empty period has no Goldstein"


def test_wide_shows_every_column_per_direction(sample_db: Path) -> None:
    result = _run("dyad", "CHN", "RUS", "--wide", "--db", str(sample_db))
    header, rows = _table(result.stdout)
    names = {h.strip() for h in header if h.strip()}
    assert {"direction", "verbal_conflict", "material_coop", "goldstein_mean", "goldstein_sum", "documents"} <= names
    assert {row[1] for row in rows} == {"CHN->RUS", "RUS->CHN", "CHN-RUS"}
    assert all(len(row) == len(names) for row in rows), "no column cut"


def test_csv_keeps_every_row_and_column(sample_db: Path) -> None:
    result = _run("dyad", "CHN", "RUS", "--format", "csv", "--db", str(sample_db))
    head = result.stdout.splitlines()[0].split(",")
    assert head[:3] == ["period", "direction", "events"] and "goldstein_mean" in head


def test_top_dyads_fit_with_names(sample_db: Path) -> None:
    result = _run("top-dyads", "--db", str(sample_db))
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100, max(lines, key=len)
    assert any("China–Russia" in line or "Russia–China" in line for line in lines)
    assert lines[1].split()[:4] == ["pair", "events", "reports", "Goldstein"]


def test_text_table_cuts_only_the_last_column() -> None:
    lines = text_table(["period", "events", "notes"], [["2015-01", "12", "x" * 200]], width=40)
    assert lines[0] == "period   events  notes"
    assert len(lines[1]) == 40 and lines[1].startswith("2015-01      12  xxx") and lines[1].endswith("…")
    assert len(text_table(["a", "b"], [["1", "y" * 200]], width=None)[1]) > 200


def test_actor_names_from_the_bundled_tables() -> None:
    assert actor_name("CHN") == "China" and actor_name("NATO") != "NATO" and actor_name("ZZZQ") == "ZZZQ"


def test_a_month_as_the_range_end_includes_that_month(sample_db: Path) -> None:
    result = _run("dyad", "CHN", "RUS", "--from", "2015-04", "--to", "2015-05", "--db", str(sample_db))
    _, rows = _table(result.stdout)
    assert [row[0] for row in rows] == ["2015-04", "2015-05"] and all(int(row[1]) > 0 for row in rows)
