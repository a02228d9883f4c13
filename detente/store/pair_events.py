"""A dyad series counted with numpy: a pair's events as columns, counted per (period, direction) with
``bincount``, and the rows built from the counts.

A series by week over 25 years has about 4,000 rows, three in four of them empty: counting event
by event and building each row from its own group cost a Python loop per event and per row (5 ms of
a series' 6 in the benchmark's requests). Here the counting is a few array operations, and a row is
a copy of its direction's empty row with the period's label and documents set, or, for a period
with events, one dict literal. The numbers are those of counting one event at a time: ``bincount``
adds each group's weights in the events' order, as the sums of the loop did (and as DuckDB's own
``sum`` does on one thread); means and rounding are Python's, on Python floats.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

PairRows = list[tuple[Any, ...]]
QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


@dataclass(frozen=True, slots=True)
class PairEvents:
    """A pair's events (the rows of :func:`detente.store.series.pair_rows`) as columns, in the
    table's order; NULLs as 0 with a mask beside, as SQL's sums skip them."""

    day: np.ndarray  # datetime64[D]
    source: np.ndarray  # object: source keys
    target: np.ndarray  # object: target keys
    reciprocal: np.ndarray  # bool: the value's truth
    mentions: np.ndarray  # float64, 0 where NULL (sums of integers, exact below 2**53)
    has_mentions: np.ndarray  # bool
    quad: np.ndarray  # int64: QuadClass 1-4, else 0 (not counted)
    goldstein: np.ndarray  # float64, 0 where NULL
    scored: np.ndarray  # bool: Goldstein not NULL
    ctx_event: np.ndarray  # int64: the event of each context an event names (duplicates count twice)
    ctx_code: np.ndarray  # int64: that context, an index into ``names``
    names: tuple[str, ...]  # every context named, sorted

    @classmethod
    def from_rows(cls, rows: PairRows) -> PairEvents:
        """From rows of date, source, target, reciprocal, mentions, QuadClass, Goldstein, contexts."""
        cols = list(zip(*rows, strict=True)) if rows else [()] * 8
        day, source, target, reciprocal, mentions, quad, gold, contexts = cols
        pairs = [(i, c) for i, cs in enumerate(contexts) for c in cs or () if c is not None]
        names = tuple(sorted({c for _, c in pairs}))
        code = {c: i for i, c in enumerate(names)}
        return cls(
            day=np.array(day, dtype="datetime64[D]"),
            source=_objects(source),
            target=_objects(target),
            reciprocal=np.array([bool(r) for r in reciprocal], dtype=bool),
            mentions=np.array([0 if m is None else m for m in mentions], dtype=np.float64),
            has_mentions=np.array([m is not None for m in mentions], dtype=bool),
            quad=np.array([int(q) if q in (1, 2, 3, 4) else 0 for q in quad], dtype=np.int64),
            goldstein=np.array([0.0 if g is None else g for g in gold], dtype=np.float64),
            scored=np.array([g is not None for g in gold], dtype=bool),
            ctx_event=np.array([i for i, _ in pairs], dtype=np.int64),
            ctx_code=np.array([code[c] for _, c in pairs], dtype=np.int64),
            names=names,
        )

    def __len__(self) -> int:
        return len(self.day)

    def between(self, start: dt.date | None, end: dt.date | None) -> PairEvents:
        """The events dated in ``[start, end]`` (either may be None: unbounded), in the same order."""
        if start is None and end is None:
            return self
        keep = np.ones(len(self), dtype=bool)
        if start is not None:
            keep &= self.day >= np.datetime64(start, "D")
        if end is not None:
            keep &= self.day <= np.datetime64(end, "D")
        position = np.cumsum(keep) - 1  # an event's index among the kept ones
        named = keep[self.ctx_event]
        return PairEvents(
            self.day[keep], self.source[keep], self.target[keep], self.reciprocal[keep], self.mentions[keep],
            self.has_mentions[keep], self.quad[keep], self.goldstein[keep], self.scored[keep],
            position[self.ctx_event[named]], self.ctx_code[named], self.names,
        )  # fmt: skip

    def contexts(self) -> list[str]:
        """The contexts these events name, sorted."""
        return [self.names[i] for i in np.unique(self.ctx_code).tolist()]

    def span(self) -> tuple[dt.date, dt.date]:
        """The first and last dates (there must be events)."""
        return self.day.min().item(), self.day.max().item()


def _objects(values: tuple[Any, ...]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def period_dates(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    """Every period's first day from ``first``'s period to ``last``'s (both period starts)."""
    if by in ("month", "year"):
        unit = "datetime64[M]" if by == "month" else "datetime64[Y]"
        lo, hi = np.datetime64(first, "D").astype(unit), np.datetime64(last, "D").astype(unit)
        return np.arange(lo, hi + 1).astype("datetime64[D]").tolist()  # type: ignore[no-any-return]
    step = 7 if by == "week" else 1
    return np.arange(np.datetime64(first, "D"), np.datetime64(last, "D") + 1, step).tolist()  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class _Table:
    origin: dt.date
    dates: list[dt.date]
    labels: list[str]


