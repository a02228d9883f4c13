"""Event confidence: a model of how likely an event is right, from how it was read."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from detente import Document, Pipeline
from detente.bench.articles import code_articles, corpus_available, load_articles, load_gold
from detente.bench.score import match
from detente.errors import LexiconError
from detente.resolve.confidence import FEATURE_VERSION, load_model


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _auc(scores: list[float], labels: list[int]) -> float:
    right = [s for s, y in zip(scores, labels, strict=True) if y]
    wrong = [s for s, y in zip(scores, labels, strict=True) if not y]
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def test_the_shipped_model_loads_and_fits_this_code() -> None:
    model = load_model()
    assert len(model.weights) > 50
    body = json.loads((Path(__file__).parents[1] / "detente/models/confidence/model.json").read_text())
    assert body["feature_version"] == FEATURE_VERSION
    assert body["held_apart"]["auc"] > body["held_apart"]["auc_of_the_fixed_formula_before"]


def test_an_act_stated_outright_is_surer_than_one_pieced_together(pipeline: Pipeline) -> None:
    """A subject naming the actor beats a pronoun from the sentence before and a mere plan."""
    text = "Russian troops attacked Ukrainian positions near Kharkiv on Monday. He said they would meet soon."
    events = pipeline.run(Document("c", text, dt.date(2022, 5, 3))).events
    attack = next(e for e in events if e.trigger.startswith("attacked"))
    plan = next(e for e in events if e.status == "planned")
    assert 0.0 < plan.confidence < attack.confidence < 1.0


def test_a_broken_model_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "model.json").write_text('{"weights": [1, 2]}', encoding="utf-8")
    with pytest.raises(LexiconError, match="model.json"):
        load_model.__wrapped__(str(tmp_path))


@pytest.mark.skipif(not corpus_available(), reason="needs ../shared/corpora (the article benchmark's texts)")
def test_confidence_ranks_right_events_first_on_held_apart_articles(pipeline: Pipeline) -> None:
    """On articles never used to fit it, a right event mostly scores above a wrong one."""
    articles = [a for a in load_articles() if a.split == "heldout"]
    ids = {a.id for a in articles}
    gold = [g for g in load_gold() if g["doc"] in ids]
    preds = code_articles(articles, "clean", pipeline)
    right = {id(p) for _, p in match(gold, preds)}
    # measured 0.646 clean at stop 25 (0.66 to 0.70 before: the coder now drops many of the wrong
    # readings the model used to rank lowest, so less is left to rank); chance is 0.5
    assert _auc([p["confidence"] for p in preds], [int(id(p) in right) for p in preds]) >= 0.63


def test_every_rule_the_weights_name_still_exists() -> None:
    """The weights name role rules by their text: renaming a rule without retraining would silently
    drop its weight (retrain with scripts/train_confidence.py)."""
    source = "\n".join(p.read_text() for p in (Path(__file__).parents[1] / "detente" / "resolve").glob("*.py"))
    body = json.loads((Path(__file__).parents[1] / "detente/models/confidence/model.json").read_text())
    named = {f.split("=", 1)[1] for f in body["weights"] if f.startswith(("rule=", "target_rule="))}
    missing = sorted(n for n in named if n and f'"{n}' not in source)
    assert not missing
