"""A search's matches found among the events kept in memory (:mod:`detente.serve.event_match`)
are the query's: the same keys in the same order, with the same dates, for every filter and
order; filters not done there (text, sector, confidence) run the query."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path
from typing import Any

import duckdb
import pytest

from detente.serve import event_match
from detente.serve import events as serve_events
from detente.serve.cache import RowMemo
from detente.serve.event_rows import load
from detente.store.filters import build_filters
from tests.serve.test_serve_best_evidence import varied_store  # noqa: F401 - a fixture
from tests.serve.test_serve_event_rows import odd_store  # noqa: F401 - a fixture
from tests.serve.test_serve_match_memo import many_events  # noqa: F401 - a fixture

SEARCHES: list[dict[str, Any]] = [
    {},
    {"dyad": "CHN-RUS"},
    {"dyad": "RUS|CHN", "direction": "CHN->RUS"},
    {"dyad": "CHN-RUS", "direction": "B->A"},
    {"dyad": "CHN-XXX"},
    {"actor": "CHN"},
    {"actor": "rus ", "quad_class": 4},
    {"actor": "CHNGOV"},
    {"actor": "UN"},
    {"source": "CHN"},
    {"target": "RUS", "root": "04"},
    {"status": ["all"]},
    {"status": ["planned", "historical"]},
    {"context": ["military", "diplomatic"]},
    {"context": ["a", "b", "c", "d", "e", "f", "g", "h", "military"]},  # more than eight: one list
    {"cameo": "1"},
    {"cameo": "04"},
    {"plover": "accuse"},
    {"quad_class": 1},
    {"actor": "ZZZ"},
]
NOT_HERE: list[dict[str, Any]] = [{"q": "border"}, {"sector": ["GOV"]}, {"min_confidence": 0.5}]


def _filter(
    search: dict[str, Any], start: dt.date | None = None, end: dt.date | None = None
) -> serve_events.EventFilter:
    dyad = search.get("dyad")
    pair = serve_events.split_dyad(dyad) if dyad else None
    filt = serve_events.EventFilter(
        search.get("actor"), search.get("source"), search.get("target"), dyad, search.get("cameo"),
        search.get("root"), search.get("plover"), search.get("quad_class"), search.get("q"),
    )  # fmt: skip
    filt.common = build_filters(
        start, end, search.get("status"), search.get("sector"), search.get("context"),
        search.get("min_confidence"), search.get("direction"), False, pair,
    )  # fmt: skip
    return filt


@pytest.mark.parametrize("which", ["many_events", "odd_store", "varied_store"])
def test_matches_are_the_querys(which: str, request: pytest.FixtureRequest) -> None:
    db: Path = request.getfixturevalue(which)
    conn = duckdb.connect(str(db), read_only=True)
    try:
        table = load(conn.cursor, serve_events.EVENT_COLUMNS, 0)
        assert table is not None
        for search in SEARCHES:
            filt = _filter(search)
            where, params = filt.where()
            for key in serve_events.SORTS.values():
                for direction in serve_events.ORDERS.values():
                    got = event_match.matches(table, filt, key, direction)
                    assert got == serve_events._query_matches(conn, where, params, key, direction), (search, key)
        for search in NOT_HERE:
            with pytest.raises(event_match.Unsupported):
                event_match.matches(table, _filter(search), "date", "ASC")
    finally:
        conn.close()


def test_pages_from_kept_matches_are_the_querys(many_events: Path) -> None:  # noqa: F811 - the fixture
    rng = random.Random(11)
    conn = duckdb.connect(str(many_events), read_only=True)
    try:
        table = load(conn.cursor, serve_events.EVENT_COLUMNS, 0)
        memo = serve_events.Memo(RowMemo(0), 0, RowMemo(1_000_000))
        for _ in range(300):
            days = sorted(rng.sample(range(-20, 720), 2))
            start, end = (dt.date(2014, 1, 1) + dt.timedelta(days=d) for d in days)
            search = rng.choice([*SEARCHES, *NOT_HERE])
            filt = _filter(search, *rng.choice([(None, None), (start, end), (start, None), (None, end)]))
            sort, order = rng.choice(list(serve_events.SORTS)), rng.choice(list(serve_events.ORDERS))
            page = (rng.randint(1, 25), rng.choice([0, 0, 5, 30, 200]))
            got = serve_events.search_events(conn, filt, *page, sort, order, memo, True, table)
            assert got == serve_events.search_events(conn, dataclasses.replace(filt), *page, sort, order, None, True)
    finally:
        conn.close()
