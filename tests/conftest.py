"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the read-only ../shared folder), which is absent here")
    return path


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


def scrape(text: str) -> str:
    """The "scraped" rendering: lowercase, every character other than a-z/0-9 a space."""
    import re

    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def coded(pipeline: Pipeline, text: str, digits: int | None = 2) -> list[tuple[str, str, str]]:
    """(source, the CAMEO code's first ``digits`` digits, target) of each event coded in ``text``,
    dated 1 March 2024; an actor reads as its country, else its organisation, else ""."""
    import datetime as dt

    from detente import Document

    events = pipeline.run(Document(doc_id="t", text=text, date=dt.date(2024, 3, 1))).events
    key = lambda a: (a.country or a.org or "") if a else ""  # noqa: E731
    return [(key(e.source), e.cameo[:digits], key(e.target)) for e in events]


def chrome_and_prose(pipeline: Pipeline, text: str, date) -> tuple[str, str]:
    """The text of the segments the segmenter marks as site chrome, and of the rest (the article)."""
    from detente import Document

    doc = pipeline.run_until(Document("t", text, date), "segment")
    chrome = " ".join(doc.span_text(s.start, s.end) for s in doc.segments if s.chrome)
    prose = " ".join(doc.span_text(s.start, s.end) for s in doc.segments if not s.chrome)
    return chrome, prose
