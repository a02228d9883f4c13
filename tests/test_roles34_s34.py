"""Wrong roles fixed in session 34 (roles34): who did what, read off the sentence's syntax."""

from __future__ import annotations

import pytest

from detente import Pipeline
from tests.conftest import coded, scrape


@pytest.mark.parametrize("scraped", [False, True])
def test_news_outlet_reporting_an_attack_did_not_do_it(pipeline: Pipeline, scraped: bool) -> None:
    # "..., according to X media": the outlet reports the shelling; it shelled no one
    text = "Troops shelled three villages near the frontier overnight, according to Indian media reports."
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert not any(c[1] == "19" for c in codes)


def test_news_outlet_reporting_an_attack_named_after_the_verb(pipeline: Pipeline) -> None:
    codes = coded(pipeline, "Gunmen attacked a police convoy in the hills, Turkish media reported.")
    assert not any(c[0] == "TUR" and c[1] == "19" for c in codes)


def test_named_attacker_still_reported_by_an_outlet(pipeline: Pipeline) -> None:
    # the attacker named in the sentence keeps the attack; the outlet only reports it
    codes = coded(pipeline, "Pakistani troops shelled three villages, according to Indian media reports.")
    assert any(c[0] == "PAK" and c[1] == "19" for c in codes)


@pytest.mark.parametrize("scraped", [False, True])
def test_country_before_a_group_after_a_preposition_is_its_own(pipeline: Pipeline, scraped: bool) -> None:
    # "at | u s forces in iraq": American forces stationed in Iraq, not Iraq's forces
    text = "Iran fired rockets at U.S. forces in Iraq on Wednesday night."
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert ("IRN", "19", "USA") in codes
    assert not any(c[2] == "IRQ" for c in codes)


def test_country_ending_a_phrase_still_takes_no_title(pipeline: Pipeline) -> None:
    # "... a peace force in liberia | defence minister ... said": the title starts a new actor
    from detente import Document

    text = "France would send a peace force to Liberia defence minister Pierre Joxe said on Friday."
    doc = pipeline.run_until(Document(doc_id="t", text=text), "segment")
    assert any(doc.span_text(m.start, m.end) == "Liberia" and m.kind == "country" for m in doc.mentions)


def test_noun_a_participle_describes_is_no_doer(pipeline: Pipeline) -> None:
    # "one of two french teachers | arrested in 2022": the teachers were arrested; they arrested no one
    text = (
        "Tehran freed two French citizens on Friday. Anne Morel, one of two French teachers arrested in 2022, "
        "flew home to Paris."
    )
    codes = coded(pipeline, text)
    assert ("IRN", "08", "FRA") in codes
    assert not any(c[0] == "FRA" and c[1] == "17" for c in codes)


def test_qualifier_of_the_described_noun_is_no_doer(pipeline: Pipeline) -> None:
    # "a cuban-american tourist | detained in 2021": neither Cuba nor the United States detained anyone
    text = "Omar Diaz, a Cuban-American tourist detained in Caracas in 2021, flew home on Tuesday."
    codes = coded(pipeline, text)
    assert not any(c[1] == "17" and c[0] in ("CUB", "USA") for c in codes)


@pytest.mark.parametrize("scraped", [False, True])
def test_nationality_after_an_indefinite_article_is_no_place(pipeline: Pipeline, scraped: bool) -> None:
    # "the killing of a | british | aid worker": the victim's nationality, not where it happened, so
    # no stand-in for the unnamed killer
    text = "The killing of a British aid worker last month angered London."
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert not any(c[0] == "GBR" and c[1] == "18" for c in codes)


def test_nationality_of_a_settlement_still_names_the_place(pipeline: Pipeline) -> None:
    # "in the iraqi city of mosul": a place, standing in for the unnamed bombers
    codes = coded(pipeline, "A car bomb exploded in the Iraqi city of Mosul on Monday, killing nine people.")
    assert any(c[0] == "IRQ" and c[1] in ("18", "19") for c in codes)
