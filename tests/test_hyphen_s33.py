"""A line opening with a hyphenated title or name the actor tables know ("UN Secretary-General ...",
"NATO Secretary-General ...") is one title, not a subheading glued to the line after it."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import Document, Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize(
    ("line", "org"),
    [
        ("UN Secretary-General Antonio Guterres urged Israel and Hamas to agree a ceasefire.", "UN"),
        ("NATO Secretary-General Jens Stoltenberg accused Russia of violating the treaty.", "NATO"),
    ],
)
def test_hyphenated_title_is_not_a_subheading(pipeline: Pipeline, line: str, org: str) -> None:
    text = f"The ceasefire held for a second day.\n{line}\n"
    coded = pipeline.run(Document(doc_id="h", text=text, date=dt.date(2024, 3, 1))).events
    events = [e for e in coded if e.source and e.source.org == org]
    assert events
    # the whole title stays in the clause: the evidence opens with the organisation, not "General"
    assert all(e.evidence.text.startswith(org) for e in events)
