"""Probes of meetings, calls, signings, attacks by named groups, places, modality and site chrome."""

from __future__ import annotations

import pytest

from detente import Pipeline
from tests.probes.check import PROBES, describe, problems, run


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("rendering", ["clean", "scraped"])
@pytest.mark.parametrize("probe", PROBES, ids=[p["text"][:50] for p in PROBES])
def test_probe(probe: dict, rendering: str, pipeline: Pipeline) -> None:
    events = run(pipeline, probe, rendering)
    assert not problems(probe, events), f"{problems(probe, events)}; coded: {describe(events)}"


def test_there_are_fifty_probes_of_our_own_beside_the_issue_probes() -> None:
    assert sum(1 for p in PROBES if p["kind"] != "issue") >= 50
