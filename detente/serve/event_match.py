"""A search's matches from the events kept in memory (:mod:`detente.serve.event_rows`): the
filters as numpy masks over the events' codes, then the search's order, instead of a scan in
DuckDB (a new pair's search 2-3 ms there, an actor's 5-8 ms). The same matches in the same order
as the query (``tests/serve/test_serve_event_match.py``); a filter not done here (text, minimum
confidence, sectors) leaves the search to the query."""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from detente.serve.event_rows import EventRows
from detente.store.cluster import pair_key

if TYPE_CHECKING:
    from detente.serve.events import EventFilter

_ACTOR_COLUMNS = tuple(f"{side}_{what}" for what in ("key", "code", "country", "org") for side in ("source", "target"))
_SORTED = {"date": "date", "goldstein": "goldstein", "mention_count": "mention_count", "article_count": "article_count"}


class Unsupported(Exception):
    """A filter or column the kept events cannot search: the query runs instead."""


def _where(rows: EventRows, name: str, test: Callable[[Any], bool]) -> np.ndarray:
    """Events whose ``name`` passes ``test`` (None: the column's NULL), tested once per value."""
    codes, values = rows.column(name)
    if codes is None:  # mostly distinct values, a value an event
        return np.fromiter((test(value) for value in values), dtype=bool, count=len(values))
    wanted = np.fromiter((test(value) for value in values), dtype=bool, count=len(values))
    codes_now = _codes_of(rows, name)
    which = np.flatnonzero(wanted)
    if len(which) <= 2:  # one or two values: compared (cheaper than looking a table up per event)
        mask = np.zeros(len(codes_now), dtype=bool)
        for code in which.tolist():
            mask |= codes_now == code
        return mask
    return wanted[codes_now]  # a table of the values looked up per event


def _codes_of(rows: EventRows, name: str) -> np.ndarray:
    found = rows.derived.get(("codes", name))
    if found is None:
        codes, _ = rows.column(name)
        found = rows.derived[("codes", name)] = np.frombuffer(codes, dtype=codes.typecode)  # a view
    return found


def _equal(rows: EventRows, name: str, wanted: object) -> np.ndarray:
    return _where(rows, name, lambda value: value is not None and value == wanted)


def _actors(rows: EventRows, filt: EventFilter, mask: np.ndarray) -> np.ndarray:
    if filt.actor:
        actor = filt.actor.strip().upper()
        either = np.zeros(len(rows), dtype=bool)
        for name in _ACTOR_COLUMNS:
            either |= _equal(rows, name, actor)
        mask &= either
    if filt.source:
        mask &= _equal(rows, "source_key", filt.source.strip().upper())
    if filt.target:
        mask &= _equal(rows, "target_key", filt.target.strip().upper())
    if filt.dyad:
        from detente.serve.events import split_dyad  # noqa: PLC0415 - events imports this module

        a, b = split_dyad(filt.dyad)
        mask &= _equal(rows, "pair_key", pair_key(a, b))
        if filt.common.direction != "all":
            src, tgt = (a, b) if filt.common.direction == "A->B" else (b, a)
            way = _equal(rows, "source_key", src) & _equal(rows, "target_key", tgt)
            mask &= way | _where(rows, "reciprocal", lambda value: value is True)
    return mask


def _code_filters(rows: EventRows, filt: EventFilter, mask: np.ndarray) -> np.ndarray:
    if filt.cameo:
        prefix = filt.cameo
        mask &= _where(rows, "cameo", lambda value: value is not None and value.startswith(prefix))
    if filt.root:
        mask &= _equal(rows, "root", filt.root)
    if filt.plover:
        mask &= _equal(rows, "plover", filt.plover.strip().upper())
    if filt.quad_class is not None:
        mask &= _equal(rows, "quad_class", filt.quad_class)
    return mask


def _mask(rows: EventRows, filt: EventFilter) -> np.ndarray:
    """The events matching ``filt`` other than its dates."""
    common = filt.common
    if filt.q or common.sectors or common.min_confidence > 0:
        raise Unsupported("text, sector or confidence")
    statuses = set(common.statuses)
    mask = _where(rows, "status", lambda value: value in statuses)
    if common.contexts:
        contexts = common.contexts
        mask &= _where(rows, "contexts", lambda value: value is not None and any(c in value for c in contexts))
    return _code_filters(rows, filt, _actors(rows, filt, mask))


def _numbers(rows: EventRows, name: str) -> tuple[np.ndarray, np.ndarray]:
    """A column as floats (dates as day ordinals) and its NULL mask, per event (made once)."""
    found = rows.derived.get(("numbers", name))
    if found is None:
        found = rows.derived[("numbers", name)] = _make_numbers(rows, name)
    return found  # type: ignore[no-any-return]


def _make_numbers(rows: EventRows, name: str) -> tuple[np.ndarray, np.ndarray]:
    codes, values = rows.column(name)
    if name == "date":
        values = [dt.date.fromisoformat(v).toordinal() if v else None for v in values]
    numbers = np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)
    given = np.array([v is not None for v in values], dtype=bool)
    if np.isnan(numbers[given]).any():  # a NaN score: DuckDB orders it above every number
        raise Unsupported(f"NaN in {name}")
    per_event = numbers if codes is None else numbers[_codes_of(rows, name)]
    nulls = np.isnan(per_event)
    return np.where(nulls, 0.0, per_event), nulls  # NULLs go last by their flag, then by key


def _order(rows: EventRows, key: str, direction: str) -> np.ndarray:
    """Every event in the search's order (made once per order)."""
    found = rows.derived.get(("order", key, direction))
    if found is None:
        values, nulls = _numbers(rows, key)
        found = np.lexsort((rows.rank, values if direction == "ASC" else -values, nulls)).astype(np.int32)
        rows.derived[("order", key, direction)] = found
    return found  # type: ignore[no-any-return]


def matches(rows: EventRows, filt: EventFilter, key: str, direction: str) -> tuple[tuple[str, ...], array[int]]:
    """The keys of the events matching ``filt`` (its dates left out), ordered by ``key`` (a column
    of :data:`detente.serve.events.SORTS`) ``direction`` (``ASC``/``DESC``) with NULLs last and
    ties by key, and their dates as day ordinals (0: none); raises :class:`Unsupported`."""
    if key not in _SORTED:
        raise Unsupported(key)
    mask = _mask(rows, filt)
    values, nulls = _numbers(rows, key)
    found = np.flatnonzero(mask)
    if len(found) > len(mask) // 64:  # many: picked from every event in order
        order = _order(rows, key, direction)
        found = order[mask[order]]
    else:
        chosen = values[found]
        found = found[np.lexsort((rows.rank[found], chosen if direction == "ASC" else -chosen, nulls[found]))]
    days = _numbers(rows, "date")[0][found].astype(np.int32)  # NULL: 0
    keys = rows.derived.get("keys")
    if keys is None:
        keys = rows.derived["keys"] = np.array(rows.keys, dtype=object)
    return tuple(keys[found]), array("i", days.tobytes())
