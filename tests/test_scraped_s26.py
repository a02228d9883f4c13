"""Scraped text read like clean (session 26): sentence starts found from a named actor and its verb
after a finished clause (detente/segment/starts.py), where the learned model sees only words."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date
from detente.bench.render import scrape
from detente.segment.starts import find_actor_starts


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _starts(pipeline: Pipeline, text: str) -> list[str]:
    doc = pipeline.run_until(Document("s", scrape(text), parse_date("2024-05-02")), "recognise_actors")
    return [" ".join(doc.words[i : i + 2]) for i in find_actor_starts(doc, pipeline.resources)]


def _codes(pipeline: Pipeline, text: str, rendering: str) -> set[str]:
    doc = Document("s", text if rendering == "clean" else scrape(text), parse_date("2024-05-02"))
    out = set()
    for e in pipeline.run(doc).events:
        source = (e.source.country or e.source.org) if e.source else "-"
        target = (e.target.country or e.target.org) if e.target else "-"
        out.add(f"{source} {e.cameo[:2]} {target}")
    return out


LONG = (
    "WASHINGTON - The United States on Tuesday imposed sanctions on six Iranian companies it accused of "
    "supplying drones to Russia for its war in Ukraine. Treasury Secretary Janet Yellen said Iran had become "
    "a key supplier of weapons to Moscow. \"We will continue to hold accountable those who support Russia's "
    'illegal war," she said in a statement. Iran denied sending drones for use in Ukraine. Foreign Ministry '
    'spokesman Nasser Kanaani called the sanctions "baseless" and said Tehran would respond. Ukrainian '
    "President Volodymyr Zelenskiy thanked Washington for the move and called on European allies to follow."
)


def test_a_title_and_name_after_a_finished_clause_start_a_sentence(pipeline: Pipeline) -> None:
    starts = _starts(pipeline, LONG)
    assert "ukrainian president" in starts
    assert "iran denied" in starts


def test_the_start_keeps_the_thanks_out_of_the_clause_before(pipeline: Pipeline) -> None:
    # scraped, "... said tehran would respond ukrainian president ..." was one sentence, and the
    # thanks were read as governed by "called the sanctions baseless"
    for rendering in ("clean", "scraped"):
        assert {"UKR 05 USA", "UKR 02 USA"} <= _codes(pipeline, LONG, rendering), rendering


@pytest.mark.parametrize(
    "text",
    [
        # a complement clause after a speech verb
        "The cabinet met for four hours on Tuesday and the prime minister told parliament afterwards that "
        "Russia had violated the truce along the front line several times this week.",
        # a count before its noun, and a word before an office
        "Witnesses in the northern town said that about 30 Serbian gunmen attacked a police patrol, while "
        "the Taliban's acting defence minister said on Saturday that the border was calm.",
        # the object of a relative clause's verb
        "The talks in Nairobi ended without a deal on Friday, and Ethiopia, which also borders Somalia, said "
        "it would send a delegation to the next round in June.",
        # an attribution that closes its sentence
        "The soldiers have been holed up in a compound outside the capital since the fighting began "
        "three weeks ago and are running out of food, the Peruvian embassy said on Tuesday.",
    ],
)
def test_no_start_inside_a_sentence(pipeline: Pipeline, text: str) -> None:
    assert _starts(pipeline, text) == []


def test_cased_text_is_left_to_its_punctuation(pipeline: Pipeline) -> None:
    doc = pipeline.run_until(Document("s", LONG.replace(". ", " "), parse_date("2024-05-02")), "recognise_actors")
    assert find_actor_starts(doc, pipeline.resources) == []


PRONOUN = (
    "The two prime ministers met for three hours in Ankara on Thursday and agreed to double trade, which "
    "officials said should reach 20 billion dollars a year by the end of the decade. He thanked Greece for "
    "sending firefighting planes during the summer, and said the army would hunt down the smugglers wherever "
    "they are."
)


def test_a_pronoun_and_its_verb_after_a_finished_clause_start_a_sentence(pipeline: Pipeline) -> None:
    starts = _starts(pipeline, PRONOUN)
    assert "he thanked" in starts
    assert "they are" not in starts  # "wherever | they are" goes on the clause before
