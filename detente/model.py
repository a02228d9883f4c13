"""The document model that flows through the pipeline, and the events it yields.

Each stage takes a :class:`Document`, fills in the fields it owns and returns it
(see ``detente/pipeline.py`` for who writes what). Offsets are character offsets
into ``Document.text``; token indices index ``Document.tokens``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# News dates outside this range are data errors (a 0 or 0001-01-01 placeholder), not news.
EARLIEST_DATE, LATEST_DATE = dt.date(1800, 1, 1), dt.date(2199, 12, 31)


@dataclass(slots=True)
class Token:
    """A word of the text, lowercased, with its place in the original text."""

    text: str
    start: int
    end: int
    upper: bool = False  # written in capitals in the source ("US"), which disambiguates
    break_before: bool = False  # punctuation or a line break ends a sentence before this token
    comma_before: bool = False  # a comma, colon, dash or bracket stands before this token
    tag: str = ""  # Penn part-of-speech tag from the parse stage
    dep: str = ""  # dependency label (UD) to ``head``
    head: int = -1  # token index of the syntactic head; the token itself for a sentence root


@dataclass(slots=True)
class Segment:
    """A clause-sized stretch of tokens ``[start, end)``; chrome segments are never coded."""

    start: int
    end: int
    chrome: bool = False
    subordinate: bool = False  # opens with "after", "because", "when": background to the clause before


@dataclass(slots=True)
class Actor:
    """Who acts or is acted on. ``code`` is CAMEO-style: country + sector, or an IGO/NGO type."""

    text: str
    code: str | None = None
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    name: str | None = None
    person_id: str | None = None

    @property
    def key(self) -> str | None:
        """The country or organisation this actor counts for in dyads."""
        return self.country or self.org

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "org": self.org,
            "sector": self.sector,
            "name": self.name,
        }


@dataclass(slots=True)
class Mention:
    """An actor found in the text, spanning tokens ``[start, end)``."""

    start: int
    end: int
    actor: Actor
    kind: str  # country | capital | org | agent | person | pronoun | group
    titled: bool = False  # carries a title or sector word ("russian president")
    inferred: bool = False  # its country was taken from a neighbouring mention, not its own words


@dataclass(slots=True)
class Trigger:
    """A verb or noun pattern that signals an event, spanning tokens ``[start, end)``."""

    start: int
    end: int
    cameo: str
    roles: str  # forward | reverse | joint
    contexts: tuple[str, ...] = ()
    pattern: str = ""
    # pattern hits that lost the overlap to this one, best first ("protested the expulsion" under
    # "expulsion of its diplomats"): the resolver may read one when this trigger reports no act
    alternates: tuple[Trigger, ...] = ()


@dataclass(slots=True)
class Evidence:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Event:
    """One coded event, in the output contract's shape (see README, "Output")."""

    doc_id: str
    event_id: str
    date: str | None
    date_precision: str  # day | month | year | none
    source: Actor
    target: Actor | None
    cameo: str
    plover: str | None
    quad_class: int
    goldstein: float
    contexts: list[str]
    location: dict[str, Any] | None
    status: str  # reported | planned | historical | negated-to-reject ...
    evidence: Evidence
    confidence: float
    mentions: list[Evidence] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    trigger: str = ""
    reciprocal: bool = False  # both actors act on each other (joint exercises, talks between)
    base_code: str = ""  # the trigger's code before modality re-coded it (internal, not written)
    # a state's act on its own country as two of its parties, shown once merging is done (the
    # merge goes by the actors as read: detente/resolve/sectors.py; internal, not written)
    parties: tuple[Actor, Actor | None] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "event_id": self.event_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "plover": self.plover,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "contexts": list(self.contexts),
            "location": self.location,
            "status": self.status,
            "evidence": self.evidence.to_dict(),
            "mentions": [m.to_dict() for m in self.mentions],
            "quantities": [dict(q) for q in self.quantities],
            "trigger": self.trigger,
            "reciprocal": self.reciprocal,
            "confidence": round(self.confidence, 3),
        }


@dataclass(slots=True)
class Document:
    """An article and everything the stages learn about it."""

    doc_id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    date_precision: str = "day"  # of ``date``: day, or month when only "2015-05" was given
    tokens: list[Token] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    _words: list[str] | None = field(default=None, repr=False)
    _joined: object = field(default=None, repr=False)

    @property
    def words(self) -> list[str]:
        """Token texts, computed once (stages share them)."""
        if self._words is None or len(self._words) != len(self.tokens):
            self._words = [t.text for t in self.tokens]
            self._joined = None
        return self._words

    def joined(self):  # noqa: ANN201 - returns detente.lexicon.matcher.TokenText (import cycle)
        """The words joined for phrase matching, built once per document."""
        words = self.words
        if self._joined is None:
            from detente.lexicon.matcher import TokenText

            self._joined = TokenText(words)
        return self._joined

    def span_text(self, start_token: int, end_token: int) -> str:
        """Original text from token ``start_token`` up to token ``end_token`` (exclusive)."""
        if start_token >= end_token:
            return ""
        return self.text[self.tokens[start_token].start : self.tokens[end_token - 1].end]


__all__ = ["Actor", "Document", "Event", "Evidence", "Mention", "Segment", "Token", "Trigger"]
