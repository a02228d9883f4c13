"""The relationship summary: the trend test on synthetic dyads with a known trend, and the
summary, filters and series on a small store built row by row."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest
from synthetic_relations import PERIODS, SHAPES, SIZES, SPARSE_RATE, draw
from typer.testing import CliRunner

from detente.cli import app
from detente.errors import UsageError
from detente.store import Store
from detente.store.filters import build_filters
from detente.store.relation import relation
from detente.store.series import dyad
from detente.store.trend import assess, fit_trend

SEEDS = 60  # per shape and size; deterministic (seeds 0..59); benchmarks/bench_relation.py runs more


def test_synthetic_trends_get_the_right_verdict() -> None:
    hits: dict[tuple[str, str], float] = {}
    for shape, (_, expected) in SHAPES.items():
        for size, rate in SIZES.items():
            verdicts = [assess(*draw(shape, rate, seed), PERIODS).verdict for seed in range(SEEDS)]
            hits[(shape, size)] = sum(v == expected for v in verdicts) / SEEDS
    overall = sum(hits.values()) / len(hits)
    assert overall >= 0.95, hits
    # a flat dyad is called changed about 1 - LEVEL of the time by design; no cell may do worse
    assert min(hits.values()) >= 0.88, hits


def test_sparse_dyads_are_not_enough_events() -> None:
    for shape in SHAPES:
        verdicts = {assess(*draw(shape, SPARSE_RATE, seed), PERIODS).verdict for seed in range(SEEDS // 2)}
        assert verdicts == {"not enough events"}, shape


def test_interval_covers_the_true_slope() -> None:
    # rising shape: cooperation 0.2 -> 0.8, so net cooperation -0.6 -> +0.6 over PERIODS - 1 steps
    true_slope = 1.2 / (PERIODS - 1)
    covered = 0
    for seed in range(SEEDS):
        trend = fit_trend(*draw("rising", SIZES["medium"], seed), PERIODS)
        assert trend is not None
        covered += trend.interval[0] <= true_slope <= trend.interval[1]
    assert covered / SEEDS >= 0.85


def test_volume_alone_is_no_trend() -> None:
    # the same mix of cooperation and conflict each period, with ever more news: no change
    t = np.repeat(np.arange(24), np.arange(24) + 2)
    s = np.where(np.arange(len(t)) % 4 == 0, -1, 1)
    result = assess(t, s, 24)
    assert result.verdict == "no clear change"
    assert result.trend is not None and abs(result.trend.slope) < 0.01


def test_mirrored_scores_mirror_the_verdict() -> None:
    t, s = draw("rising", SIZES["small"], 3)
    assert assess(t, s, PERIODS).verdict == "warming"
    assert assess(t, -s, PERIODS).verdict == "cooling"


# --- a small store, written row by row --------------------------------------------------------


def _insert(conn, i: int, day: dt.date, src: str, tgt: str, cameo: str, quad: int, gold: float, **kw) -> None:  # type: ignore[no-untyped-def]
    status, sector, conf = kw.get("status", "reported"), kw.get("sector", "GOV"), kw.get("confidence", 0.9)
    cid, doc, pair = f"c{i:04d}", f"h{i:04d}", "|".join(sorted((src, tgt)))
    conn.execute(
        "INSERT INTO documents (doc_hash, doc_id, date, text, ingested_at) VALUES (?, ?, ?, 'text', now())",
        [doc, f"doc-{i}", day],
    )
    conn.execute(
        """INSERT INTO reports (report_id, event_id, doc_hash, date, pair_key, cameo, root, evidence_text,
                                confidence, status, cluster_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [f"r{i}", f"e{i}", doc, day, pair, cameo, cameo[:2], f"evidence {i}", conf, status, cid],
    )
    conn.execute(
        """INSERT INTO events (cluster_id, pair_key, date, source_key, source_code, source_country, target_key,
                               target_code, target_country, reciprocal, cameo, root, plover, quad_class, goldstein,
                               contexts, mention_count, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, NULL, ?, ?, ?, 1, ?)""",
        [cid, pair, day, src, src + sector, src, tgt, tgt, tgt, cameo, cameo[:2], quad, gold,
         ["military"] if quad == 4 else ["diplomatic"], status],
    )  # fmt: skip


