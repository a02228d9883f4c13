"""The shared event filters as query parameters, read the same way by the series, events and
relation endpoints, and turned into :class:`detente.store.filters.EventFilters` (the object the
CLI builds too)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query

from detente.errors import UsageError
from detente.serve.errors import ApiError
from detente.store.filters import EventFilters, build_filters


@dataclass(slots=True)
class FilterParams:
    status: list[str] | None
    sector: list[str] | None
    context: list[str] | None
    min_confidence: float
    direction: str
    include_historical: bool

    def build(self, start: dt.date | None, end: dt.date | None, pair: tuple[str, str] | None = None) -> EventFilters:
        """The filters, or a 400 naming the bad one."""
        if pair is None and self.direction.strip().lower() not in ("", "all"):
            raise ApiError(400, "bad_request", "direction needs a pair: give dyad=A-B as well")
        try:
            return build_filters(
                start,
                end,
                self.status,
                self.sector,
                self.context,
                self.min_confidence,
                self.direction,
                self.include_historical,
                pair,
            )
        except UsageError as exc:
            raise ApiError(400, "bad_request", str(exc)) from exc


async def filter_params(
    status: Annotated[
        list[str] | None,
        Query(max_length=40, description="reported (default), planned, refused, historical or all; repeatable."),
    ] = None,
    sector: Annotated[
        list[str] | None,
        Query(max_length=40, description="Actor sector of either side (GOV, MIL, BUS, REB...); repeatable."),
    ] = None,
    context: Annotated[
        list[str] | None, Query(max_length=40, description="Context (military, economic...); repeatable, any.")
    ] = None,
    min_confidence: Annotated[
        float, Query(ge=0.0, le=1.0, description="Only events with a report at least this confident.")
    ] = 0.0,
    direction: Annotated[
        str, Query(max_length=140, description="all, A->B or B->A, relative to the pair (or CHN->RUS).")
    ] = "all",
    include_historical: Annotated[
        bool, Query(description="Also count events only ever reported as past (same as adding status=historical).")
    ] = False,
) -> FilterParams:
    # async: pure parsing, so FastAPI runs it on the event loop instead of a hop to its thread pool
    return FilterParams(status, sector, context, min_confidence, direction, include_historical)


Filters = Annotated[FilterParams, Depends(filter_params)]
