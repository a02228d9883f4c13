"""Dyad series and rankings: the store's own code (the numbers of ``detente dyad``, with the same
filters), made safe for the web by bounding how many periods one request may ask for."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import duckdb

from detente.errors import UsageError
from detente.serve.cache import RowMemo
from detente.serve.errors import ApiError
from detente.store.cluster import pair_key
from detente.store.filters import EventFilters
from detente.store.pair_events import PairEvents, PairRows
from detente.store.series import documents_per_period, dyad, pair_rows, top_dyads

_DAYS = {"day": 1, "week": 7, "month": 28, "year": 365}


def _check_range(start: dt.date | None, end: dt.date | None) -> None:
    if start and end and start > end:
        raise ApiError(400, "bad_request", f"from {start} is after to {end}")


def documents_memo(
    cur: duckdb.DuckDBPyConnection, memo: RowMemo, generation: int
) -> Callable[[str], dict[dt.date, int]]:
    """Documents per period of the whole store, read once per period kind until the next write
    (every series divides by them; the count scans every document's date)."""

    def per_period(by: str) -> dict[dt.date, int]:
        known = memo.get_many(generation, [by])
        if by in known:
            return known[by]  # type: ignore[no-any-return]
        counts = documents_per_period(cur, by, None, None)
        memo.put_many(generation, {by: counts})
        return counts

    return per_period


Span = tuple[dt.date | None, dt.date | None]


def span_memo(cur: duckdb.DuckDBPyConnection, memo: RowMemo, generation: int) -> Callable[[str], Span]:
    """A pair's first and last event dates (by pair key), read once until the next write: a series
    without both ``from`` and ``to`` needs them to bound its periods, and they cost a scan."""

    def span(key: str) -> Span:
        known = memo.get_many(generation, [key])
        if key in known:
            return known[key]  # type: ignore[no-any-return]
        found = _span(cur, key)
        memo.put_many(generation, {key: found})
        return found

    return span


PAIR_MEMO_ROWS = 2_000  # most events of one pair kept (as columns, about 0.1 kB each); a larger pair is read each time

Fetch = Callable[[str, str, EventFilters], PairRows | PairEvents]


def rows_memo(cur: duckdb.DuckDBPyConnection, memo: RowMemo, generation: int) -> Fetch:
    """A pair's events for a series (:func:`detente.store.series.pair_rows`, as
    :class:`~detente.store.pair_events.PairEvents` columns) over all dates, read once per pair and
    filters until the next write, then cut to the request's dates here: the read and the columns
    are most of a series' cost, and dashboards ask about the same pairs over and over with other
    periods and ranges. The cut keeps the table's order, so the sums are those of a read with the
    dates. A pair with more than :data:`PAIR_MEMO_ROWS` events is read with its dates each time
    (it is remembered as too large)."""

    def fetch(a: str, b: str, filters: EventFilters) -> PairRows | PairEvents:
        undated = dataclasses.replace(filters, start=None, end=None, direction="all")
        key = f"{pair_key(a, b)} {undated!r}"
        known = memo.get_many(generation, [key])
        if key in known:
            kept = known[key]
        else:
            rows = pair_rows(cur, a, b, undated, limit=PAIR_MEMO_ROWS + 1)
            kept = PairEvents.from_rows(rows) if len(rows) <= PAIR_MEMO_ROWS else None
            memo.put_many(generation, {key: kept})
        if kept is None:
            return pair_rows(cur, a, b, filters)
        return kept.between(filters.start, filters.end)  # type: ignore[no-any-return]

    return fetch


def _span(cur: duckdb.DuckDBPyConnection, key: str) -> Span:
    lo, hi = cur.execute("SELECT min(date), max(date) FROM events WHERE pair_key = ?", [key]).fetchall()[0]
    return lo, hi


def series(
    cur: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    by: str,
    max_periods: int,
    filters: EventFilters,
    rolling: int = 0,
    documents: Callable[[str], dict[dt.date, int]] | None = None,
    span: Callable[[str], Span] | None = None,
    fetch: Fetch | None = None,
) -> dict[str, Any]:
    start, end = filters.start, filters.end
    _check_range(start, end)
    a, b = a.strip().upper(), b.strip().upper()
    if not a or not b or a == b:
        raise ApiError(400, "bad_request", f"a dyad needs two different actor codes, got {a!r} and {b!r}")
    if start and end:
        first, last = start, end  # the pair's own first and last dates are not needed (a scan saved)
    else:
        lo, hi = span(pair_key(a, b)) if span else _span(cur, pair_key(a, b))
        first, last = start or lo, end or hi
    if first and last and (last - first).days // _DAYS[by] + 1 > max_periods:
        # the store fills every empty period with zeros, so a long range by day would be huge
        raise ApiError(
            400, "range_too_long", f"more than {max_periods} {by}s in this range; narrow it or use a longer period"
        )
    try:
        result = dyad(cur, a, b, by=by, filters=filters, rolling=rolling, documents=documents, fetch=fetch)
    except UsageError as exc:
        raise ApiError(400, "bad_request", str(exc)) from exc
    # rows are period-major, so the first period's rows name every direction shown
    wanted = {r["direction"] for r in result.rows[:3]} or set(result.directions)
    return {
        "a": result.a,
        "b": result.b,
        "by": result.by,
        "directions": [d for d in result.directions if d in wanted],
        "columns": result.columns,
        "contexts": result.contexts,
        "rows": result.rows,
        "filters": filters.describe(),
    }


def top(
    cur: duckdb.DuckDBPyConnection,
    start: dt.date | None,
    end: dt.date | None,
    limit: int,
    include_historical: bool = False,
) -> dict[str, Any]:
    _check_range(start, end)
    try:
        result = top_dyads(cur, start, end, limit, include_historical)
    except UsageError as exc:
        raise ApiError(400, "bad_request", str(exc)) from exc

    def sides(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # pair is "A-B" (from the pair key "A|B"); split at the first dash, as actor keys hold none
        return [{**r, "a": r["pair"].split("-", 1)[0], "b": r["pair"].split("-", 1)[-1]} for r in rows]

    return {
        "start": result.start.isoformat() if result.start else None,
        "middle": result.middle.isoformat() if result.middle else None,
        "end": result.end.isoformat() if result.end else None,
        "activity": sides(result.activity),
        "change": sides(result.change),
    }
