"""The browser tests' store: the server tests' documents, coded by the keyword coder with what a
dashboard shows beyond them (places, sectors, confidences), plus two years of Japan-US reports
that turn from conflict to cooperation, so the relationship summary has a trend to find."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from detente.model import Document
from detente.store import Store
from tests.serve.serve_helpers import DOCUMENTS, KeywordCoder

# a place named after "in"/"at" in a sentence puts the event in that country (as the coder does)
PLACES = {"ufa": "RUS", "tokyo": "JPN", "washington": "USA", "osaka": "JPN"}
_PLACE = re.compile(r"\b(?:in|at) (" + "|".join(PLACES) + r")\b", re.I)
LOW_CONFIDENCE_TRIGGER = "accused"  # coded at 0.55: a 0.6 threshold drops accusations
MILITARY_TRIGGER = "shelled"  # the source is its military (sector MIL), not its government


def trend_documents() -> list[dict[str, str]]:
    """24 months of Japan-US reports: accusations give way to agreements (a warming relation)."""
    docs = []
    for month in range(24):
        day = dt.date(2016 + month // 12, month % 12 + 1, 10)
        cooperative = month >= 12 or month % 4 == 3
        text = (
            f"Japan signed trade pact number {month} with the United States in Tokyo."
            if cooperative
            else f"Japan accused the United States of dumping steel, round {month}, in Washington."
        )
        docs.append(
            {
                "id": f"jpn-usa-{month}",
                "date": day.isoformat(),
                "title": f"Japan and the US, {day:%B %Y}",
                "source": "Wire D",
                "text": text,
            }
        )
        if month >= 12:  # the later year also has talks, a second kind of cooperation
            docs.append(
                {
                    "id": f"jpn-usa-talks-{month}",
                    "date": (day + dt.timedelta(days=5)).isoformat(),
                    "title": f"Talks, {day:%B %Y}",
                    "source": "Wire E",
                    "text": f"Japan met the United States at Osaka for talks, session {month}.",
                }
            )
    return docs


class LocatingCoder(KeywordCoder):
    """The keyword coder, plus a location from the sentence, a military source for shelling and a
    lower confidence for accusations."""

    def run(self, doc: Document) -> Document:
        doc = super().run(doc)
        events = []
        for event in doc.events:
            place = _PLACE.search(event.evidence.text)
            changes: dict[str, object] = {}
            if place:
                changes["location"] = {"name": place.group(1).title(), "country": PLACES[place.group(1).lower()]}
            if event.trigger == LOW_CONFIDENCE_TRIGGER:
                changes["confidence"] = 0.55
            if event.trigger == MILITARY_TRIGGER:
                changes["source"] = dataclasses.replace(event.source, code=f"{event.source.country}MIL")
            events.append(dataclasses.replace(event, **changes))
        doc.events = events
        return doc


def build_dashboard_store(path: Path) -> Path:
    src = path.parent / f"{path.stem}.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in [*DOCUMENTS, *trend_documents()]), encoding="utf-8")
    with Store(path, coder=LocatingCoder()) as store:
        store.ingest([src])
    return path


@contextmanager
def serving(app: Any, timeout: float = 20.0) -> Iterator[str]:
    """Run an ASGI app under uvicorn on a free loopback port, in a thread; yield its base URL."""
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
