#!/usr/bin/env python3
"""List the coder's misses and false events on the dev articles of the benchmark, for rule work.

Usage: python scripts/article_errors.py [--benchmark voa|modern] [--rendering clean|scraped|chrome] [--doc ID]

Lead events (gold `core`) are marked with a star. Only the dev split: held-apart articles are never
read while writing rules.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# this checkout's code, not an installed copy's (a worktree's rules must be the ones listed)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from detente.bench.articles import BENCHMARKS, code_articles, load_articles, load_gold  # noqa: E402
from detente.bench.score import match  # noqa: E402


def _actor(a: dict | None) -> str:
    if not a:
        return "-"
    return a.get("country") or a.get("org") or a.get("code") or "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--benchmark", default="voa", choices=sorted(BENCHMARKS))
    parser.add_argument("--rendering", default="clean")
    parser.add_argument("--doc")
    opts = parser.parse_args()
    bench_dir = BENCHMARKS[opts.benchmark]
    articles = [a for a in load_articles(bench_dir) if a.split == "dev" and (not opts.doc or a.id == opts.doc)]
    ids = {a.id for a in articles}
    gold = [g for g in load_gold(bench_dir) if g["doc"] in ids]
    preds = code_articles(articles, opts.rendering)
    pairs = match(gold, preds)
    hit_gold = {(g["doc"], g["n"]) for g, _ in pairs}
    hit_pred = {id(p) for _, p in pairs}
    for article in articles:
        print(f"== {article.id}")
        for g in gold:
            if g["doc"] == article.id:
                mark = "ok  " if (g["doc"], g["n"]) in hit_gold else "MISS"
                lead = "*" if g.get("core") else " "  # a lead event (issue 9's lead-event recall)
                print(f"  {mark}{lead}{g['source']} {'/'.join(g['roots'])} {g['target']}  | {g['evidence']}")
        for p in preds:
            if p["doc_id"] == article.id and id(p) not in hit_pred:
                evidence = p["evidence"]["text"][:100]
                print(f"  FALSE {_actor(p['source'])} {p['cameo']} {_actor(p['target'])}  | {evidence}")


if __name__ == "__main__":
    main()
