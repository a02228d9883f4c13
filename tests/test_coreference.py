"""Pronoun antecedents in punctuated text: an "it" that opens a sentence continues the subject of
the sentence before, not whichever actor was named last."""

from __future__ import annotations

import pytest

import detente


def _dyads(text: str, date: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.country or e.source.org, e.cameo[:2], e.target.country or e.target.org if e.target else None)
        for e in detente.code(text, doc_id="t", date=date)
    }


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        (
            "China held talks with Japan on Monday. It also warned the United States over arms sales.",
            ("CHN", "11", "USA"),
            ("JPN", "11", "USA"),
        ),
        (
            "Saudi Arabia signed an arms deal with the United States on Monday. It also accused Iran of arming rebels.",
            ("SAU", "11", "IRN"),
            ("USA", "11", "IRN"),
        ),
    ],
)
def test_a_sentence_opening_it_is_the_subject_before(text: str, expected: tuple, wrong: tuple) -> None:
    dyads = _dyads(text, "2016-05-01")
    assert expected in dyads
    assert wrong not in dyads


def test_an_it_inside_its_clause_keeps_the_actor_just_named() -> None:
    # "x said it would": the speaker, who is also the last actor named
    dyads = _dyads("Russia met Iran on Monday. The European Union said it would sanction Syria.", "2016-05-01")
    assert not any(source == "RUS" and target == "SYR" for source, _, target in dyads)
