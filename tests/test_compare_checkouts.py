"""scripts/compare_checkouts.py: pooled lines are F1 over the summed counts of both benchmarks."""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import REPO


def _module():
    spec = importlib.util.spec_from_file_location("compare_checkouts", REPO / "scripts" / "compare_checkouts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pooled_f1_sums_counts_not_averages() -> None:
    scores = {
        "voa/heldout/clean": {"f1": 0.5, "gold_events": 100, "pred_events": 100, "matched": 50},
        "modern/heldout/clean": {"f1": 0.1, "gold_events": 10, "pred_events": 10, "matched": 1},
    }
    _module().add_pooled(scores)
    pooled = scores["pooled/heldout/clean"]
    assert pooled["matched"] == 51 and pooled["gold_events"] == 110
    assert pooled["f1"] == pytest.approx(2 * 51 / 220)  # not the mean of 0.5 and 0.1
    assert "pooled/dev/clean" not in scores  # no line where a benchmark's part is missing
