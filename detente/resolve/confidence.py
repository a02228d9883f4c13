"""How likely a coded event is right: a logistic model over how the event was read.

The features say how the coder arrived at the event, not which words it saw: the rule that bound
the source and the one that bound the target, the trigger's place in the parse, its CAMEO root,
whether an actor was inferred from outside the clause, where in the document it stands, and so on.
The weights (``detente/models/confidence/model.json``) are fitted by
``scripts/train_confidence.py`` to whether each event of the dev articles of the article benchmark
matches a hand-coded one, so a confidence of 0.3 means about three events in ten like it are right.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from detente.errors import LexiconError

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "confidence"
FEATURE_VERSION = 1  # bump when the features change: the shipped weights then no longer fit


@dataclass(frozen=True, slots=True)
class EventReading:
    """How one event was read: what the features are computed from."""

    rule: str  # the role rule that chose the source ("subject before the trigger", ...)
    target_rule: str
    dep: str  # the trigger's syntactic head: its relation, its tag, the tag of its own head
    tag: str
    head_tag: str
    root: str  # CAMEO root
    inferred: bool
    trigger_words: int
    position: float  # where the trigger starts, as a share of the document
    has_target: bool
    self_target: bool  # source and target of one country
    status: str
    source_sector: str | None


def _base(rule: str) -> str:
    """A rule's name without what it adds in brackets ("subject (parse: ...)")."""
    return rule.split(" (")[0].strip()


def features(r: EventReading) -> list[str]:
    root, rule = r.root, _base(r.rule)
    return [
        f"rule={rule}",
        f"target_rule={_base(r.target_rule)}",
        f"dep={r.dep}",
        f"tag={r.tag[:2]}",
        f"head_tag={r.head_tag[:2]}",
        f"root={root}",
        f"inferred={r.inferred}",
        f"trigger_words={min(r.trigger_words, 4)}",
        f"position={min(int(r.position * 5), 4)}",
        f"has_target={r.has_target}",
        f"self_target={r.self_target}",
        f"status={r.status}",
        f"source_sector={r.source_sector}",
        f"root_dep={root}_{r.dep}",
        f"root_rule={root}_{rule}",
    ]


@dataclass(frozen=True)
class ConfidenceModel:
    weights: dict[str, float]
    bias: float

    def confidence(self, reading: EventReading) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(reading))
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_DIR)) -> ConfidenceModel:
    model_path = Path(path, "model.json")
    try:
        data = json.loads(model_path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        bias = float(data["bias"])
        version = data["feature_version"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LexiconError(
            str(model_path), None, f"confidence model unreadable ({exc}); retrain with scripts/train_confidence.py"
        ) from exc
    if version != FEATURE_VERSION:
        raise LexiconError(
            str(model_path),
            None,
            f"made for feature version {version}, this code has {FEATURE_VERSION}; "
            "retrain with scripts/train_confidence.py",
        )
    return ConfidenceModel(weights, bias)
