#!/usr/bin/env python3
"""Fit the event confidence model (detente/models/confidence/model.json) on the article benchmark.

Usage: python scripts/train_confidence.py [--dry-run]

Every event the coder reads from the dev articles of benchmarks/articles (clean, scraped and with
site chrome) is labelled by whether it matches a hand-coded event (the benchmark's one-to-one
matching); an L2-regularised logistic regression over how each event was read
(detente/resolve/confidence.py) is fitted to those labels with Newton steps, deterministic. The
regularisation is chosen by five-fold cross-validation over dev articles. The held-apart articles
are only scored: their AUC, and the AUC of the fixed formula used before, are written into the
model file and printed. Needs ../shared/corpora (the article texts). About a minute.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from unittest import mock

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from detente import Document, Pipeline, parse_date  # noqa: E402
from detente.bench.articles import BENCH_DIR, load_articles, load_gold  # noqa: E402
from detente.bench.render import RENDERINGS, load_headlines, render  # noqa: E402
from detente.bench.score import match  # noqa: E402
from detente.dedupe.merge import merge_document_events  # noqa: E402
from detente.resolve import build  # noqa: E402
from detente.resolve.confidence import FEATURE_VERSION, MODEL_DIR, ConfidenceModel, EventReading, features  # noqa: E402

LAMBDAS = (3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)
MIN_COUNT = 2  # a feature seen once is noise


def read_events(split: str, pipe: Pipeline) -> list[tuple[str, EventReading, int]]:
    """(article id, reading, 1 if the event matches a gold event) for every event of the split."""
    headlines = load_headlines(BENCH_DIR / "chrome-headlines.txt")
    articles = [a for a in load_articles() if a.split == split]
    ids = {a.id for a in articles}
    gold = [g for g in load_gold() if g["doc"] in ids]
    rows = []
    for rendering in RENDERINGS:
        preds, readings = [], {}
        for a in articles:
            text = render(a.id, a.text, a.date, rendering, headlines)
            doc = pipe.run_until(Document(doc_id=a.id, text=text, date=parse_date(a.date)), "parse")
            builder = build.EventBuilder(doc, pipe.resources)
            doc.events = builder.build() if doc.tokens else []
            for event in merge_document_events(doc).events:
                as_dict = event.to_dict()
                preds.append(as_dict)
                readings[id(as_dict)] = builder.readings[id(event)]
        matched = {id(p) for _, p in match(gold, preds)}
        rows.extend((p["doc_id"], readings[id(p)], int(id(p) in matched)) for p in preds)
    return rows


def design(rows: list, vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(rows), len(vocab) + 1))
    x[:, 0] = 1.0  # bias
    for i, (_, reading, _) in enumerate(rows):
        for f in features(reading):
            if f in vocab:
                x[i, vocab[f]] = 1.0
    return x


def fit(x: np.ndarray, y: np.ndarray, lam: float, steps: int = 25) -> np.ndarray:
    """L2-regularised logistic regression (the bias unpenalised) by Newton's method."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], lam)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        w -= np.linalg.solve(hess, grad)
    return w


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    """Probability that a right event scores above a wrong one (ties count half)."""
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):  # average ranks over ties
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos = y.sum()
    neg = len(y) - pos
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def cross_validated_auc(rows: list, lam: float, folds: int = 5) -> float:
    docs = sorted({doc for doc, _, _ in rows})
    fold_of = {doc: k % folds for k, doc in enumerate(docs)}
    scores = np.zeros(len(rows))
    y = np.array([label for _, _, label in rows], dtype=float)
    for k in range(folds):
        train = [i for i, r in enumerate(rows) if fold_of[r[0]] != k]
        test = [i for i, r in enumerate(rows) if fold_of[r[0]] == k]
        vocab = vocabulary([rows[i] for i in train])
        w = fit(design([rows[i] for i in train], vocab), y[train], lam)
        scores[test] = design([rows[i] for i in test], vocab) @ w
    return auc(scores, y)


def vocabulary(rows: list) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, reading, _ in rows:
        for f in features(reading):
            counts[f] = counts.get(f, 0) + 1
    kept = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    return {f: i + 1 for i, f in enumerate(kept)}


def old_formula(r: EventReading) -> float:
    """The fixed confidence used before this model (for comparison only)."""
    return 0.55 + 0.1 * min(r.trigger_words, 3) / 3 + (0.15 if r.has_target else 0.0) - (0.2 if r.inferred else 0.0)


def calibration(scores: np.ndarray, y: np.ndarray) -> list[dict]:
    """Mean confidence against the share right, in three equal-count bins."""
    order = np.argsort(scores, kind="stable")
    return [
        {"events": len(part), "mean_confidence": round(float(scores[part].mean()), 3),
         "share_right": round(float(y[part].mean()), 3)}
        for part in np.array_split(order, 3)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print the scores, write nothing")
    opts = parser.parse_args()
    dummy = ConfidenceModel({}, 0.0)  # the shipped weights must not shape their own training data
    with mock.patch.object(build, "load_confidence_model", return_value=dummy):
        pipe = Pipeline()
        dev, held = read_events("dev", pipe), read_events("heldout", pipe)
    cv = {lam: cross_validated_auc(dev, lam) for lam in LAMBDAS}
    lam = max(LAMBDAS, key=lambda k: cv[k])
    vocab = vocabulary(dev)
    w = fit(design(dev, vocab), np.array([r[2] for r in dev], dtype=float), lam)
    y_held = np.array([r[2] for r in held], dtype=float)
    held_scores = 1.0 / (1.0 + np.exp(-(design(held, vocab) @ w)))
    report = {
        "feature_version": FEATURE_VERSION,
        "lambda": lam,
        "dev_cross_validated_auc": {str(k): round(v, 3) for k, v in cv.items()},
        "trained_on": {"dev_articles": len({r[0] for r in dev}), "events": len(dev),
                       "right": int(sum(r[2] for r in dev)), "renderings": list(RENDERINGS)},
        "held_apart": {"events": len(held), "auc": round(auc(held_scores, y_held), 3),
                       "auc_of_the_fixed_formula_before": round(
                           auc(np.array([old_formula(r[1]) for r in held]), y_held), 3),
                       "calibration": calibration(held_scores, y_held)},
        "licence": "MIT (trained on detente's own annotations of public-domain VOA articles)",
    }
    print(json.dumps(report, indent=1))
    if opts.dry_run:
        return
    weights = {f: round(float(w[i]), 4) for f, i in vocab.items() if abs(w[i]) >= 1e-4}
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    body = {**report, "bias": round(float(w[0]), 4), "weights": dict(sorted(weights.items()))}
    (MODEL_DIR / "model.json").write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
