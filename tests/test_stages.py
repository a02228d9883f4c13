"""Each stage called directly, on the output of the stages before it: it fills what its contract
says it assigns, changes nothing else, and does its own job on a real sentence."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from detente import Document, Pipeline
from detente.dedupe import merge_document_events
from detente.model import Actor, Event, Evidence
from detente.pipeline import DEFAULT_STAGES

TEXT = "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Friday. " \
       "They signed a gas deal. Top Stories: Iran condemns Israel"  # fmt: skip
DATE = dt.date(2015, 5, 8)
FIELDS = {"tokens", "mentions", "segments", "triggers", "events"}
# "parse" writes the tags, heads and labels of tokens and "sentence_ends" their breaks: both may touch tokens.
TOUCHES = {"parse": {"tokens"}, "sentence_ends": {"tokens"}}


def _before(pipeline: Pipeline, name: str) -> Document:
    doc = Document("s", TEXT, DATE)
    for s in pipeline.stages:
        if s.name == name:
            return doc
        doc = s.run(doc, pipeline.resources)
    raise AssertionError(name)


@pytest.mark.parametrize("stage", DEFAULT_STAGES, ids=lambda s: s.name)
def test_stage_keeps_to_its_contract(stage, pipeline: Pipeline) -> None:  # noqa: ANN001
    doc = _before(pipeline, stage.name)
    before = {f: copy.deepcopy(getattr(doc, f)) for f in FIELDS}
    after = stage.run(doc, pipeline.resources)
    allowed = (stage.assigns | TOUCHES.get(stage.name, set())) & FIELDS
    changed = {f for f in FIELDS if getattr(after, f) != before[f]}
    assert changed <= allowed, f"{stage.name} changed {changed - allowed}"
    assert all(getattr(after, f) for f in allowed), f"{stage.name} left {allowed} empty"


def test_normalise_lowercases_and_keeps_offsets(pipeline: Pipeline) -> None:
    doc = DEFAULT_STAGES[0].run(Document("n", "U.S. troops left."), pipeline.resources)
    assert [t.text for t in doc.tokens] == ["u", "s", "troops", "left"]
    assert doc.text[doc.tokens[2].start : doc.tokens[2].end] == "troops" and doc.tokens[3].text == "left"


def test_actors_resolve_people_at_the_date(pipeline: Pipeline) -> None:
    doc = _before(pipeline, "segment")
    codes = [(m.actor.text, m.actor.code) for m in doc.mentions]
    assert ("Russian President Vladimir Putin", "RUSGOV") in codes and ("Moscow", "RUSGOV") in codes


def test_segmenter_marks_the_sidebar_as_chrome(pipeline: Pipeline) -> None:
    doc = _before(pipeline, "find_triggers")
    chrome = [doc.span_text(s.start, s.end) for s in doc.segments if s.chrome]
    assert any("Iran condemns Israel" in text for text in chrome)


def test_triggers_skip_chrome(pipeline: Pipeline) -> None:
    doc = _before(pipeline, "parse")
    assert [doc.span_text(t.start, t.end) for t in doc.triggers] == ["met", "signed a gas deal"]


def test_parse_labels_the_trigger_clauses(pipeline: Pipeline) -> None:
    doc = _before(pipeline, "resolve_events")
    met = doc.words.index("met")
    assert doc.tokens[met].tag.startswith("VB") and doc.tokens[met].dep


def test_resolve_binds_roles_and_pronouns(pipeline: Pipeline) -> None:
    doc = _before(pipeline, "merge")
    pairs = [(e.source.country, e.cameo[:2], e.target.country if e.target else None) for e in doc.events]
    assert ("RUS", "04", "CHN") in pairs and ("RUS", "05", "CHN") in pairs


def _event(start: int, contexts: list[str]) -> Event:
    span = Evidence("x", start, start + 1)
    return Event("d", f"e{start}", "2015-05-08", "day", Actor("Russia", "RUS", "RUS"), Actor("China", "CHN", "CHN"),
                 "040", "CONSULT", 1, 1.0, contexts, None, "reported", span, 0.5 + start / 100, [span])  # fmt: skip


def test_merge_joins_repeated_mentions_of_one_event() -> None:
    doc = Document("d", "x" * 300)
    doc.events = [_event(0, ["diplomatic"]), _event(100, ["energy"])]
    merged = merge_document_events(doc).events
    assert len(merged) == 1
    assert [m.start for m in merged[0].mentions] == [0, 100] and merged[0].contexts == ["diplomatic", "energy"]
    assert merged[0].confidence == pytest.approx(1.5)
