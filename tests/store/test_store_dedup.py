"""Cross-article deduplication: one real event reported many times is one event."""

from __future__ import annotations

from pathlib import Path

from store_helpers import make_event

from detente.store import Store, cluster_events


def test_same_event_three_articles_two_days_is_one() -> None:
    events = [
        make_event("a", "RUS", "CHN", "057", "2014-05-21", reciprocal=True),
        make_event("b", "CHN", "RUS", "057", "2014-05-21", reciprocal=True),
        make_event("c", "RUS", "CHN", "057", "2014-05-22"),
    ]
    clusters = cluster_events(events)
    assert len(set(clusters.values())) == 1


def test_two_different_events_same_pair_same_day_stay_two() -> None:
    events = [
        make_event("deal", "RUS", "CHN", "057", "2014-05-21", reciprocal=True),
        make_event("meet", "RUS", "CHN", "040", "2014-05-21", reciprocal=True),
    ]
    assert len(set(cluster_events(events).values())) == 2


def test_window_is_two_days_from_the_first_report() -> None:
    days = ["2014-05-01", "2014-05-02", "2014-05-03", "2014-05-04", "2014-05-05"]
    events = [make_event(f"e{i}", "USA", "IRN", "112", d) for i, d in enumerate(days)]
    clusters = cluster_events(events)
    assert clusters["e0"] == clusters["e1"] == clusters["e2"]
    assert clusters["e3"] == clusters["e4"] != clusters["e0"]  # no chaining into one endless event


def test_opposite_directions_stay_apart_unless_reciprocal() -> None:
    events = [
        make_event("ab", "USA", "IRN", "112", "2014-05-01"),
        make_event("ba", "IRN", "USA", "112", "2014-05-01"),
    ]
    assert len(set(cluster_events(events).values())) == 2
    events.append(make_event("both", "IRN", "USA", "112", "2014-05-01", reciprocal=True))
    assert len(set(cluster_events(events).values())) == 2  # the reciprocal one joins the first; "ba" stays


def test_month_precision_and_undated_reports_stay_single() -> None:
    events = [
        make_event("m1", "USA", "IRN", "112", "2014-05", precision="month"),
        make_event("m2", "USA", "IRN", "112", "2014-05", precision="month"),
        make_event("n1", "USA", "IRN", "112", None, precision="none"),
    ]
    assert len(set(cluster_events(events).values())) == 3


def test_cluster_ids_do_not_depend_on_input_order() -> None:
    events = [make_event(f"e{i}", "USA", "IRN", "112", f"2014-05-0{1 + i}") for i in range(4)]
    assert cluster_events(events) == cluster_events(list(reversed(events)))


def test_gas_deal_end_to_end_with_stub_coder(store: Store, gas_deal: Path) -> None:
    store.ingest([gas_deal])
    rows = store.conn.execute("SELECT mention_count, article_count, sources, root FROM events").fetchall()
    assert rows == [(3, 3, ["AP", "BBC", "Reuters"], "05")]
    evidence = store.conn.execute("SELECT count(*) FROM reports WHERE evidence_text <> ''").fetchall()[0][0]
    assert evidence == 3
    series = store.dyad("CHN", "RUS", by="month")
    combined = series.direction("CHN-RUS")
    assert [r["events"] for r in combined] == [1] and combined[0]["reports"] == 3
    # reciprocal: counted in both directions
    assert series.direction("CHN->RUS")[0]["events"] == series.direction("RUS->CHN")[0]["events"] == 1


def test_gas_deal_end_to_end_with_real_coder(tmp_path: Path, gas_deal: Path) -> None:
    with Store(tmp_path / "real.duckdb") as store:
        store.ingest([gas_deal])
        rows = store.conn.execute(
            "SELECT mention_count FROM events WHERE pair_key = 'CHN|RUS' AND root = '05'"
        ).fetchall()
    assert rows == [(3,)]
