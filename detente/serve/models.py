"""Request and response shapes; they make the OpenAPI description that the fuzz test runs against."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from detente.ingest.dates import date_text

# A publication date by the readers' one rule: YYYY-MM-DD or YYYY-MM, 1800-2199; numbers refused.
PublicationDate = Annotated[
    str | None,
    BeforeValidator(date_text),
    Field(default=None, description="Publication date YYYY-MM-DD or YYYY-MM (month precision)."),
]


class ErrorInfo(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. not_found, validation_error.")
    message: str
    detail: Any = None


class ErrorBody(BaseModel):
    error: ErrorInfo


class Report(BaseModel):
    report_id: str
    cluster_id: str | None
    doc_hash: str
    doc_id: str
    title: str | None
    url: str | None
    doc_source: str | None
    date: str | None
    cameo: str
    confidence: float | None
    status: str | None
    trigger: str | None
    evidence_text: str | None
    evidence_start: int | None
    evidence_end: int | None


class Event(BaseModel):
    cluster_id: str
    date: str | None
    date_precision: str | None
    source_key: str | None
    source_code: str | None
    source_country: str | None
    source_org: str | None
    target_key: str | None
    target_code: str | None
    target_country: str | None
    target_org: str | None
    reciprocal: bool | None
    cameo: str | None
    root: str | None
    plover: str | None
    quad_class: int | None
    goldstein: float | None
    contexts: list[str]
    location: Any = None
    mention_count: int | None
    article_count: int | None
    sources: list[str]
    urls: list[str]
    first_seen: str | None
    evidence: Report | None = None


class EventDetail(Event):
    reports: list[Report]


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[Event]


class Series(BaseModel):
    a: str
    b: str
    by: str
    directions: list[str]
    columns: list[str]
    contexts: list[str]
    rows: list[dict[str, Any]] = Field(description="One row per (period, direction); see docs/store.md, Series.")
    filters: dict[str, Any] | None = Field(default=None, description="The filters the rows count with.")


class DyadRank(BaseModel):
    pair: str
    a: str
    b: str
    events: int
    reports: int | None
    goldstein_mean: float | None
    earlier: int
    later: int
    change: int


class TopDyads(BaseModel):
    start: str | None
    middle: str | None
    end: str | None
    activity: list[DyadRank]
    change: list[DyadRank]


class Span(BaseModel):
    start: int
    end: int


class DocEvent(BaseModel):
    report_id: str
    cluster_id: str | None
    date: str | None
    source_key: str | None
    target_key: str | None
    cameo: str
    plover: str | None
    quad_class: int | None
    goldstein: float | None
    contexts: list[str]
    status: str | None
    trigger: str | None
    confidence: float | None
    evidence_text: str | None
    evidence_start: int | None
    evidence_end: int | None
    span: Span | None


class Segment(BaseModel):
    start: int
    end: int
    text: str
    reports: list[str] = Field(description="Reports whose evidence covers this piece (empty: plain text).")


class DocumentOut(BaseModel):
    doc_hash: str
    doc_id: str
    date: str | None
    title: str | None
    url: str | None
    source: str | None
    origin: str | None
    text: str
    events: list[DocEvent]
    segments: list[Segment]


class Country(BaseModel):
    code: str
    name: str
    kind: str
    events: int


class ActorRecord(BaseModel):
    name: str
    code: str
    description: str
    term: str | None
    in_office: bool
    row: str


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The text to code (at most the server's max_code_chars).")
    date: PublicationDate = None
    doc_id: str = Field(default="posted", max_length=200)


class CodeResponse(BaseModel):
    doc_id: str
    events: list[dict[str, Any]]


class PostedDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=500)
    text: str = Field(min_length=1)
    date: PublicationDate = None
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=500)


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[PostedDocument] = Field(min_length=1)


class IngestResult(BaseModel):
    documents_read: int
    documents_added: int
    documents_skipped: int
    reports_added: int
    events_added: int
    errors: list[str]
    duplicates: list[str] = Field(
        default_factory=list, description="Documents whose text is already stored under another id (stored once)."
    )


class Health(BaseModel):
    status: str
    db: str
    writable: bool
    documents: int
    reports: int
    events: int