@pytest.fixture(scope="module")
def warming_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """CHN-RUS over 2014-2015: conflict (MIL) early, cooperation late, two events a month, plus
    planned threats late in the window that only count when asked for."""
    path = tmp_path_factory.mktemp("relation") / "warming.duckdb"
    with Store(path) as store:
        i = 0
        for month in range(24):
            day = dt.date(2014 + month // 12, month % 12 + 1, 10)
            for k in range(2):
                cooperative = (month + k) / 24 > 0.5 if month not in (3, 20) else month == 3
                src, tgt = ("CHN", "RUS") if k == 0 else ("RUS", "CHN")
                args = ("057", 1, 8.0) if cooperative else ("190", 4, -10.0)
                _insert(store.conn, i, day, src, tgt, *args, sector="GOV" if cooperative else "MIL")
                i += 1
            if month >= 18:
                _insert(store.conn, i, day, "RUS", "CHN", "138", 3, -7.0, status="planned", confidence=0.5)
                i += 1
        store.conn.execute("DELETE FROM events WHERE date = '2014-07-10'")  # an empty month inside
    return path


def test_relation_on_a_store(warming_db: Path) -> None:
    with Store(warming_db, create=False) as store:
        result = relation(store.conn, "chn", "rus")
    assert result["verdict"] == "warming"
    assert result["events"] == 46 and result["periods"] == 24 and result["periods_with_events"] == 23
    low, high = result["trend"]["interval"]
    assert 0 < low <= result["trend"]["slope"] <= high
    assert set(result["directions"]) == {"CHN->RUS", "RUS->CHN"}
    assert all(d["events"] == 23 for d in result["directions"].values())
    assert result["filters"]["excluded_status"] == ["planned", "refused", "historical"]
    empty = [row for row in result["series"] if row["period"] == "2014-07-01"][0]
    assert empty["events"] == 0 and empty["net_cooperation"] is None  # a gap, not a value
    drivers = result["drivers"]
    assert {d["cameo"] for d in drivers} == {"057", "190"}  # agreements late and clashes early both warm it
    assert all(d["cameo_name"] and d["contribution"] > 0 for d in drivers)
    assert sum(d["contribution"] for d in drivers) == pytest.approx(result["trend"]["slope"], abs=1e-5)
    for evidence in drivers[0]["evidence"]:
        assert evidence["text"].startswith("evidence ") and evidence["doc_key"].startswith("h")


def test_filters_change_what_counts(warming_db: Path) -> None:
    with Store(warming_db, create=False) as store:
        everything = relation(store.conn, "CHN", "RUS", build_filters(status=["all"]))
        military = relation(store.conn, "CHN", "RUS", build_filters(sector=["mil"]))
        confident = relation(store.conn, "CHN", "RUS", build_filters(status=["planned"], min_confidence=0.6))
        one_way = relation(store.conn, "CHN", "RUS", build_filters(direction="RUS->CHN", pair=("CHN", "RUS")))
        window = relation(store.conn, "CHN", "RUS", build_filters(dt.date(2015, 1, 1), dt.date(2015, 6, 30)))
    assert everything["events"] == 52  # the six planned threats too
    assert military["events"] == 23 and all(d["cameo"] == "190" for d in military["drivers"])
    assert confident["events"] == 0 and confident["verdict"] == "not enough events"
    assert one_way["events"] == 23
    assert window["periods"] == 6 and window["verdict"] == "not enough events"


def test_bad_filters_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="status 'maybe'"):
        build_filters(status=["maybe"])
    with pytest.raises(UsageError, match="direction"):
        build_filters(direction="CHN->USA", pair=("CHN", "RUS"))
    with pytest.raises(UsageError, match="confidence"):
        build_filters(min_confidence=1.5)


def test_series_do_not_mislead(warming_db: Path) -> None:
    with Store(warming_db, create=False) as store:
        series = dyad(store.conn, "CHN", "RUS", rolling=3)
    both = series.direction("CHN-RUS")
    assert len(both) == 24
    gap = both[6]
    assert gap["period"] == "2014-07-01" and gap["events"] == 0 and gap["goldstein_mean"] is None
    assert gap["documents"] == 2  # documents of the month are counted even though its events are gone
    assert all(-10 <= r["goldstein_mean"] <= 10 for r in both if r["goldstein_mean"] is not None)
    assert both[7]["events_rolling_mean"] == pytest.approx((both[5]["events"] + 0 + both[7]["events"]) / 3, abs=1e-3)
    assert both[3]["net_cooperation"] == both[3]["verbal_coop"] - both[3]["material_conflict"]
    assert gap["events_per_100_documents"] == 0
    busy = both[3]
    assert busy["events_per_100_documents"] == pytest.approx(100 * busy["events"] / busy["documents"], abs=1e-3)


def test_cli_relation_text_and_json(warming_db: Path) -> None:
    runner = CliRunner()
    text = runner.invoke(app, ["relation", "CHN", "RUS", "--db", str(warming_db)])
    assert text.exit_code == 0, text.output
    assert "WARMING" in text.output and "46 cooperative or conflictual events" in text.output
    assert "drivers" in text.output and '"evidence ' in text.output
    assert max(len(line) for line in text.output.splitlines()) <= 110
    raw = runner.invoke(app, ["relation", "CHN", "RUS", "--db", str(warming_db), "--format", "json", "--status", "all"])
    assert raw.exit_code == 0, raw.output
    assert json.loads(raw.output)["events"] == 52
    bad = runner.invoke(app, ["relation", "CHN", "RUS", "--db", str(warming_db), "--sector", "military"])
    assert bad.exit_code == 2 and "sector" in bad.output
