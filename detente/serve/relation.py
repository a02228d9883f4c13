"""``GET /api/dyads/{a}/{b}/relation`` (the relationship summary, the JSON of ``detente relation
--format json``) and ``GET /api/names`` (names for CAMEO codes, PLOVER types, contexts, statuses)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from detente.errors import UsageError
from detente.serve.deps import AppState, Cursor, errors
from detente.serve.errors import ApiError
from detente.serve.filter_params import Filters
from detente.store.filters import STATUSES
from detente.store.names import cameo_table, context_names, plover_name, plover_types
from detente.store.relation import relation

router = APIRouter()


class TrendOut(BaseModel):
    slope: float
    interval: list[float] = Field(description="[low, high] at `level`.")
    level: float
    p_value: float = Field(description="Two-sided permutation test of no trend (periods shuffled in time).")
    change_over_window: float
    unit: str


class DirectionOut(BaseModel):
    verdict: str
    trend: TrendOut | None
    events: int
    periods_with_events: int


class EvidenceOut(BaseModel):
    cluster_id: str
    date: str
    direction: str
    doc_key: str | None = Field(description="Document key for GET /api/documents/{key}.")
    doc_id: str | None
    text: str | None


class DriverOut(BaseModel):
    cameo: str
    cameo_name: str | None
    plover: str | None
    plover_name: str | None
    count: int
    goldstein_mean: float | None
    contribution: float = Field(description="This event type's share in the slope (the shares add up to it).")
    evidence: list[EvidenceOut]


class RelationOut(DirectionOut):
    a: str
    b: str
    by: str
    from_: str | None = Field(alias="from")
    to: str | None
    periods: int
    directions: dict[str, DirectionOut]
    drivers: list[DriverOut]
    series: list[dict[str, Any]] = Field(description="Per period, both directions: counts and net cooperation.")
    rule: str
    method: str
    filters: dict[str, Any]


class Names(BaseModel):
    cameo: dict[str, str]
    plover: dict[str, str]
    contexts: list[str]
    statuses: list[str]


@router.get(
    "/dyads/{a}/{b}/relation",
    response_model=RelationOut,
    response_model_by_alias=True,
    responses=errors(400),
)
def dyad_relation(
    cur: Cursor,
    st: AppState,
    filters: Filters,
    a: Annotated[str, Path(min_length=1, max_length=64)],
    b: Annotated[str, Path(min_length=1, max_length=64)],
    start: Annotated[dt.date | None, Query(alias="from", description="First date (inclusive).")] = None,
    end: Annotated[dt.date | None, Query(alias="to", description="Last date (inclusive).")] = None,
    by: Literal["day", "week", "month", "year"] = "month",
) -> dict[str, Any]:
    """Is the relationship warming or cooling? Trend of net cooperation with its interval and
    test, the events behind it, and the event types that drive it (docs/relation.md)."""
    pair = (a.strip().upper(), b.strip().upper())
    chosen = filters.build(start, end, pair)
    try:
        return relation(cur, pair[0], pair[1], chosen, by, st.config.max_periods)
    except UsageError as exc:
        raise ApiError(400, "bad_request", str(exc)) from exc


@router.get("/names", response_model=Names)
def names() -> dict[str, Any]:
    """Names for codes: CAMEO code -> label, PLOVER type -> words, the contexts and statuses."""
    return {
        "cameo": {code: str(row["label"]) for code, row in cameo_table().items()},
        "plover": {p: plover_name(p) or p for p in plover_types()},
        "contexts": context_names(),
        "statuses": list(STATUSES),
    }
