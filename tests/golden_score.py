"""Score the project's golden cases (tests/golden/cases.jsonl) in clean or scraped rendering.

An expected event is found when a predicted event of the same case has its CAMEO root and
its actors (source, and target when given; either order when reciprocal). Precision counts
predicted events outside roots 01 and 02 (plain statements and appeals are not all marked).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from detente.model import Document
from detente.pipeline import Pipeline

CASES = Path(__file__).resolve().parent / "golden" / "cases.jsonl"


def scrape(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def load_cases() -> list[dict]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(json.loads(line))
    return rows


def _keys(actor) -> set[str]:  # noqa: ANN001
    if actor is None:
        return set()
    return {k for k in (actor.country, actor.org) if k}


def _match(exp: dict, event) -> bool:  # noqa: ANN001
    if event.cameo[:2] != exp["root"]:
        return False
    src, tgt = _keys(event.source), _keys(event.target)
    want_src = {exp["source"]}
    want_tgt = {exp["target"]} if exp.get("target") else set()

    def fits(s: set[str], t: set[str]) -> bool:
        return bool(s & want_src) and (not want_tgt or bool(t & want_tgt))

    return fits(src, tgt) or (bool(exp.get("reciprocal")) and fits(tgt, src))


def score_golden(rendering: str = "clean", pipeline: Pipeline | None = None) -> dict:
    pipe = pipeline or Pipeline()
    expected = found = predicted = correct = 0
    misses: list[str] = []
    for case in load_cases():
        text = case["text"] if rendering == "clean" else scrape(case["text"])
        doc = pipe.run(Document(doc_id=case["id"], text=text, date=dt.date.fromisoformat(case["date"])))
        events = [e for e in doc.events if e.cameo[:2] not in ("01", "02")]
        predicted += len(events)
        correct += sum(1 for e in events if any(_match(x, e) for x in case["expect"]))
        for exp in case["expect"]:
            expected += 1
            if any(_match(exp, e) for e in doc.events):
                found += 1
            else:
                misses.append(case["id"])
    recall = found / expected if expected else 0.0
    precision = correct / predicted if predicted else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {
        "cases": len(load_cases()),
        "expected": expected,
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "misses": misses,
    }
