"""The relationship summary of a dyad over a window: is it warming or cooling, how sure, on how
many events, and which event types drive it (with the evidence behind them).

The statistics live in :mod:`detente.store.trend`; this module reads the events, splits them by
direction, and explains the slope by event type. The answer is a plain dict, the JSON that the
CLI (``--format json``) and ``GET /api/dyads/{a}/{b}/relation`` both return.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np

from detente.errors import UsageError
from detente.store.cluster import pair_key
from detente.store.drivers import drivers
from detente.store.filters import EventFilters
from detente.store.series import PERIODS, _next_period, _period_start, normalise_code
from detente.store.trend import LEVEL, MIN_CHANGE, MIN_EVENTS, MIN_PERIODS, Assessment, assess

DRIVERS = 3
EVIDENCE_PER_DRIVER = 2
METHOD = (
    "Each cooperative event (QuadClass 1-2) scores +1 and each conflictual one (3-4) -1; the trend is the "
    "least-squares slope of these scores over time (net cooperation per period, -1..+1), with a {level:.0%} "
    "interval from resampling periods and a permutation test over periods; a change is claimed only when both "
    "exclude no change and it exceeds {min_change} over the window, and at least {min_events} events in "
    "{min_periods} periods are needed."
)


@dataclass(frozen=True, slots=True)
class ScoredEvent:
    cluster_id: str
    date: dt.date
    source_key: str | None
    target_key: str | None
    reciprocal: bool
    cameo: str
    plover: str | None
    goldstein: float | None
    score: int  # +1 cooperative, -1 conflictual
    period: int  # index of its period in the window


def _window(
    conn: duckdb.DuckDBPyConnection, key: str, filters: EventFilters, by: str
) -> tuple[dt.date, dt.date] | None:
    """First and last period of the window: the filters' range, else the pair's first and last event."""
    where, params = filters.where()
    lo, hi = conn.execute(
        f"SELECT min(date), max(date) FROM events WHERE pair_key = ? AND date IS NOT NULL AND {where}",
        [key, *params],
    ).fetchall()[0]
    first, last = filters.start or lo, filters.end or hi
    if first is None or last is None:
        return None
    return _period_start(first, by), _period_start(last, by)


def _index_of(day: dt.date, by: str, first: dt.date) -> int:
    """The index of ``day``'s period, counting from the window's first period."""
    start = _period_start(day, by)
    if by == "day":
        return (start - first).days
    if by == "week":
        return (start - first).days // 7
    if by == "month":
        return (start.year - first.year) * 12 + start.month - first.month
    return start.year - first.year


def _scored_events(
    conn: duckdb.DuckDBPyConnection, a: str, b: str, filters: EventFilters, by: str, first: dt.date
) -> list[ScoredEvent]:
    where, params = filters.where()
    direction, direction_params = filters.direction_where(a, b)
    rows = conn.execute(
        f"""SELECT cluster_id, date, source_key, target_key, coalesce(reciprocal, FALSE), cameo, plover, goldstein,
                   CASE WHEN quad_class IN (1, 2) THEN 1 ELSE -1 END
            FROM events WHERE pair_key = ? AND date IS NOT NULL AND quad_class BETWEEN 1 AND 4
                              AND {where} AND {direction}
            ORDER BY date, cluster_id""",
        [pair_key(a, b), *params, *direction_params],
    ).fetchall()
    return [ScoredEvent(*row, period=_index_of(row[1], by, first)) for row in rows]


def _count_periods(first: dt.date, last: dt.date, by: str, limit: int) -> int:
    n, period = 0, first
    while period <= last:
        n, period = n + 1, _next_period(period, by)
        if n > limit:
            raise UsageError(f"more than {limit} {by}s in this range; narrow it or use a longer period")
    return n


def _summary(events: list[ScoredEvent], n_periods: int, unit: str) -> tuple[Assessment, dict[str, Any]]:
    result = assess(np.array([e.period for e in events]), np.array([e.score for e in events]), n_periods)
    out = {
        "verdict": result.verdict,
        "trend": result.trend.as_dict(unit) if result.trend else None,
        "events": result.events,
        "periods_with_events": result.periods_with_events,
    }
    return result, out


def _of_direction(events: list[ScoredEvent], src: str, tgt: str) -> list[ScoredEvent]:
    return [e for e in events if (e.source_key == src and e.target_key == tgt) or e.reciprocal]


def _period_rows(events: list[ScoredEvent], first: dt.date, n_periods: int, by: str) -> list[dict[str, Any]]:
    """Both directions per period: counts and net cooperation (None for an empty period)."""
    totals, coops = [0] * n_periods, [0] * n_periods
    for e in events:
        totals[e.period] += 1
        coops[e.period] += e.score > 0
    rows, period = [], first
    for total, coop in zip(totals, coops, strict=True):
        rows.append(
            {
                "period": period.isoformat(),
                "events": total,
                "cooperative": coop,
                "conflictual": total - coop,
                "net_cooperation": round((2 * coop - total) / total, 3) if total else None,
            }
        )
        period = _next_period(period, by)
    return rows


def relation(
    conn: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    filters: EventFilters | None = None,
    by: str = "month",
    max_periods: int = 20_000,
) -> dict[str, Any]:
    """The relationship summary of ``a`` and ``b`` (see the module docstring and docs/relation.md);
    a window of more than ``max_periods`` periods raises :class:`UsageError`."""
    if by not in PERIODS:
        raise UsageError(f"--by {by!r}: use one of {', '.join(PERIODS)}")
    a, b = normalise_code(a), normalise_code(b)
    if a == b:
        raise UsageError(f"a dyad needs two different actor codes, got {a!r} and {b!r}")
    filters = filters or EventFilters()
    unit = f"net cooperation (-1..+1) per {by}"
    window = _window(conn, pair_key(a, b), filters, by)
    out: dict[str, Any] = {"a": a, "b": b, "by": by, "from": None, "to": None, "periods": 0}
    if window is None:
        return _empty(out, a, b, filters)
    first, last = window
    n_periods = _count_periods(first, last, by, max_periods)
    events = _scored_events(conn, a, b, filters, by, first)
    headline, summary = _summary(events, n_periods, unit)
    out.update(
        {
            "from": first.isoformat(),
            "to": (_next_period(last, by) - dt.timedelta(days=1)).isoformat(),
            "periods": n_periods,
            **summary,
            "directions": {
                f"{s}->{t}": _summary(_of_direction(events, s, t), n_periods, unit)[1] for s, t in ((a, b), (b, a))
            },
            "drivers": drivers(conn, events, headline.verdict, DRIVERS, EVIDENCE_PER_DRIVER),
            "series": _period_rows(events, first, n_periods, by),
        }
    )
    return _finish(out, filters)


def _empty(out: dict[str, Any], a: str, b: str, filters: EventFilters) -> dict[str, Any]:
    blank = {"verdict": "not enough events", "trend": None, "events": 0, "periods_with_events": 0}
    out.update(blank)
    out.update({"directions": {f"{a}->{b}": dict(blank), f"{b}->{a}": dict(blank)}, "drivers": [], "series": []})
    return _finish(out, filters)


def _finish(out: dict[str, Any], filters: EventFilters) -> dict[str, Any]:
    out["rule"] = (
        f"not enough events: fewer than {MIN_EVENTS} cooperative or conflictual events, or fewer than "
        f"{MIN_PERIODS} periods with events"
    )
    out["method"] = METHOD.format(level=LEVEL, min_change=MIN_CHANGE, min_events=MIN_EVENTS, min_periods=MIN_PERIODS)
    out["filters"] = filters.describe()
    return out


__all__ = ["ScoredEvent", "relation"]
