"""Each event pattern that gives ``examples`` fires on them (as written and scraped), and never on
its ``not`` sentences. The ids that ``detente explain`` shows are unique."""

from __future__ import annotations

from collections import Counter

import pytest

from detente import Document, Pipeline
from detente.resources import load_resources
from tests.conftest import scrape

RECORDS = load_resources(()).pattern_records
WITH_EXAMPLES = [r for r in RECORDS if r.examples or r.not_]


def _fired(pipeline: Pipeline, text: str) -> set[str]:
    doc = pipeline.run_until(Document(doc_id="p", text=text), "find_triggers")
    return {t.pattern for t in doc.triggers}


def test_pattern_ids_are_unique() -> None:
    repeated = [pid for pid, n in Counter(r.pattern_id for r in RECORDS).items() if n > 1]
    assert repeated == []


def test_some_patterns_carry_examples() -> None:
    assert len([r for r in RECORDS if r.examples]) >= 50


@pytest.mark.parametrize("record", WITH_EXAMPLES, ids=lambda r: r.pattern_id)
def test_pattern_fires_on_its_examples_only(record, pipeline: Pipeline) -> None:  # noqa: ANN001
    for sentence in record.examples:
        for text in (sentence, scrape(sentence)):
            assert record.pattern_id in _fired(pipeline, text), f"{record.pattern_id} did not fire on {text!r}"
    for sentence in record.not_:
        assert record.pattern_id not in _fired(pipeline, sentence), f"{record.pattern_id} fired on {sentence!r}"
