"""Lead sentences of session 33: an act noun that is its clause's subject takes its doer after "by"."""

from __future__ import annotations

import pytest

from detente import Pipeline
from tests.conftest import coded


@pytest.mark.parametrize("lower", [False, True])
def test_subject_act_noun_takes_its_doer_after_by(pipeline: Pipeline, lower: bool) -> None:
    # "saturday's attack by X ... killed 15": X did it; the place is where it befell, not the doer
    text = "Saturday's attack by Islamic State militants in Mosul killed 15 people, officials said."
    codes = coded(pipeline, text.lower() if lower else text)
    violent = [c for c in codes if c[1] in ("18", "19")]
    assert violent, codes
    assert all(c[0] == "IS" and c[2] == "IRQ" for c in violent), codes


def test_passive_around_the_act_noun_keeps_its_target(pipeline: Pipeline) -> None:
    # "were killed in an attack by X": the passive's subject is whom it befell (guard, as before)
    codes = coded(pipeline, "Seven policemen were killed in an attack by Islamic State militants in Mosul.")
    assert any(c[0] == "IS" and c[1] in ("18", "19") and c[2] == "IRQ" for c in codes), codes