TABLE_PERIODS = 20_000  # most periods of one kind kept with their labels (about 2 MB)
_tables: dict[str, _Table] = {}


def periods(first: dt.date, last: dt.date, by: str) -> tuple[list[dt.date], list[str]]:
    """:func:`period_dates` and their ISO labels, sliced from a table per period kind that spans
    every range asked so far (up to :data:`TABLE_PERIODS` periods): formatting 1,300 weeks' dates
    costs more than counting their events."""
    if first > last:
        return [], []
    table = _tables.get(by)
    if table is None or first < table.origin or last > table.dates[-1]:
        lo = min(first, table.origin) if table else first
        hi = max(last, table.dates[-1]) if table else last
        if _offset(lo, hi, by) >= TABLE_PERIODS:
            dates = period_dates(first, last, by)
            return dates, [d.isoformat() for d in dates]
        dates = period_dates(lo, hi, by)
        table = _tables[by] = _Table(lo, dates, [d.isoformat() for d in dates])  # swapped whole: threads may read
    i = _offset(table.origin, first, by)
    j = i + _offset(first, last, by) + 1
    return table.dates[i:j], table.labels[i:j]


def _offset(first: dt.date, last: dt.date, by: str) -> int:
    """Periods from ``first``'s to ``last``'s (both period starts)."""
    if by == "year":
        return last.year - first.year
    if by == "month":
        return (last.year - first.year) * 12 + last.month - first.month
    return (last - first).days // (7 if by == "week" else 1)


def _period_index(day: np.ndarray, by: str, first: dt.date) -> np.ndarray:
    """Each date's period as an index from ``first`` (a period start)."""
    if by in ("month", "year"):
        unit = "datetime64[M]" if by == "month" else "datetime64[Y]"
        return (day.astype(unit) - np.datetime64(first, "D").astype(unit)).astype(np.int64)
    days = (day - np.datetime64(first, "D")).astype(np.int64)
    return days // 7 if by == "week" else days  # first is a Monday by week


@dataclass(slots=True)
class Counts:
    """Per slot (period-major, then the chosen directions): events, reports, QuadClasses, Goldstein
    and per context, as arrays; ``contexts``: the columns of ``per_context`` (codes into names)."""

    events: np.ndarray
    mentions: np.ndarray
    has_mentions: np.ndarray
    quads: np.ndarray  # (slots, 4)
    goldstein: np.ndarray
    scored: np.ndarray
    per_context: np.ndarray  # (slots, contexts)


