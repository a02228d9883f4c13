#!/usr/bin/env python3
"""Train the sentence-end model for unpunctuated text shipped in `detente/models/sentence-ends/`.

    python scripts/train_sentence_ends.py [--threshold 0.5] [--epochs 6]

Training text, all rendered as a scraper leaves it (lowercase a-z0-9 words, no punctuation), with
the sentence starts as labels (free, because the sources are punctuated):
- UD English-EWT train (CC BY-SA 4.0; ../shared/corpora/ud-english-ewt), document by document;
- the Voice of America articles in ../shared/corpora/voa-dev.jsonl (public domain) that are not
  held apart (`train_parser.voa_split`), one sentence per line, weighted three times: they are
  news, the register the coder reads.
The model is a logistic regression over hashed features (`detente.segment.sentences`), fitted
with AdaGrad; deterministic for a given corpus. It prints sentence-start precision, recall and F1
on the held-apart VOA articles, which it never trains on. Takes about a minute on one core.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from train_parser import SHARED, read_conllu, scrape_sentence, scrape_text, voa_split  # noqa: E402

from detente.segment.sentences import MODEL_DIR, TEMPLATES, SentenceEndModel, feature_matrix  # noqa: E402

SIZE = 1 << 20
VOA_WEIGHT = 3


def ewt_documents() -> list[list[list[str]]]:
    docs = []
    for doc in read_conllu(SHARED / "ud-english-ewt" / "en_ewt-ud-train.conllu"):
        sentences = [[w.text for w in scrape_sentence(s)] for s in doc]
        docs.append([s for s in sentences if s])
    return [d for d in docs if d]


def voa_documents(split: str) -> list[list[list[str]]]:
    docs = []
    for line in (SHARED / "voa-dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if voa_split(row["id"]) == split:
            sentences = [scrape_text(s).split() for s in row["text"].split("\n")]
            docs.append([s for s in sentences if s])
    return docs


def examples(docs: list[list[list[str]]]) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and labels (1 where a sentence starts; a document's first word is not asked)."""
    xs, ys = [], []
    for sentences in docs:
        words = [w for s in sentences for w in s]
        labels = np.zeros(len(words), dtype=np.float32)
        k = 0
        for s in sentences:
            labels[k] = 1.0
            k += len(s)
        xs.append(feature_matrix(words, SIZE)[1:])
        ys.append(labels[1:])
    return np.concatenate(xs), np.concatenate(ys)


def fit(x: np.ndarray, y: np.ndarray, epochs: int, rate: float = 0.2, batch: int = 256) -> np.ndarray:
    """Logistic regression by AdaGrad on mini-batches (each feature's step shrinks as it is seen)."""
    weights = np.zeros(SIZE, dtype=np.float32)
    squares = np.full(SIZE, 1e-6, dtype=np.float32)
    rng = np.random.default_rng(0)
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for b in range(0, len(y), batch):
            rows = order[b : b + batch]
            xb = x[rows]
            err = 1.0 / (1.0 + np.exp(-weights[xb].sum(axis=1))) - y[rows]
            grad = np.zeros(SIZE, dtype=np.float32)
            np.add.at(grad, xb.ravel(), np.repeat(err, xb.shape[1]))
            used = np.unique(xb)
            squares[used] += grad[used] ** 2
            weights[used] -= rate * grad[used] / np.sqrt(squares[used])
    return weights


def boundary_scores(model: SentenceEndModel, docs: list[list[list[str]]]) -> dict[str, float]:
    tp = fp = fn = 0
    for sentences in docs:
        words = [w for s in sentences for w in s]
        gold, k = set(), 0
        for s in sentences:
            if k:
                gold.add(k)
            k += len(s)
        found = set(model.starts(words))
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / max(1e-9, p + r), 3),
        "boundaries": tp + fn,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--output", type=Path, default=MODEL_DIR)
    opts = parser.parse_args()
    if not SHARED.exists():
        raise SystemExit(f"{SHARED} not found: the training corpora live in ../shared/corpora")
    ewt, voa = ewt_documents(), voa_documents("dev")
    x, y = examples(ewt + voa * VOA_WEIGHT)
    weights = fit(x, y, opts.epochs).astype(np.float16)
    model = SentenceEndModel(weights, opts.threshold)
    held_docs = voa_documents("heldout")
    held = boundary_scores(model, held_docs)
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        scores = boundary_scores(SentenceEndModel(weights, threshold), held_docs)
        print(f"threshold {threshold}: held-apart VOA {scores}")
    opts.output.mkdir(parents=True, exist_ok=True)
    np.save(opts.output / "weights.npy", weights)
    meta = {
        "templates": len(TEMPLATES),
        "size": SIZE,
        "threshold": opts.threshold,
        "epochs": opts.epochs,
        "trained_on": {
            "ud_english_ewt_train_documents": len(ewt),
            "voa_articles": len(voa),
            "voa_weight": VOA_WEIGHT,
            "tokens": int(len(y)),
        },
        "licence": "CC BY-SA 4.0 (trained on UD English-EWT)",
        "voa_heldout_sentence_starts": held,
    }
    (opts.output / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta, indent=1))


if __name__ == "__main__":
    main()
