"""Session 28 (patterns28b): ``not_within``, words that veto a pattern hit from inside its gaps."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from detente.lexicon.matcher import TokenText
from detente.lexicon.patterns import PatternMatcher
from detente.lexicon.schemas import PatternRecord


def _hits(record: PatternRecord, sentence: str) -> int:
    words = sentence.split()
    return len(PatternMatcher([record]).find(TokenText(words), words, [len(words)] * len(words)))


def test_a_word_in_a_gap_vetoes_the_hit() -> None:
    rec = PatternRecord(code="0841", pattern="hand+ over *4 to", not_within=["warship+|tank+"])
    assert _hits(rec, "egypt handed over the detained fishermen to libya") == 1
    assert _hits(rec, "france handed over its first mistral warship to egypt") == 0
    assert _hits(rec, "russia handed over ten tanks to syria") == 0


def test_not_within_words_are_checked_on_load() -> None:
    with pytest.raises(ValidationError):
        PatternRecord(code="0841", pattern="hand+ over *4 to", not_within=["War Ship"])