def count(ev: PairEvents, sides: tuple[str, str], by: str, first: dt.date, periods: int, chosen: list[int]) -> Counts:
    """Count ``ev`` per period (``periods`` of them from ``first``) and direction: 0 is ``A->B``
    (``sides``), 1 ``B->A``, 2 both (every event once); a reciprocal event counts in 0 and 1.
    ``chosen``: the directions wanted, in their order."""
    a, b = sides
    index = _period_index(ev.day, by, first)
    inside = (index >= 0) & (index < periods)
    masks = [
        ((ev.source == a) & (ev.target == b)) | ev.reciprocal,
        ((ev.source == b) & (ev.target == a)) | ev.reciprocal,
    ]
    masks.append(np.ones(len(ev), dtype=bool))
    width = len(chosen)
    picked = [np.flatnonzero(masks[d] & inside) for d in chosen]
    which = np.concatenate([np.zeros(0, dtype=np.int64), *picked])  # one entry per (event, direction)
    slot = np.concatenate([np.zeros(0, dtype=np.int64), *(index[p] * width + k for k, p in enumerate(picked))])
    size = periods * width
    quad = ev.quad[which]
    valid = quad > 0
    quads = np.bincount(slot[valid] * 4 + quad[valid] - 1, minlength=size * 4).reshape(size, 4)
    return Counts(
        events=np.bincount(slot, minlength=size),
        mentions=_sums(slot, ev.mentions[which], size),
        has_mentions=_sums(slot, ev.has_mentions[which], size),
        quads=quads,
        goldstein=_sums(slot, ev.goldstein[which], size),
        scored=_sums(slot, ev.scored[which], size),
        per_context=_context_counts(ev, [masks[d] & inside for d in chosen], index, size),
    )


def _sums(slot: np.ndarray, weights: np.ndarray, size: int) -> np.ndarray:
    """Per slot, the sum of its weights in their order (float64 even when there are none)."""
    return np.bincount(slot, weights=weights, minlength=size).astype(np.float64, copy=False)


def _context_counts(ev: PairEvents, masks: list[np.ndarray], index: np.ndarray, size: int) -> np.ndarray:
    """Per slot and context named by any event (sorted): how many times the slot's events name it."""
    present = np.unique(ev.ctx_code)
    if not len(present):
        return np.zeros((size, 0), dtype=np.int64)
    column = np.full(len(ev.names), -1, dtype=np.int64)
    column[present] = np.arange(len(present))
    width, slots = len(masks), []
    for k, mask in enumerate(masks):
        named = mask[ev.ctx_event]
        event = ev.ctx_event[named]
        slots.append((index[event] * width + k) * len(present) + column[ev.ctx_code[named]])
    flat = np.bincount(np.concatenate(slots), minlength=size * len(present))
    return flat.reshape(size, len(present))


def build_rows(
    counts: Counts, labels: list[str], documents: list[int], directions: list[str], ctx_keys: list[str]
) -> list[dict[str, Any]]:
    """One row per slot (period-major, then ``directions``), keys in the order of the series'
    columns. An empty slot is a copy of its direction's empty row with the period's label and
    documents set (three in four slots of a weekly series are empty)."""
    width = len(directions)
    rows: list[dict[str, Any]] = [None] * (len(labels) * width)  # type: ignore[list-item]
    label_of, docs_of = _objects(tuple(labels)), np.array(documents, dtype=np.int64)
    busy = np.flatnonzero(counts.events)
    for slot, row in zip(busy.tolist(), _busy_rows(counts, busy, label_of, docs_of, directions, ctx_keys), strict=True):
        rows[slot] = row
    empty = np.flatnonzero(counts.events == 0)
    period = empty // width
    templates = [_empty_row(d, ctx_keys) for d in directions]
    for slot, k, label, docs in zip(
        empty.tolist(), (empty % width).tolist(), label_of[period].tolist(), docs_of[period].tolist(), strict=True
    ):
        row = templates[k].copy()  # keys keep their order when overwritten
        row["period"] = label
        row["documents"] = docs
        row["events_per_100_documents"] = 0.0 if docs else None
        rows[slot] = row
    return rows


