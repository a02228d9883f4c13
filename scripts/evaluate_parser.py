#!/usr/bin/env python3
"""Measure the shipped parser: tags, UAS and LAS on the UD English-EWT test set, as written and
scraped, and sentence-boundary precision/recall on the scraped VOA articles held apart from training.

Usage: python scripts/evaluate_parser.py [--model detente/models/parser-en] [--json]
Needs ../shared/corpora (skips with a message when it is absent).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from train_parser import CHUNK, SHARED, read_conllu, scrape_sentence, scrape_text, to_doc, voa_split  # noqa: E402


def treebank_scores(nlp, rendering: str) -> dict[str, float]:
    from spacy.training import Example

    examples = []
    for doc in read_conllu(SHARED / "ud-english-ewt" / "en_ewt-ud-test.conllu"):
        for start in range(0, len(doc), CHUNK):
            chunk = doc[start:start + CHUNK]
            if rendering == "scraped":
                chunk = [s for s in (scrape_sentence(s) for s in chunk) if s]
            if chunk:
                gold = to_doc(nlp.vocab, chunk)
                examples.append(Example(nlp.make_doc(gold.text), gold))
    words = sum(len(e.reference) for e in examples)
    t0 = time.process_time()
    scores = nlp.evaluate(examples)
    cpu = time.process_time() - t0
    return {"tag_acc": scores["tag_acc"], "uas": scores["dep_uas"], "las": scores["dep_las"],
            "sents_f": scores["sents_f"], "words_per_cpu_s": words / cpu}


def voa_boundaries(nlp) -> dict[str, float]:
    """Sentence starts found in scraped VOA articles (the held-apart third), one sentence per line."""
    tp = fp = fn = 0
    for line in (SHARED / "voa-dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if voa_split(row["id"]) != "heldout":
            continue
        sentences = [scrape_text(s).split() for s in row["text"].split("\n")]
        words = [w for s in sentences if s for w in s]
        gold, k = set(), 0
        for s in sentences:
            if s:
                if k:
                    gold.add(k)
                k += len(s)
        doc = nlp(" ".join(words))
        found = {t.i for t in doc if t.is_sent_start and t.i}
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {"precision": p, "recall": r, "f1": 2 * p * r / max(1e-9, p + r), "boundaries": tp + fn}


def _word_at_offset(words: list[str]) -> dict[int, int]:
    """Each word's number by its first character in the words joined with spaces."""
    at, offset = {}, 0
    for j, w in enumerate(words):
        at[offset] = j
        offset += len(w) + 1
    return at


def pipeline_starts(docs: list[list[list[str]]]) -> dict[str, float]:
    """Sentence starts the coder itself uses on the same articles: the sentence-end model's and
    those ``segment.starts`` adds from the actors (what clause segmentation and roles see)."""
    from detente import Document, Pipeline

    pipe, tp, fp, fn = Pipeline(), 0, 0, 0
    for sentences in docs:
        words = [w for s in sentences for w in s]
        gold = {sum(len(s) for s in sentences[:k]) for k in range(1, len(sentences))}
        at = _word_at_offset(words)
        doc = pipe.run_until(Document(doc_id="voa", text=" ".join(words)), "segment")
        found = {at[t.start] for t in doc.tokens if t.break_before and t.start in at} - {0}
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {"precision": p, "recall": r, "f1": 2 * p * r / max(1e-9, p + r), "boundaries": tp + fn}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=str(REPO / "detente" / "models" / "parser-en"))
    parser.add_argument("--json", action="store_true")
    opts = parser.parse_args()
    if not SHARED.exists():
        print(f"skipped: {SHARED} not found")
        return
    import spacy

    nlp = spacy.load(opts.model)
    from train_sentence_ends import boundary_scores, voa_documents

    from detente.segment.sentences import load_model

    result = {"clean": treebank_scores(nlp, "clean"), "scraped": treebank_scores(nlp, "scraped"),
              "voa_scraped_boundaries": voa_boundaries(nlp),
              "voa_scraped_sentence_end_model": boundary_scores(load_model(), voa_documents("heldout")),
              "voa_scraped_coder_starts": pipeline_starts(voa_documents("heldout"))}
    if opts.json:
        print(json.dumps(result, indent=1))
        return
    for name in ("clean", "scraped"):
        s = result[name]
        print(f"EWT test {name}: tags {100 * s['tag_acc']:.1f}, UAS {100 * s['uas']:.1f}, LAS {100 * s['las']:.1f}, "
              f"sentence F1 {100 * s['sents_f']:.1f}, {s['words_per_cpu_s']:,.0f} words per CPU-second")
    b = result["voa_scraped_boundaries"]
    print(f"VOA scraped sentence boundaries (held-apart third, {b['boundaries']}): precision {b['precision']:.2f}, "
          f"recall {b['recall']:.2f}, F1 {b['f1']:.2f}")
    m = result["voa_scraped_sentence_end_model"]
    print(f"VOA scraped sentence starts by the sentence-end model (detente/models/sentence-ends, same articles): "
          f"precision {m['precision']:.2f}, recall {m['recall']:.2f}, F1 {m['f1']:.2f}")
    c = result["voa_scraped_coder_starts"]
    print(f"VOA scraped sentence starts the coder uses (sentence-end model and segment.starts, same articles): "
          f"precision {c['precision']:.2f}, recall {c['recall']:.2f}, F1 {c['f1']:.2f}")


if __name__ == "__main__":
    main()
