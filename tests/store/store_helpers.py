"""Test helpers: a tiny deterministic coder, so store tests do not depend on the lexicons' state."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from detente.model import Actor, Document, Event, Evidence

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"

COUNTRIES = {
    "russia": "RUS",
    "russian": "RUS",
    "china": "CHN",
    "chinese": "CHN",
    "iran": "IRN",
    "united states": "USA",
    "washington": "USA",
    "syria": "SYR",
    "iraq": "IRQ",
}
# verb stem -> (cameo, plover, quad_class, goldstein, contexts)
VERBS = {
    "sign": ("057", "AGREE", 1, 8.0, ("economic", "energy")),
    "deal": ("057", "AGREE", 1, 8.0, ("economic", "energy")),
    "met": ("040", "CONSULT", 1, 1.0, ("diplomatic",)),
    "talks": ("040", "CONSULT", 1, 1.0, ("diplomatic",)),
    "accus": ("112", "ACCUSE", 3, -2.0, ()),
    "attack": ("190", "ASSAULT", 4, -10.0, ("military",)),
}
_SENTENCE = re.compile(r"[^.!?\n]+")
_NAMES = re.compile(r"\b(" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + r")\b", re.I)


class StubCoder:
    """Per sentence: the first two countries named and the first verb stem found make an event."""

    def run(self, doc: Document) -> Document:
        doc.events = []
        for match in _SENTENCE.finditer(doc.text):
            sentence = match.group(0)
            names = [(m.group(1).lower(), m.start()) for m in _NAMES.finditer(sentence)]
            codes = list(dict.fromkeys(COUNTRIES[n] for n, _ in names))
            verb = next((v for v in VERBS if v in sentence.lower()), None)
            if len(codes) < 2 or verb is None:
                continue
            cameo, plover, quad, gold, contexts = VERBS[verb]
            reciprocal = re.search(rf"{names[0][0]}\s+and\s+", sentence, re.I) is not None
            eid = hashlib.sha1(f"{doc.doc_id}|{match.start()}".encode()).hexdigest()[:16]
            doc.events.append(
                Event(
                    doc_id=doc.doc_id,
                    event_id=eid,
                    date=doc.date.isoformat() if doc.date else None,
                    date_precision="day" if doc.date else "none",
                    source=Actor(text=codes[0], code=codes[0], country=codes[0]),
                    target=Actor(text=codes[1], code=codes[1], country=codes[1]),
                    cameo=cameo,
                    plover=plover,
                    quad_class=quad,
                    goldstein=gold,
                    contexts=list(contexts),
                    location=None,
                    status="reported",
                    evidence=Evidence(sentence.strip(), match.start(), match.end()),
                    confidence=0.9,
                    reciprocal=reciprocal,
                )
            )
        return doc


def make_event(
    eid: str,
    source: str,
    target: str | None,
    cameo: str,
    date: str | None,
    reciprocal: bool = False,
    precision: str = "day",
) -> Event:
    return Event(
        doc_id=f"doc-{eid}",
        event_id=eid,
        date=date,
        date_precision=precision,
        source=Actor(text=source, code=source, country=source),
        target=Actor(text=target, code=target, country=target) if target else None,
        cameo=cameo,
        plover=None,
        quad_class=1,
        goldstein=1.0,
        contexts=[],
        location=None,
        status="reported",
        evidence=Evidence("", 0, 0),
        confidence=0.5,
        reciprocal=reciprocal,
    )


GAS_DEAL = [
    ("gas-1", "2014-05-21", "Reuters", "Russia and China signed a landmark gas deal on Wednesday in Shanghai."),
    (
        "gas-2",
        "2014-05-21",
        "AP",
        "After years of talks, Russia and China finally sign their $400 billion gas deal.",
    ),
    (
        "gas-3",
        "2014-05-22",
        "BBC",
        "Moscow and Beijing: Russia and China have signed a 30-year deal to supply gas.",
    ),
]
