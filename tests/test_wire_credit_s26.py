"""A news agency credited in a dateline is no party to the story it carries (stop 26)."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date
from detente.bench.render import scrape


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def _dyads(pipe: Pipeline, text: str, scraped: bool) -> set[tuple[str | None, str, str | None]]:
    doc = Document(doc_id="t", text=scrape(text) if scraped else text, date=parse_date("2024-05-06"))
    return {(e.source.country, e.cameo[:2], e.target.country if e.target else None) for e in pipe.run(doc).events}


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("OSLO (Reuters) - Norway expelled 15 Russian diplomats on Monday.", ("NOR", "16", "RUS")),
        (
            "MANILA, Philippines (AP) — Chinese coast guard ships fired water cannon at a Philippine boat.",
            ("CHN", "17", "PHL"),
        ),
    ],
)
def test_the_credited_agency_is_no_actor(pipe: Pipeline, text: str, dyad: tuple, scraped: bool) -> None:
    dyads = _dyads(pipe, text, scraped)
    assert dyad in dyads
    assert all("GBR" not in d and "USA" not in d for d in dyads)


def test_an_agency_that_reports_in_the_story_is_still_named(pipe: Pipeline) -> None:
    text = "Iran summoned the Reuters bureau chief in Tehran on Sunday."
    doc = Document(doc_id="t", text=text, date=parse_date("2024-05-06"))
    pipe.run(doc)
    assert any(m.actor.sector == "MED" for m in doc.mentions)
