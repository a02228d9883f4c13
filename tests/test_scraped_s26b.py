"""The coder's own sentence starts, as scripts/evaluate_parser.py measures them against true ends."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from evaluate_parser import _word_at_offset, pipeline_starts  # noqa: E402


def test_word_numbers_by_offset() -> None:
    assert _word_at_offset(["tehran", "said", "no"]) == {0: 0, 7: 1, 12: 2}


FIRST = "the finance ministers of the two countries met for three hours in the old port city on friday"
SECOND = "kenyan president william ruto thanked the visiting delegation for its patience"


def test_pipeline_starts_counts_each_true_start_once() -> None:
    scores = pipeline_starts([[FIRST.split(), SECOND.split()]])
    assert scores["boundaries"] == 1
    assert 0.0 <= scores["precision"] <= 1.0 and 0.0 <= scores["recall"] <= 1.0
