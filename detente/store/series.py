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


PairRows = list[tuple[Any, ...]]


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


def _dyad_counts(rows: PairRows, a: str, b: str, by: str) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Per (period, direction): counts, QuadClasses and Goldstein; and per context.

    A pair's events are few (hundreds, thousands), so they are fetched, only the columns counted,
    and counted here: a grouped query (with the direction rows as a UNION ALL, contexts unnested)
    costs DuckDB more than the fetch and the counting together. The sums add in the table's order,
    as DuckDB's own sum and avg of doubles do."""
    sides = ((f"{a}->{b}", a, b), (f"{b}->{a}", b, a))
    both = f"{a}-{b}"
    groups: dict[tuple[dt.date, str], _Group] = {}
    per_context: dict[tuple[dt.date, str, str], int] = {}
    starts: dict[dt.date, dt.date] = {}
    for day, source, target, reciprocal, *counted in rows:
        period = starts.get(day) or starts.setdefault(day, _period_start(day, by))
        # a reciprocal event counts in both directions, and once in the combined row
        chosen = [d for d, s, t in sides if (source == s and target == t) or reciprocal] + [both]
        for direction in chosen:
            group = groups.get((period, direction))
            if group is None:
                group = groups[period, direction] = _Group()
            group.add(*counted)
            for ctx in counted[3] or ():
                if ctx is not None:
                    key = (period, direction, ctx)
                    per_context[key] = per_context.get(key, 0) + 1
    counts = [(period, direction, *group.row()) for (period, direction), group in groups.items()]
    return counts, [(*key, n) for key, n in per_context.items()]


@dataclass(slots=True)
class _Group:
    """What the series counts of one (period, direction), with SQL's NULL rules: sums skip NULLs
    and are NULL when every value is."""

    events: int = 0
    mentions: int | None = None
    quads: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    goldstein: float = 0.0
    scored: int = 0

    def add(self, mentions: int | None, quad: int | None, goldstein: float | None, _contexts: object) -> None:
        self.events += 1
        if mentions is not None:
            self.mentions = (self.mentions or 0) + mentions
        if quad in (1, 2, 3, 4):
            self.quads[quad - 1] += 1
        if goldstein is not None:
            self.goldstein += goldstein
            self.scored += 1

    def row(self) -> tuple[Any, ...]:
        """events, reports, the four QuadClass counts, Goldstein mean and sum (as _row reads them)."""
        mean = self.goldstein / self.scored if self.scored else None
        return (self.events, self.mentions, *self.quads, mean, self.goldstein if self.scored else None)


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