def _empty_row(direction: str, ctx_keys: list[str]) -> dict[str, Any]:
    row: dict[str, Any] = {"period": "", "direction": direction, "events": 0, "reports": 0}
    row |= dict.fromkeys(QUAD_COLUMNS, 0)
    row |= {"net_cooperation": 0, "goldstein_mean": None, "goldstein_sum": 0.0, "documents": 0}
    row["events_per_100_documents"] = None
    return row | dict.fromkeys(ctx_keys, 0)


def _busy_rows(
    counts: Counts,
    busy: np.ndarray,
    label_of: np.ndarray,
    docs_of: np.ndarray,
    directions: list[str],
    ctx_keys: list[str],
) -> list[dict[str, Any]]:
    """The rows of the slots with events, in their order; the column values computed as arrays."""
    width = len(directions)
    period = busy // width
    events, docs, scored = counts.events[busy], docs_of[period], counts.scored[busy]
    reports = counts.mentions[busy].astype(np.int64).astype(object)
    reports[counts.has_mentions[busy] == 0] = None  # SQL's sum of NULLs
    quads = counts.quads[busy]
    total = counts.goldstein[busy]  # 0.0 where nothing is scored: the column's value then
    mean = _none_where(round3(np.divide(total, scored, out=np.zeros_like(total), where=scored > 0)), scored == 0)
    per_100 = np.divide(100.0 * events, docs, out=np.zeros(len(busy)), where=docs > 0)
    columns = zip(
        label_of[period].tolist(),
        [directions[k] for k in (busy % width).tolist()],
        events.tolist(),
        reports.tolist(),
        *quads.T.tolist(),
        (quads[:, 0] + quads[:, 1] - quads[:, 2] - quads[:, 3]).tolist(),
        mean,
        round3(total),
        docs.tolist(),
        # normalised for how much news was read: events of this pair per 100 documents of the period
        _none_where(round3(per_100), docs == 0),
        strict=True,
    )
    no_contexts = dict.fromkeys(ctx_keys, 0)
    rows = [
        {
            "period": label,
            "direction": direction,
            "events": n,
            "reports": r,
            "verbal_coop": vc,
            "material_coop": mc,
            "verbal_conflict": vf,
            "material_conflict": mf,
            "net_cooperation": net,
            "goldstein_mean": gm,
            "goldstein_sum": gs,
            "documents": d,
            "events_per_100_documents": p,
            **no_contexts,
        }
        for label, direction, n, r, vc, mc, vf, mf, net, gm, gs, d, p in columns
    ]
    per_context = counts.per_context[busy]
    row, column = np.nonzero(per_context)
    for i, c, n in zip(row.tolist(), column.tolist(), per_context[row, column].tolist(), strict=True):
        rows[i][ctx_keys[c]] = n
    return rows


def _none_where(values: list[Any], mask: np.ndarray) -> list[Any]:
    for i in np.flatnonzero(mask).tolist():
        values[i] = None
    return values


def round3(values: np.ndarray) -> list[float]:
    """``round(v, 3)`` of each value, exactly as Python rounds (the float nearest the decimal value
    rounded half to even), as a list of Python floats. ``rint(v * 1000) / 1000`` is that where
    ``v * 1000`` (rounded, off by under 1e-7 below a million) is clear of a half; elsewhere (and for
    large or non-finite values) Python's ``round`` is used."""
    with np.errstate(invalid="ignore", over="ignore"):  # inf and NaN go to Python's round
        scaled = values * 1000.0
        out = (np.rint(scaled) / 1000.0).tolist()
        clear = (np.abs(np.abs(scaled - np.trunc(scaled)) - 0.5) > 1e-6) & (np.abs(values) < 1e6)
    for i in np.flatnonzero(~clear).tolist():
        out[i] = round(float(values[i]), 3)
    return out  # type: ignore[no-any-return]
