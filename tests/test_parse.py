"""The parse stage and the role corrections read off it, on sentences written for the project."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline
from detente.resolve.syntax import SyntaxView


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _parsed(pipeline: Pipeline, text: str) -> Document:
    return pipeline.run_until(Document(doc_id="t", text=text), "parse")


def _index(doc: Document, word: str) -> int:
    return doc.words.index(word)


def test_parse_fills_tags_heads_and_labels_on_clauses_with_triggers(pipeline: Pipeline) -> None:
    doc = _parsed(pipeline, "The Kenyan army shelled rebel positions near the border on Monday.")
    shelled = _index(doc, "shelled")
    assert doc.tokens[shelled].tag.startswith("VB")
    assert doc.tokens[_index(doc, "army")].head == shelled
    assert doc.tokens[_index(doc, "army")].dep.startswith("nsubj")
    assert doc.tokens[_index(doc, "positions")].dep == "obj"


def test_one_parser_token_spread_over_two_detente_tokens_stays_one_word(pipeline: Pipeline) -> None:
    doc = _parsed(pipeline, "The U.S. Navy seized an Iranian boat.")
    u, s = _index(doc, "u"), _index(doc, "s")
    assert doc.tokens[s].head == u and doc.tokens[s].dep == "goeswith"


def test_text_without_triggers_is_not_parsed(pipeline: Pipeline) -> None:
    doc = _parsed(pipeline, "The weather was sunny in Paris on Sunday.")
    assert not doc.triggers and all(t.dep == "" for t in doc.tokens)


def test_scraped_text_is_parsed_too(pipeline: Pipeline) -> None:
    doc = _parsed(pipeline, "two indian soldiers were killed by pakistani troops in kashmir")
    killed = _index(doc, "killed")
    assert any(doc.tokens[k].dep in ("obl", "obl:agent") for k in range(len(doc.tokens))
               if doc.tokens[k].head == killed and doc.words[k] == "troops")


def _view(pipeline: Pipeline, text: str) -> tuple[Document, SyntaxView]:
    doc = _parsed(pipeline, text)
    return doc, SyntaxView(doc, pipeline.resources)


@pytest.mark.parametrize("text", ["Iran-backed militias attacked a US base.", "iran backed militias attacked a base"])
def test_a_qualifying_participle_after_an_actor_is_a_modifier(pipeline: Pipeline, text: str) -> None:
    doc, view = _view(pipeline, text)
    assert view.is_modifier(_index(doc, "backed"))
    assert not view.is_modifier(_index(doc, "attacked"))
    iran = next(m for m in doc.mentions if m.actor.country == "IRN" and m.kind != "agent")
    assert view.in_modifier(iran)


def test_a_verb_after_an_actor_and_before_a_name_is_no_modifier(pipeline: Pipeline) -> None:
    doc, view = _view(pipeline, "Beijing backed Moscow's demand for security guarantees.")
    assert not view.is_modifier(_index(doc, "backed"))


def test_a_place_where_a_meeting_happened_is_locative(pipeline: Pipeline) -> None:
    doc, view = _view(pipeline, "The Turkish foreign minister met his Greek counterpart in Madrid.")
    madrid = next(m for m in doc.mentions if m.actor.country == "ESP")
    trig = doc.triggers[0]
    assert view.is_locative(madrid, trig)
    greek = next(m for m in doc.mentions if m.actor.country == "GRC")
    assert not view.is_locative(greek, trig)


def test_passive_agent_and_subject(pipeline: Pipeline) -> None:
    doc, view = _view(pipeline, "Two Indian soldiers were killed by Pakistani troops in Kashmir.")
    killed = _index(doc, "killed")
    assert view.is_passive(killed)
    assert [m.actor.country for m in view.agents(killed)] == ["PAK"]
    assert [m.actor.country for m in view.subjects(killed)] == ["IND"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two Indian soldiers were killed by Pakistani troops in Kashmir.", ("PAK", "IND")),
        ("France and Germany condemned the coup in Niger.", ("FRA", "NER")),
        ("The foreign ministers of Russia and Turkey met in Madrid on Monday.", None),
    ],
)
def test_events_take_roles_from_the_parse(pipeline: Pipeline, text: str, expected: tuple | None) -> None:
    events = pipeline.run(Document(doc_id="t", text=text)).events
    pairs = {(e.source.country, e.target.country if e.target else None) for e in events}
    if expected is None:
        assert events and all(t != "ESP" for _, t in pairs)
    else:
        assert expected in pairs
