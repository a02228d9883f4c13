"""The four exports round-trip."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from detente.store import Store
from detente.store.export import CSV_COLUMNS, GDELT_COLUMNS

MORE = [
    ("x-1", "2014-06-02", "AP", "Iran accused the United States of spying."),
    ("x-2", "2014-07-09", "AP", "Russian jets attacked Syria positions, Syria said."),
]


@pytest.fixture
def filled(store: Store, gas_deal: Path, tmp_path: Path) -> Store:
    extra = tmp_path / "more.jsonl"
    extra.write_text(
        "".join(json.dumps(dict(zip(("id", "date", "source", "text"), r, strict=True))) + "\n" for r in MORE), "utf-8"
    )
    store.ingest([gas_deal, extra])
    assert store.counts()["events"] == 3
    return store


def test_parquet_partitioned_by_month(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert filled.export("parquet", out) == 3
    assert sorted(p.name for p in out.iterdir()) == ["month=2014-05", "month=2014-06", "month=2014-07"]
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true)").fetchall()
    assert n == [(3,)]


def test_csv(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    filled.export("csv", out)
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == list(CSV_COLUMNS) and len(rows) == 3
    gas = next(r for r in rows if r["root"] == "05")
    assert gas["mention_count"] == "3" and len(json.loads(gas["evidence"])) == 3


def test_gdelt_tsv(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    filled.export("gdelt", out)
    lines = out.read_text("utf-8").splitlines()
    header = lines[0].split("\t")
    assert tuple(header) == GDELT_COLUMNS and len(lines) == 4
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    gas = next(r for r in rows if r["EventRootCode"] == "05")
    assert (gas["SQLDATE"], gas["MonthYear"], gas["Year"]) == ("20140521", "201405", "2014")
    assert (gas["NumMentions"], gas["NumArticles"], gas["NumSources"]) == ("3", "3", "3")
    assert {gas["Actor1CountryCode"], gas["Actor2CountryCode"]} == {"CHN", "RUS"}
    assert int(gas["GLOBALEVENTID"]) > 0


def test_plover_json_lines(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    filled.export("plover", out)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 3
    gas = next(r for r in records if r["event"] == "AGREE")
    assert gas["num_mentions"] == 3 and gas["date"] == "2014-05-21" and len(gas["evidence"]) == 3


def test_unknown_format(filled: Store, tmp_path: Path) -> None:
    from detente.errors import UsageError

    with pytest.raises(UsageError):
        filled.export("xml", tmp_path / "x")
