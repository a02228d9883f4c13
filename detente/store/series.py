"""Dyad time series and dyad rankings, counted in events (clusters), with reports as a weight.

Events whose status is ``historical`` (every report refers back to a past event, e.g. "founded in
2001") are left out of series, rankings and default date ranges unless ``include_historical``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import duckdb

from detente.errors import UsageError
from detente.store.cluster import pair_key
from detente.store.filters import DEFAULT_STATUSES, EventFilters
from detente.store.pair_events import PairEvents, PairRows, build_rows, count, periods

PERIODS = ("day", "week", "month", "year")
QUADS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}


@dataclass(slots=True)
class DyadSeries:
    """Rows per (period, direction). Directions: ``A->B``, ``B->A`` and ``A-B`` (all events once).

    A reciprocal event counts in both directions, and once in the combined row.
    """

    a: str
    b: str
    by: str
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)

    def direction(self, name: str) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["direction"] == name]

    @property
    def directions(self) -> tuple[str, str, str]:
        return f"{self.a}->{self.b}", f"{self.b}->{self.a}", f"{self.a}-{self.b}"

    def compact(self, top_contexts: int = 3) -> list[dict[str, Any]]:
        """The combined ``A-B`` rows from the first to the last period with events, with the columns
        of :data:`COMPACT_COLUMNS`; ``top_contexts`` is e.g. ``"energy 3, diplomatic 2"``."""
        combined = self.direction(self.directions[2])
        busy = [i for i, r in enumerate(combined) if r["events"]]
        if not busy:
            return []
        out = []
        for row in combined[busy[0] : busy[-1] + 1]:
            counts = sorted(
                ((row[f"ctx_{c}"], c) for c in self.contexts if row[f"ctx_{c}"]), key=lambda x: (-x[0], x[1])
            )
            out.append(
                {
                    "period": _period_label(row["period"], self.by),
                    **{c: row[c] for c in COMPACT_COLUMNS[1:7]},
                    "top_contexts": ", ".join(f"{c} {n}" for n, c in counts[:top_contexts]),
                }
            )
        return out


SERIES_COLUMNS = (
    "period",
    "direction",
    "events",
    "reports",
    *QUADS.values(),
    "net_cooperation",
    "goldstein_mean",
    "goldstein_sum",
    "documents",
    "events_per_100_documents",
)

COMPACT_COLUMNS = (
    "period",
    "events",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "goldstein_mean",
    "top_contexts",
)


def _period_label(period: str, by: str) -> str:
    return {"year": period[:4], "month": period[:7]}.get(by, period)


def _check_by(by: str) -> None:
    if by not in PERIODS:
        raise UsageError(f"--by {by!r}: use one of {', '.join(PERIODS)}")


def _period_start(day: dt.date, by: str) -> dt.date:
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "year":
        return day.replace(month=1, day=1)
    return day


def _next_period(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day + dt.timedelta(days=1)
    if by == "week":
        return day + dt.timedelta(days=7)
    if by == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day.replace(year=day.year + 1)


def series_filters(
    start: dt.date | None, end: dt.date | None, include_historical: bool, filters: EventFilters | None
) -> EventFilters:
    """``filters`` as given, or the defaults with this range (and historical events if asked)."""
    if filters is not None:
        return filters
    statuses = (*DEFAULT_STATUSES, "historical") if include_historical else DEFAULT_STATUSES
    return EventFilters(start=start, end=end, statuses=statuses)


def pair_rows(conn: duckdb.DuckDBPyConnection, a: str, b: str, filters: EventFilters, limit: int = 0) -> PairRows:
    """The pair's dated events that ``filters`` keep, only the columns a series counts, in the
    table's order (``limit``: at most that many, 0 for all): date, source and target key,
    reciprocal, mentions, QuadClass, Goldstein, contexts."""
    where, params = filters.where()
    cut = f" LIMIT {int(limit)}" if limit else ""
    return conn.execute(
        f"""SELECT date, source_key, target_key, reciprocal, mention_count, quad_class, goldstein, contexts
            FROM events WHERE pair_key = ? AND date IS NOT NULL AND {where}{cut}""",
        [pair_key(a, b), *params],
    ).fetchall()


def documents_per_period(
    conn: duckdb.DuckDBPyConnection, by: str, start: dt.date | None, end: dt.date | None
) -> dict[dt.date, int]:
    """Documents published per period (all documents, not only this dyad's): the denominator
    for normalising counts by how much news was read."""
    rows = conn.execute(
        f"""SELECT date_trunc('{by}', date)::DATE, count(*) FROM documents
            WHERE date IS NOT NULL AND date >= coalesce(?, date) AND date <= coalesce(?, date) GROUP BY 1""",
        [start, end],
    ).fetchall()
    return {row[0]: int(row[1]) for row in rows}


def add_rolling(rows: list[dict[str, Any]], window: int) -> None:
    """Trailing means over ``window`` periods of one direction's rows, empty periods counting as
    zero events: ``events_rolling_mean`` and ``goldstein_rolling_mean`` (the mean Goldstein of
    every event in the window, None when the window holds none). Nothing is interpolated."""
    for i, row in enumerate(rows):
        span = rows[max(0, i - window + 1) : i + 1]
        events = sum(r["events"] for r in span)
        total = sum(r["goldstein_sum"] for r in span)
        row["events_rolling_mean"] = round(events / len(span), 3)  # a shorter window at the start
        row["goldstein_rolling_mean"] = round(total / events, 3) if events else None


def dyad(
    conn: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
    by: str = "month",
    include_historical: bool = False,
    filters: EventFilters | None = None,
    rolling: int = 0,
    documents: Callable[[str], dict[dt.date, int]] | None = None,
    fetch: Callable[[str, str, EventFilters], PairRows | PairEvents] | None = None,
) -> DyadSeries:
    """Every period from the first to the last (``filters.start``/``end`` when given), empty ones
    with zero counts. ``filters`` (default: reported events in ``[start, end]``) replaces the range
    and ``include_historical``; a ``direction`` in it keeps that direction's rows only.
    ``documents(by)``, when given, returns :func:`documents_per_period` over all dates (a server
    keeps it until the next write); periods are whole, so its counts are the range's. ``fetch(a, b,
    filters)``, when given, returns :func:`pair_rows` or those rows as :class:`PairEvents` (a server
    keeps a pair's events). Counted per period and direction in :mod:`detente.store.pair_events`."""
    _check_by(by)
    a, b = normalise_code(a), normalise_code(b)
    if a == b:
        raise UsageError(f"a dyad needs two different actor codes, got {a!r} and {b!r}")
    if rolling < 0 or rolling > 120:
        raise UsageError(f"--rolling {rolling}: use 0 (none) to 120 periods")
    filters = series_filters(start, end, include_historical, filters)
    fetched = fetch(a, b, filters) if fetch is not None else pair_rows(conn, a, b, filters)
    events = fetched if isinstance(fetched, PairEvents) else PairEvents.from_rows(fetched)
    contexts = events.contexts()
    ctx_keys = [f"ctx_{c}" for c in contexts]
    series = DyadSeries(a, b, by, [*SERIES_COLUMNS, *ctx_keys], contexts=contexts)
    if rolling > 1:
        series.columns += ["events_rolling_mean", "goldstein_rolling_mean"]
    if not len(events):
        return series
    lo, hi = events.span()
    first = _period_start(filters.start or lo, by)
    last = _period_start(filters.end or hi, by)
    if documents is None:
        per_period = documents_per_period(conn, by, first, _next_period(last, by) - dt.timedelta(days=1))
    else:
        per_period = documents(by)
    dates, labels = periods(first, last, by)  # every period, empty ones as zeros, so plots and diffs line up
    chosen = {"all": [0, 1, 2], "A->B": [0], "B->A": [1]}[filters.direction]
    counts = count(events, (a, b), by, first, len(dates), chosen)
    docs = [per_period.get(p, 0) for p in dates]
    directions = [series.directions[d] for d in chosen]
    # period-major, directions in their fixed order (every direction has the same periods)
    series.rows = build_rows(counts, labels, docs, directions, ctx_keys)
    if rolling > 1:
        for k in range(len(directions)):
            add_rolling(series.rows[k :: len(directions)], rolling)
    return series


@dataclass(slots=True)
class TopDyads:
    """Rankings over ``[start, end]``; the halves split at ``middle`` (earlier: date <= middle)."""

    activity: list[dict[str, Any]]
    change: list[dict[str, Any]]
    start: dt.date | None = None
    middle: dt.date | None = None
    end: dt.date | None = None


def top_dyads(
    conn: duckdb.DuckDBPyConnection,
    start: dt.date | None = None,
    end: dt.date | None = None,
    limit: int = 10,
    include_historical: bool = False,
) -> TopDyads:
    """Actor pairs ranked by ``activity`` (events) and by ``change`` (later half minus earlier half)."""
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    where, params = series_filters(start, end, include_historical, None).where()
    where += " AND date IS NOT NULL AND source_key IS NOT NULL AND target_key IS NOT NULL AND source_key <> target_key"
    bounds = conn.execute(f"SELECT min(date), max(date) FROM events WHERE {where}", params).fetchall()[0]
    if not bounds or bounds[0] is None:
        return TopDyads([], [])
    lo, hi = start or bounds[0], end or bounds[1]
    middle = lo + (hi - lo) / 2
    rows = conn.execute(
        f"""SELECT pair_key, count(*) AS events, sum(mention_count)::BIGINT AS reports,
                   round(avg(goldstein), 3) AS goldstein_mean,
                   count(*) FILTER (WHERE date <= ?) AS earlier, count(*) FILTER (WHERE date > ?) AS later
            FROM events WHERE {where} GROUP BY pair_key""",
        [middle, middle, *params],
    ).fetchall()
    table = [
        {
            "pair": p.replace("|", "-"),
            "events": n,
            "reports": r,
            "goldstein_mean": g,
            "earlier": e,
            "later": la,
            "change": la - e,
        }
        for p, n, r, g, e, la in rows
    ]
    activity = sorted(table, key=lambda x: (-x["events"], x["pair"]))[:limit]
    change = sorted(table, key=lambda x: (-abs(x["change"]), x["pair"]))[:limit]
    return TopDyads(activity, change, lo, middle, hi)


_CODE = re.compile(r"[A-Z0-9]{2,16}")


def normalise_code(code: str) -> str:
    """``" chn "`` -> ``"CHN"``; a code that cannot be an actor code raises :class:`UsageError`."""
    value = code.strip().upper()
    if not _CODE.fullmatch(value):
        raise UsageError(
            f"actor code {code!r} is malformed: use 2-16 letters or digits, "
            "a country (CHN, RUS) or an organisation (UN, NATO)"
        )
    return value


def bundled_actor_codes() -> set[str]:
    """Country and organisation codes of the actor tables in force (read through the loader)."""
    from detente.resources import load_resources

    res = load_resources()
    return {code.upper() for code in (*res.countries, *res.organisations)}


def check_actor_codes(conn: duckdb.DuckDBPyConnection, codes: Iterable[str]) -> None:
    """Raise :class:`UsageError` for a code that is malformed or that neither the database's events
    nor the bundled actor tables know, with the closest known codes."""
    wanted = [normalise_code(c) for c in codes]
    stored = {
        row[0]
        for row in conn.execute(
            "SELECT source_key FROM events WHERE source_key IS NOT NULL "
            "UNION SELECT target_key FROM events WHERE target_key IS NOT NULL"
        ).fetchall()
    }
    known = stored | bundled_actor_codes()
    for code in wanted:
        if code not in known:
            # codes of this database first: "CHM" should suggest the stored CHN before Cambodia
            close = list(
                dict.fromkeys(
                    difflib.get_close_matches(code, sorted(stored), n=3, cutoff=0.6)
                    + difflib.get_close_matches(code, sorted(known), n=3, cutoff=0.6)
                )
            )[:4]
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UsageError(f"unknown actor code {code!r}: not a country or organisation code detente knows{hint}")
