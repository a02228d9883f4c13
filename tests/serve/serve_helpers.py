"""A keyword coder and a handful of short documents: the server tests need a store whose contents
they know, independent of the lexicons' current state."""

from __future__ import annotations

import hashlib
import re

from detente.model import Actor, Document, Event, Evidence

TOKEN = "s3cret-token"
NAMES = {"china": "CHN", "russia": "RUS", "iran": "IRN", "united states": "USA", "japan": "JPN"}
# keyword -> (cameo, plover, quad_class, goldstein, contexts)
ACTIONS = {
    "signed": ("057", "AGREE", 1, 8.0, ["economic", "energy"]),
    "met": ("040", "CONSULT", 1, 1.0, ["diplomatic"]),
    "accused": ("112", "ACCUSE", 3, -2.0, []),
    "sanctioned": ("163", "SANCTION", 4, -8.0, ["economic"]),
    "shelled": ("195", "ASSAULT", 4, -10.0, ["military"]),
}
_SENTENCE = re.compile(r"[^.]+\.")
_NAME = re.compile(r"\b(" + "|".join(NAMES) + r")\b", re.I)

DOCUMENTS = [
    {
        "id": "gas-deal",
        "date": "2014-05-21",
        "title": "Gas deal signed",
        "source": "Wire A",
        "text": "Leaders gathered in Shanghai. Russia signed a gas deal with China on Wednesday. Markets rose.",
    },
    {
        "id": "gas-deal-2",
        "date": "2014-05-22",
        "title": "A 30-year gas deal",
        "source": "Wire B",
        "text": "Russia signed a thirty year supply contract with China. Details were not given.",
    },
    {
        "id": "summit",
        "date": "2014-07-09",
        "title": "Summit in Ufa",
        "source": "Wire A",
        "text": "China met Russia at a summit in Ufa. Iran accused the United States of bad faith.",
    },
    {
        "id": "sanctions",
        "date": "2014-09-12",
        "title": "New sanctions",
        "source": "Wire C",
        "text": "The United States sanctioned Russia over Crimea. Russia accused the United States of hypocrisy.",
    },
    {
        "id": "border",
        "date": "2015-02-03",
        "title": "Border clash",
        "source": "Wire B",
        "text": "Russia shelled positions inside China, officials said. China accused Russia of 100% aggression.",
    },
    {
        "id": "history",
        "date": "2014-10-01",
        "title": "A look back",
        "source": "Wire A",
        "text": "Back in 1999 China met Russia to settle the border.",
    },
    {
        "id": "talks",
        "date": "2015-03-15",
        "title": "Japan talks",
        "source": "Wire C",
        "text": "Japan met China in Tokyo for talks on trade.",
    },
]


class KeywordCoder:
    """Per sentence: the first two distinct countries named and the first action word make an event."""

    def run(self, doc: Document) -> Document:
        doc.events = []
        for match in _SENTENCE.finditer(doc.text):
            sentence = match.group(0)
            codes = list(dict.fromkeys(NAMES[m.group(1).lower()] for m in _NAME.finditer(sentence)))
            action = next((a for a in ACTIONS if a in sentence), None)
            if len(codes) < 2 or action is None:
                continue
            cameo, plover, quad, gold, contexts = ACTIONS[action]
            start = match.start() + (len(sentence) - len(sentence.lstrip()))
            doc.events.append(
                Event(
                    doc_id=doc.doc_id,
                    event_id=hashlib.sha1(f"{doc.doc_id}:{start}".encode()).hexdigest()[:16],
                    date=doc.date.isoformat() if doc.date else None,
                    date_precision="day" if doc.date else "none",
                    source=Actor(text=codes[0], code=f"{codes[0]}GOV", country=codes[0]),
                    target=Actor(text=codes[1], code=f"{codes[1]}GOV", country=codes[1]),
                    cameo=cameo,
                    plover=plover,
                    quad_class=quad,
                    goldstein=gold,
                    contexts=list(contexts),
                    location=None,
                    status="historical" if "1999" in sentence else "reported",
                    evidence=Evidence(doc.text[start : match.end()], start, match.end()),
                    confidence=0.8,
                    trigger=action,
                )
            )
        return doc


def assert_error(response, status: int, code: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    """The one error shape: {"error": {"code": str, "message": str, "detail": any}} and nothing else."""
    assert response.status_code == status, response.text
    content_type = response.headers["content-type"]
    if isinstance(content_type, list):  # schemathesis' responses keep every header value
        content_type = content_type[0]
    assert content_type.startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "detail"}
    assert isinstance(body["error"]["code"], str) and body["error"]["code"]
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    if code is not None:
        assert body["error"]["code"] == code
    return body["error"]
