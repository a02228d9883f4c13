"""One event filter for every reader of the store: ``detente dyad``, ``detente relation`` and the
HTTP API's series, events and relation endpoints build the same :class:`EventFilters` and get
the same WHERE clause, so a chart, its event list and its verdict always count the same events.

By default only ``reported`` events count: plans and threats (``planned``), refusals
(``refused``) and references to the past (``historical``) are left out unless asked for.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from detente.errors import UsageError

STATUSES = ("reported", "planned", "refused", "historical")
DEFAULT_STATUSES = ("reported",)
DIRECTIONS = ("all", "A->B", "B->A")
_WORD = re.compile(r"[a-z][a-z0-9_-]{0,39}")
_SECTOR = re.compile(r"[A-Z]{3}")


def _sector_sql(side: str) -> str:
    """An actor's sector, read off its CAMEO-style code: ``RUSMIL`` -> ``MIL``; an organisation's
    code is its type (``IGO``, ``NGO``), which counts as its sector."""
    return (
        f"CASE WHEN {side}_country IS NOT NULL AND starts_with({side}_code, {side}_country) "
        f"THEN substr({side}_code, length({side}_country) + 1) ELSE {side}_code END"
    )


_MAX_CONTEXT_TESTS = 8


def _contexts_sql(contexts: tuple[str, ...]) -> tuple[str, list[Any]]:
    """Any of these contexts: one list_contains per context (several times faster than
    list_has_any with a list parameter, which DuckDB evaluates row by row); many as one list."""
    if len(contexts) > _MAX_CONTEXT_TESTS:
        return "list_has_any(contexts, ?::VARCHAR[])", [list(contexts)]
    return "(" + " OR ".join(["list_contains(contexts, ?)"] * len(contexts)) + ")", list(contexts)


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Which events count. ``sectors`` match the source's or the target's sector; ``contexts``
    match any of the event's contexts; ``min_confidence`` keeps events with at least one report
    that confident; ``direction`` (``A->B``, ``B->A`` or ``all``) is relative to a dyad's order."""

    start: dt.date | None = None
    end: dt.date | None = None
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    sectors: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    min_confidence: float = 0.0
    direction: str = "all"

    def where(self) -> tuple[str, list[Any]]:
        """SQL over the ``events`` table (columns unqualified) and its parameters."""
        # list_contains, not IN (SELECT unnest(...)): the same test without a semi-join per query
        clauses = ["list_contains(?::VARCHAR[], coalesce(status, 'reported'))"]
        params: list[Any] = [list(self.statuses)]
        if self.start:
            clauses.append("date >= ?")
            params.append(self.start)
        if self.end:
            clauses.append("date <= ?")
            params.append(self.end)
        if self.sectors:
            clauses.append(
                f"(list_contains(?::VARCHAR[], {_sector_sql('source')}) "
                f"OR list_contains(?::VARCHAR[], {_sector_sql('target')}))"
            )
            params += [list(self.sectors), list(self.sectors)]
        if self.contexts:
            sql, values = _contexts_sql(self.contexts)
            clauses.append(sql)
            params += values
        if self.min_confidence > 0:
            # an event is as confident as its most confident report
            clauses.append(
                "EXISTS (SELECT 1 FROM reports r WHERE r.cluster_id = events.cluster_id AND r.confidence >= ?)"
            )
            params.append(self.min_confidence)
        return " AND ".join(clauses), params

    def direction_where(self, a: str, b: str) -> tuple[str, list[Any]]:
        """The direction as SQL for the dyad (a, b); a reciprocal event counts in both directions."""
        if self.direction == "all":
            return "TRUE", []
        src, tgt = (a, b) if self.direction == "A->B" else (b, a)
        return "((source_key = ? AND target_key = ?) OR reciprocal)", [src, tgt]

    def describe(self) -> dict[str, Any]:
        """The filters as a response states them (``from``/``to`` as ISO dates)."""
        return {
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
            "status": list(self.statuses),
            "excluded_status": [s for s in STATUSES if s not in self.statuses],
            "sector": list(self.sectors),
            "context": list(self.contexts),
            "min_confidence": self.min_confidence,
            "direction": self.direction,
        }


def _clean(values: Iterable[str] | None, pattern: re.Pattern[str], upper: bool, what: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in values or ():
        for part in str(raw).split(","):
            value = part.strip().upper() if upper else part.strip().lower()
            if not value:
                continue
            if not pattern.fullmatch(value):
                raise UsageError(f"{what} {part.strip()!r} is malformed")
            out.append(value)
    return tuple(dict.fromkeys(out))


def _statuses(values: Iterable[str] | None, include_historical: bool) -> tuple[str, ...]:
    chosen = _clean(values, _WORD, upper=False, what="status")
    if "all" in chosen:
        return STATUSES
    for value in chosen:
        if value not in STATUSES:
            raise UsageError(f"status {value!r}: use one or more of {', '.join(STATUSES)} (or all)")
    chosen = chosen or DEFAULT_STATUSES
    return (*chosen, "historical") if include_historical and "historical" not in chosen else chosen


def normalise_direction(direction: str | None, a: str | None = None, b: str | None = None) -> str:
    """``A->B``, ``B->A`` or ``all``; also accepts the codes themselves (``CHN->RUS``) and ``A-B``."""
    text = (direction or "all").strip().upper().replace(" ", "")
    if text in ("", "ALL", "BOTH", "A-B") or (a and b and text == f"{a}-{b}"):
        return "all"
    if text in ("A->B", "B->A"):
        return text
    if a and b and text in (f"{a}->{b}", f"{b}->{a}"):
        return "A->B" if text == f"{a}->{b}" else "B->A"
    raise UsageError(f"direction {direction!r}: use A->B, B->A or all (or the codes, e.g. {a or 'CHN'}->{b or 'RUS'})")


def build_filters(
    start: dt.date | None = None,
    end: dt.date | None = None,
    status: Iterable[str] | None = None,
    sector: Iterable[str] | None = None,
    context: Iterable[str] | None = None,
    min_confidence: float | None = None,
    direction: str | None = None,
    include_historical: bool = False,
    pair: tuple[str, str] | None = None,
) -> EventFilters:
    """Check and normalise user-given filters; raise :class:`UsageError` naming the bad one.
    ``pair`` (the dyad's codes, in order) lets ``direction`` be written with codes, ``CHN->RUS``."""
    if start and end and start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    confidence = float(min_confidence or 0.0)
    if not 0.0 <= confidence <= 1.0:
        raise UsageError(f"min confidence {confidence}: use a number from 0 to 1")
    return EventFilters(
        start=start,
        end=end,
        statuses=_statuses(status, include_historical),
        sectors=_clean(sector, _SECTOR, upper=True, what="sector (three letters, e.g. GOV, MIL)"),
        contexts=_clean(context, _WORD, upper=False, what="context"),
        min_confidence=confidence,
        direction=normalise_direction(direction, *(pair or (None, None))),
    )
