"""The numpy series (``detente.store.pair_events``) against a straightforward reference: the earlier
code, which counted event by event and built each row on its own, on random pairs' rows with NULLs,
reciprocal events, repeated and missing contexts, tied and far-apart dates, every period kind,
direction, range and rolling window; rows compared by ``repr`` (key order, int against float)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import numpy as np
import pytest

from detente.store import pair_events
from detente.store.filters import EventFilters
from detente.store.pair_events import PairEvents, period_dates, round3
from detente.store.series import (
    SERIES_COLUMNS,
    _next_period,
    _period_start,
    add_rolling,
    dyad,
)

Row = tuple[Any, ...]
A, B = "CHN", "RUS"
CONTEXTS = ["diplomatic", "economic", "energy", "military", None]


def _count(rows: list[Row], by: str) -> tuple[dict[tuple[dt.date, str], list[Any]], dict[Any, int]]:
    """Per (period, direction): events, reports, quads, Goldstein sum and count; and per context."""
    groups: dict[tuple[dt.date, str], list[Any]] = {}
    per_context: dict[tuple[dt.date, str, str], int] = {}
    for day, source, target, reciprocal, mentions, quad, gold, contexts in rows:
        period = _period_start(day, by)
        chosen = [
            d for d, s, t in ((f"{A}->{B}", A, B), (f"{B}->{A}", B, A)) if (source, target) == (s, t) or reciprocal
        ]
        for direction in [*chosen, f"{A}-{B}"]:
            g = groups.setdefault((period, direction), [0, None, [0, 0, 0, 0], 0.0, 0])
            g[0] += 1
            if mentions is not None:
                g[1] = (g[1] or 0) + mentions
            if quad in (1, 2, 3, 4):
                g[2][quad - 1] += 1
            if gold is not None:
                g[3] += gold
                g[4] += 1
            for ctx in contexts or ():
                if ctx is not None:
                    per_context[period, direction, ctx] = per_context.get((period, direction, ctx), 0) + 1
    return groups, per_context


def _reference_row(period: dt.date, direction: str, g: list[Any] | None, docs: int) -> dict[str, Any]:
    events, reports, quads, total, scored = g if g is not None else (0, 0, [0, 0, 0, 0], 0.0, 0)
    row = {"period": period.isoformat(), "direction": direction, "events": events, "reports": reports}
    row |= dict(zip(SERIES_COLUMNS[4:8], quads, strict=True))
    row["net_cooperation"] = quads[0] + quads[1] - quads[2] - quads[3]
    row["goldstein_mean"] = round(total / scored, 3) if scored else None
    row["goldstein_sum"] = round(total, 3) if scored else 0.0
    row["documents"] = docs
    row["events_per_100_documents"] = round(100 * events / docs, 3) if docs else None
    return row


def reference(rows: list[Row], by: str, filters: EventFilters, docs: dict[dt.date, int], rolling: int) -> list[Any]:
    groups, per_context = _count(rows, by)
    contexts = sorted({c for _, _, c in per_context})
    if not groups:
        return [contexts, []]
    first = _period_start(filters.start, by) if filters.start else min(p for p, _ in groups)
    last = _period_start(filters.end, by) if filters.end else max(p for p, _ in groups)
    periods, period = [], first
    while period <= last:
        periods.append(period)
        period = _next_period(period, by)
    directions = [f"{A}->{B}", f"{B}->{A}", f"{A}-{B}"]
    wanted = {"all": directions, "A->B": directions[:1], "B->A": directions[1:2]}[filters.direction]
    per_direction = []
    for direction in wanted:
        out = []
        for p in periods:
            row = _reference_row(p, direction, groups.get((p, direction)), docs.get(p, 0))
            row |= {f"ctx_{c}": per_context.get((p, direction, c), 0) for c in contexts}
            out.append(row)
        if rolling > 1:
            add_rolling(out, rolling)
        per_direction.append(out)
    return [contexts, [r for same in zip(*per_direction, strict=True) for r in same]]


def _random_rows(rng: random.Random) -> list[Row]:
    origin = dt.date(rng.randint(1990, 2020), rng.randint(1, 12), rng.randint(1, 28))
    spread = rng.choice([0, 3, 40, 400, 3000])
    rows = []
    for _ in range(rng.choice([0, 1, 2, 5, 30, 200])):
        source, target = rng.choice([(A, B), (B, A), (A, B), (B, A), (A, "XXX"), (None, B)])
        contexts = rng.choice([None, [], [rng.choice(CONTEXTS)], rng.choices(CONTEXTS, k=3)])
        rows.append(
            (
                origin + dt.timedelta(days=rng.randint(0, spread)),
                source,
                target,
                rng.choice([False, False, True, None]),
                rng.choice([None, 0, 1, 2, 7]),
                rng.choice([1, 2, 3, 4, 1, 2, 3, 4, None, 0]),
                rng.choice([None, round(rng.uniform(-10, 10), rng.choice([1, 2, 7])), -0.0, 3]),
                contexts,
            )
        )
    return rows


def _random_filters(rng: random.Random, rows: list[Row]) -> EventFilters:
    days = sorted(r[0] for r in rows) or [dt.date(2001, 1, 1)]
    start = rng.choice([None, days[0], days[len(days) // 2], days[0] - dt.timedelta(days=rng.randint(1, 90))])
    end = rng.choice([None, days[-1], days[len(days) // 3], days[-1] + dt.timedelta(days=rng.randint(1, 90))])
    if start and end and start > end:
        start, end = end, start
    return EventFilters(start=start, end=end, direction=rng.choice(["all", "all", "A->B", "B->A"]))


@pytest.mark.parametrize("seed", range(300))
def test_numpy_series_match_the_reference(seed: int) -> None:
    rng = random.Random(seed)
    rows = _random_rows(rng)
    filters = _random_filters(rng, rows)
    by = rng.choice(["day", "week", "month", "year"])
    rolling = rng.choice([0, 0, 1, 2, 5])
    inside = [
        r for r in rows if (not filters.start or r[0] >= filters.start) and (not filters.end or r[0] <= filters.end)
    ]
    days = {r[0] for r in rows}
    docs = {_period_start(d, by): rng.choice([0, 1, 3, 250]) for d in days if rng.random() < 0.8}
    expected = reference(inside, by, filters, docs, rolling)
    for fetched in (inside, PairEvents.from_rows(rows).between(filters.start, filters.end)):
        got = dyad(
            None, A, B, by=by, filters=filters, rolling=rolling, documents=lambda _: docs, fetch=lambda *_, f=fetched: f
        )  # type: ignore[arg-type]
        assert repr([got.contexts, got.rows]) == repr(expected)
        assert got.columns[: len(SERIES_COLUMNS)] == list(SERIES_COLUMNS)
        assert all(list(r) == got.columns for r in got.rows)


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_period_dates_are_the_stepped_periods(by: str) -> None:
    first = _period_start(dt.date(1999, 12, 27), by)
    last = _period_start(dt.date(2004, 3, 1), by)
    expected, period = [], first
    while period <= last:
        expected.append(period)
        period = _next_period(period, by)
    assert period_dates(first, last, by) == expected
    assert period_dates(last, first, by) == ([] if first != last else [first])


def test_period_labels_are_sliced_from_a_table_that_grows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pair_events, "_tables", {})
    monkeypatch.setattr(pair_events, "TABLE_PERIODS", 300)  # a range beyond it is not kept
    rng = random.Random(5)
    for _ in range(200):
        by = rng.choice(["day", "week", "month", "year"])
        first = _period_start(dt.date(2000, 1, 1) + dt.timedelta(days=rng.randint(-4000, 4000)), by)
        last = _period_start(first + dt.timedelta(days=rng.choice([0, 6, 40, 400, 3000])), by)
        dates = period_dates(first, last, by)
        assert pair_events.periods(first, last, by) == (dates, [d.isoformat() for d in dates])
    assert all(len(t.dates) <= 300 for t in pair_events._tables.values())
    assert pair_events.periods(dt.date(2001, 1, 8), dt.date(2001, 1, 1), "week") == ([], [])


def test_round3_is_pythons_round() -> None:
    rng = random.Random(3)
    values = [2.675, 1.0005, 0.0005, -0.0005, 0.0015, -2.5e-4, 1e6, 1e16, -1e300, 0.0, -0.0, float("inf"), float("nan")]
    values += [k / 1000 + 0.0005 for k in range(-3000, 3000)]  # halves, as far as a float can hold them
    values += [rng.uniform(-50, 50) for _ in range(20_000)] + [round(rng.uniform(-10, 10), 4) for _ in range(20_000)]
    values += [
        sum(rng.choice([8.0, -4.4, 1.0, -2.0, 7.0, -10.0]) for _ in range(rng.randint(1, 60))) / 7 for _ in range(5_000)
    ]
    got = round3(np.array(values))
    assert repr(got) == repr([round(v, 3) for v in values])
