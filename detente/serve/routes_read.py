"""Read-only endpoints: events, series, rankings, documents, countries, actors."""

from __future__ import annotations

import datetime as dt
import pathlib
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from detente.serve import documents, events, lookups, relation, series
from detente.serve.config import MAX_LIMIT
from detente.serve.deps import AppState, Cursor, errors, state
from detente.serve.filter_params import Filters
from detente.serve.jsonbytes import to_json
from detente.serve.models import (
    ActorRecord,
    Country,
    DocumentOut,
    Event,
    EventDetail,
    EventPage,
    Health,
    Series,
    TopDyads,
)

router = APIRouter(prefix="/api")

Code = Annotated[str | None, Query(max_length=64, description="Actor key or code, e.g. RUS, EU, USAGOV.")]
From = Annotated[dt.date | None, Query(alias="from", description="First date (inclusive), YYYY-MM-DD.")]
To = Annotated[dt.date | None, Query(alias="to", description="Last date (inclusive), YYYY-MM-DD.")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Key = Annotated[str, Path(min_length=1, max_length=128)]
Historical = Annotated[
    bool, Query(description="Also count events only ever reported as past (e.g. 'founded in 2001').")
]


def _json(content: dict[str, object]) -> Response:
    """The answer as JSON bytes (the bytes FastAPI's serializer would send), without first validating
    it against the response model: the big reads (a series by week has thousands of rows) build
    their dicts in the model's shape, which the tests check."""
    return Response(to_json(content), media_type="application/json")


@router.get("/health", response_model=Health, responses=errors(500))
def health(cur: Cursor, st: AppState) -> dict[str, object]:
    docs, reps, evs = cur.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM reports), (SELECT count(*) FROM events)"
    ).fetchall()[0]
    return {
        "status": "ok",
        "db": pathlib.Path(str(st.config.db)).name,  # the file name only: clients need not learn server paths
        "writable": st.config.writable,
        "documents": docs,
        "reports": reps,
        "events": evs,
    }


@router.get("/events", response_model=EventPage, responses=errors(400))
def list_events(
    request: Request,
    filters: Filters,
    actor: Code = None,
    source: Code = None,
    target: Code = None,
    dyad: Annotated[str | None, Query(max_length=130, description="A pair, A-B (unordered).")] = None,
    start: From = None,
    end: To = None,
    cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code or its prefix.")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root (2 digits).")] = None,
    plover: Annotated[str | None, Query(max_length=40, description="PLOVER event type, e.g. AGREE.")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1 verbal coop .. 4 material conflict.")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Text in the evidence.")] = None,
    sort: Literal["date", "goldstein", "mentions", "articles"] = "date",
    order: Literal["asc", "desc"] = "asc",
    limit: Limit = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    """Deduplicated events matching every filter given, with the evidence of one report each. The
    shared filters (status, sector, context, min_confidence, direction) count as in the series."""
    pair = events.split_dyad(dyad) if dyad else None
    filt = events.EventFilter(actor, source, target, dyad, cameo, root, plover, quad_class, q)
    filt.common = filters.build(start, end, pair)
    db = state(request).db
    memo = events.Memo(db.rows, db.generation, db.matches)  # the generation before reading: see RowMemo
    best_evidence = db.has_best_evidence  # outside the borrowed cursor: it borrows one the first time
    table = db.event_rows()  # every event in memory, once built for this generation
    if table is not None and table.generation != memo.generation:
        table = None
    with db.cursor() as cur:  # borrowed here, not by a dependency: two fewer hops to the thread pool
        page = events.search_events(cur, filt, limit, offset, sort, order, memo, best_evidence, table)
    return _json(page)


@router.get("/events/{cluster_id}", response_model=EventDetail, responses=errors(404))
def get_event(cur: Cursor, cluster_id: Key) -> dict[str, object]:
    """One event with every report (article mention) behind it."""
    return events.get_event(cur, cluster_id)


@router.get("/dyads/top", response_model=TopDyads, responses=errors(400))
def top_dyads(
    cur: Cursor,
    start: From = None,
    end: To = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 10,
    include_historical: Historical = False,
) -> dict[str, object]:
    """Pairs ranked by events and by change between the two halves of the range (as ``detente top-dyads``)."""
    return series.top(cur, start, end, limit, include_historical)


@router.get("/dyads/{a}/{b}/series", response_model=Series, responses=errors(400))
def dyad_series(
    request: Request,
    filters: Filters,
    a: Annotated[str, Path(min_length=1, max_length=64)],
    b: Annotated[str, Path(min_length=1, max_length=64)],
    start: From = None,
    end: To = None,
    by: Literal["day", "week", "month", "year"] = "month",
    rolling: Annotated[int, Query(ge=0, le=120, description="Add trailing means over this many periods.")] = 0,
) -> Response:
    """Per period: A->B, B->A and A-B rows with QuadClass, Goldstein mean (and a labelled sum), documents
    and context counts (as ``detente dyad``); empty periods have zero counts and no Goldstein mean."""
    chosen = filters.build(start, end, (a.strip().upper(), b.strip().upper()))
    st = state(request)
    with st.db.cursor() as cur:  # as in list_events
        generation = st.db.generation  # before reading: see RowMemo
        documents = series.documents_memo(cur, st.db.periods, generation)
        span = series.span_memo(cur, st.db.spans, generation)
        fetch = series.rows_memo(cur, st.db.pairs, generation)
        answer = series.series(cur, a, b, by, st.config.max_periods, chosen, rolling, documents, span, fetch)
    return _json(answer)


@router.get("/documents/{key}", response_model=DocumentOut, responses=errors(404))
def get_document(cur: Cursor, key: Key) -> dict[str, object]:
    """A document (by content hash or id) with its events and its text cut at evidence spans."""
    return documents.get_document(cur, key)


@router.get("/countries", response_model=list[Country])
def list_countries(
    cur: Cursor,
    q: Annotated[str | None, Query(max_length=100, description="Part of a name or code.")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[dict[str, object]]:
    """Countries matching ``q``, with their event counts in this store, most active first."""
    return lookups.countries(cur, q, limit)


@router.get("/actors", response_model=list[ActorRecord])
def lookup_actors(
    name: Annotated[str, Query(min_length=1, max_length=200, description="A name, title or place.")],
    date: Annotated[dt.date | None, Query(description="Resolve office terms at this date.")] = None,
) -> list[dict[str, object]]:
    """Every actor record ``name`` matches (as ``detente actors lookup``)."""
    return lookups.actors(name, date)


router.include_router(relation.router)  # the relationship summary and names, in their own module

__all__ = ["Event", "router"]