def _row(period: dt.date, direction: str, row: tuple[Any, ...] | None, documents: int) -> dict[str, Any]:
    """One period of one direction; an empty period has zero counts and no Goldstein mean."""
    if row is None:
        events, reports, quads, mean, total = 0, 0, (0, 0, 0, 0), None, None
    else:
        events, reports, quads, mean, total = row[2], row[3], row[4:8], row[8], row[9]
    verbal_coop, material_coop, verbal_conflict, material_conflict = quads
    # one literal, in the order of SERIES_COLUMNS: a series by week builds thousands of these
    return {
        "period": period.isoformat(),
        "direction": direction,
        "events": events,
        "reports": reports,
        "verbal_coop": verbal_coop,
        "material_coop": material_coop,
        "verbal_conflict": verbal_conflict,
        "material_conflict": material_conflict,
        "net_cooperation": verbal_coop + material_coop - verbal_conflict - material_conflict,
        "goldstein_mean": round(mean, 3) if mean is not None else None,
        "goldstein_sum": round(total, 3) if total is not None else 0.0,
        "documents": documents,
        # normalised for how much news was read: events of this pair per 100 documents of the period
        "events_per_100_documents": round(100 * events / documents, 3) if documents else None,
    }


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
    fetch: Callable[[str, str, EventFilters], PairRows] | None = None,
) -> DyadSeries:
    """Every period from the first to the last (``filters.start``/``end`` when given), empty ones
    with zero counts. ``filters`` (default: reported events in ``[start, end]``) replaces the range
    and ``include_historical``; a ``direction`` in it keeps that direction's rows only.
    ``documents(by)``, when given, returns :func:`documents_per_period` over all dates (a server
    keeps it until the next write); periods are whole, so its counts are the range's. ``fetch(a, b,
    filters)``, when given, returns :func:`pair_rows` (a server keeps a pair's rows)."""
    _check_by(by)
    a, b = normalise_code(a), normalise_code(b)
    if a == b:
        raise UsageError(f"a dyad needs two different actor codes, got {a!r} and {b!r}")
    if rolling < 0 or rolling > 120:
        raise UsageError(f"--rolling {rolling}: use 0 (none) to 120 periods")
    filters = series_filters(start, end, include_historical, filters)
    fetched = fetch(a, b, filters) if fetch is not None else pair_rows(conn, a, b, filters)
    counts, per_context = _dyad_counts(fetched, a, b, by)
    contexts = sorted({row[2] for row in per_context})
    series = DyadSeries(a, b, by, [*SERIES_COLUMNS, *(f"ctx_{c}" for c in contexts)], contexts=contexts)
    if rolling > 1:
        series.columns += ["events_rolling_mean", "goldstein_rolling_mean"]
    found = {(row[0], row[1]): row for row in counts}
    if not found:
        return series
    first = _period_start(filters.start, by) if filters.start else min(p for p, _ in found)
    last = _period_start(filters.end, by) if filters.end else max(p for p, _ in found)
    if documents is None:
        per_period = documents_per_period(conn, by, first, _next_period(last, by) - dt.timedelta(days=1))
    else:
        per_period = documents(by)
    ctx_count: dict[tuple[dt.date, str], dict[str, int]] = {}
    for period, direction, ctx, n in per_context:
        ctx_count.setdefault((period, direction), {})[f"ctx_{ctx}"] = n
    wanted = {"all": series.directions, "A->B": series.directions[:1], "B->A": series.directions[1:2]}
    periods = _periods(first, last, by)  # every period, empty ones as zeros, so plots and diffs line up
    per_direction = []
    for direction in wanted[filters.direction]:
        rows = _direction_rows(periods, direction, found, per_period, ctx_count, contexts)
        if rolling > 1:
            add_rolling(rows, rolling)
        per_direction.append(rows)
    # period-major, directions in their fixed order (every direction has the same periods)
    series.rows = [row for same_period in zip(*per_direction, strict=True) for row in same_period]
    return series


def _periods(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    out, period = [], first
    while period <= last:
        out.append(period)
        period = _next_period(period, by)
    return out


def _direction_rows(
    periods: list[dt.date],
    direction: str,
    found: dict[tuple[dt.date, str], tuple[Any, ...]],
    documents: dict[dt.date, int],
    ctx_count: dict[tuple[dt.date, str], dict[str, int]],
    contexts: list[str],
) -> list[dict[str, Any]]:
    """One direction's rows; an empty period is a copy of one zero row (most periods of a long
    series by week or day are empty, and a copy costs a fraction of building the row)."""
    no_contexts = {f"ctx_{c}": 0 for c in contexts}
    zero = _row(periods[0], direction, None, 0) | no_contexts
    rows = []
    for period in periods:
        docs = documents.get(period, 0)
        counted = found.get((period, direction))
        if counted is None:
            row = zero.copy()  # keys keep their order when overwritten
            row["period"] = period.isoformat()
            row["documents"] = docs
            row["events_per_100_documents"] = 0.0 if docs else None
        else:
            row = _row(period, direction, counted, docs)
            row.update(no_contexts)  # every context in order, then this period's counts
            row.update(ctx_count.get((period, direction), {}))
        rows.append(row)
    return rows


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
