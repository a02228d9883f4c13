"""Stage contracts: the chain is checked when a pipeline is built; stages can be replaced; errors
from partial runs are wrapped like those of full runs."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import Document, Pipeline
from detente.errors import CodingError, UsageError
from detente.model import Segment
from detente.pipeline import DEFAULT_STAGES, Stage, check_chain, stage

TEXT = "Russia and China signed a gas deal on Wednesday."


def test_default_chain_is_complete() -> None:
    check_chain(DEFAULT_STAGES)
    assert [s.name for s in DEFAULT_STAGES][0] == "normalise"


def test_a_stage_without_its_input_is_named() -> None:
    without_actors = [s for s in DEFAULT_STAGES if s.name != "recognise_actors"]
    with pytest.raises(UsageError, match="'segment' requires mentions"):
        check_chain(without_actors)


def test_reordered_stages_are_refused() -> None:
    triggers = next(s for s in DEFAULT_STAGES if s.name == "find_triggers")
    swapped = [DEFAULT_STAGES[0], triggers, *(s for s in DEFAULT_STAGES[1:] if s is not triggers)]
    with pytest.raises(UsageError, match="find_triggers"):
        check_chain(swapped)


def test_duplicate_stage_names_are_refused() -> None:
    with pytest.raises(UsageError, match="unique"):
        check_chain([*DEFAULT_STAGES, DEFAULT_STAGES[-1]])


def test_a_replaced_segmenter_is_used(pipeline: Pipeline) -> None:
    def all_chrome(doc: Document, res: object) -> Document:
        doc.segments = [Segment(0, len(doc.tokens), chrome=True)]
        return doc

    assert pipeline.run(Document("d", TEXT, dt.date(2014, 5, 21))).events
    chrome_only = pipeline.replace("segment", stage("segment", all_chrome, ["tokens"], ["segments"]))
    assert chrome_only.resources is pipeline.resources
    assert chrome_only.run(Document("d", TEXT, dt.date(2014, 5, 21))).events == []


def test_replacing_an_unknown_stage_is_refused(pipeline: Pipeline) -> None:
    with pytest.raises(UsageError, match="no stage named 'tagger'"):
        pipeline.replace("tagger", DEFAULT_STAGES[0])


def test_errors_in_partial_runs_are_wrapped(pipeline: Pipeline) -> None:
    def broken(doc: Document, res: object) -> Document:
        raise ValueError("boom")

    broken_stage = Stage("find_triggers", broken, frozenset(["tokens"]), frozenset(["triggers"]))
    bad = pipeline.replace("find_triggers", broken_stage)
    for run in (lambda d: bad.run(d), lambda d: bad.run_until(d, "parse")):
        with pytest.raises(CodingError, match="find_triggers"):
            run(Document("d", TEXT))


def test_run_until_stops_at_the_stage(pipeline: Pipeline) -> None:
    doc = pipeline.run_until(Document("d", TEXT), "find_triggers")
    assert doc.triggers and not doc.events
    with pytest.raises(UsageError, match="no stage named"):
        pipeline.run_until(Document("d", TEXT), "tag")
