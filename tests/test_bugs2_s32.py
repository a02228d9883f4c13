"""Wrong readings fixed in session 32 (bugs32b): whose nationality a trigger's adjective names, and
whom a violent verb's object is."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _key(actor) -> str:  # noqa: ANN001 - Actor | None
    return (actor.country or actor.org or "") if actor else ""


def _dyads(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    doc = pipeline.run(Document(doc_id="t", text=text, date=parse_date("2024-05-01")))
    return {(_key(e.source), e.cameo[:2], _key(e.target)) for e in doc.events}


def test_bare_subject_in_an_article_about_one_country_is_its_people(pipeline: Pipeline) -> None:
    text = (
        "Pakistan's prime minister met Pakistan's army chief in Islamabad on Monday. Pakistan's government "
        "faced unrest in Lahore. Students boycotted French products."
    )
    dyads = _dyads(pipeline, text)
    assert ("PAK", "16", "FRA") in dyads
    assert ("FRA", "16", "FRA") not in dyads


def test_adjective_still_names_the_doer_with_no_subject_noun(pipeline: Pipeline) -> None:
    assert ("RUS", "06", "EU") in _dyads(pipeline, "A deal to sell Russian gas to Europe collapsed.")


def test_victim_of_an_active_violent_verb_is_not_its_doer(pipeline: Pipeline) -> None:
    dyads = _dyads(pipeline, "Troops killed five rebels, and Chad regretted the deaths.")
    assert not any(source == "TCD" and root == "19" for source, root, _ in dyads)
