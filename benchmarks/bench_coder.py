#!/usr/bin/env python3
"""Coder throughput and peak memory on the VOA development corpus, repeated.

Usage: python benchmarks/bench_coder.py [--sentences 50000] [--scraped] [--corpus ../shared/corpora/voa-dev.jsonl]

Codes whole articles (as the CLI does) until at least --sentences sentences have passed,
in this one process on one core, and prints sentences/s (per wall second, and per CPU second,
which a busy machine disturbs less; coding only, and for the whole process including start-up
and loading), documents/s, MB/s, peak RSS, the parser's size on disk, and the CPU time of each
stage. Reports numbers only; speed is never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from detente import parse_date  # noqa: E402
from detente.bench.render import scrape  # noqa: E402
from detente.model import Document  # noqa: E402
from detente.parse.stage import MODEL_DIR  # noqa: E402
from detente.pipeline import Pipeline  # noqa: E402


def _dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora" / "voa-dev.jsonl")
    parser.add_argument("--sentences", type=int, default=50_000)
    parser.add_argument("--scraped", action="store_true", help="code the scraped rendering of each article")
    opts = parser.parse_args()
    if not opts.corpus.exists():
        print(f"skipped: {opts.corpus} is absent")
        return
    rows = [json.loads(line) for line in opts.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences_per_doc = [max(1, r["text"].count("\n") + 1) for r in rows]  # counted as written
    if opts.scraped:
        rows = [{**r, "text": scrape(r["text"])} for r in rows]
    t_load = time.perf_counter()
    pipe = Pipeline()
    load_s = time.perf_counter() - t_load
    done_sentences = done_docs = events = 0
    nbytes = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    rounds = 0
    stage_cpu: dict[str, float] = {}
    while done_sentences < opts.sentences:
        for row, n in zip(rows, sentences_per_doc, strict=True):
            doc = Document(doc_id=f"{row['id']}#{rounds}", text=row["text"], date=parse_date(row.get("date")))
            for stage in pipe.stages:
                s0 = time.process_time()
                doc = stage.run(doc, pipe.resources)
                stage_cpu[stage.name] = stage_cpu.get(stage.name, 0.0) + time.process_time() - s0
            events += len(doc.events)
            done_sentences += n
            done_docs += 1
            nbytes += len(row["text"].encode())
        rounds += 1
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"lexicon load: {load_s:.2f} s")
    print(f"coded {done_sentences} sentences in {done_docs} documents ({nbytes / 1e6:.1f} MB) in {elapsed:.1f} s")
    print(f"sentences/s: {done_sentences / elapsed:,.0f} wall, {done_sentences / cpu:,.0f} per CPU-second (one core)")
    print(f"documents/s: {done_docs / elapsed:,.1f}   MB/s: {nbytes / 1e6 / elapsed:.2f}   events: {events}")
    whole = sum(os.times()[:2])  # user + system CPU of this process since it started
    print(f"whole process: {done_sentences / whole:,.0f} sentences per CPU-second (start-up and loading included)")
    print(f"peak RSS: {peak_mb:.0f} MB   parser model on disk: {_dir_mb(MODEL_DIR):.1f} MB")
    total = sum(stage_cpu.values())
    print("CPU by stage: " + ", ".join(f"{name} {100 * t / total:.0f}%" for name, t in stage_cpu.items()))


if __name__ == "__main__":
    main()
