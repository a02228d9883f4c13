#!/usr/bin/env python3
"""Score the coder on an article benchmark (benchmarks/articles or benchmarks/modern, docs/benchmark.md).

Usage: python scripts/score_articles.py [--benchmark voa|modern] [--split dev|heldout|all]
       [--rendering clean|scraped|chrome|all] [--json]

Held-apart articles are scored, never inspected: this prints numbers only. To study errors,
use scripts/article_errors.py, which refuses the held-apart split.
"""

from __future__ import annotations

import argparse
import json

from detente import Pipeline
from detente.bench.articles import BENCHMARKS, SPLITS, evaluate
from detente.bench.render import RENDERINGS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--benchmark", default="voa", choices=sorted(BENCHMARKS))
    parser.add_argument("--split", default="all", choices=[*SPLITS, "all"])
    parser.add_argument("--rendering", default="all", choices=[*RENDERINGS, "all"])
    parser.add_argument("--json", action="store_true")
    opts = parser.parse_args()
    pipe = Pipeline()
    results = {}
    for split in SPLITS if opts.split == "all" else (opts.split,):
        for rendering in RENDERINGS if opts.rendering == "all" else (opts.rendering,):
            results[f"{split}/{rendering}"] = r = evaluate(split, rendering, pipe, BENCHMARKS[opts.benchmark])
            if not opts.json:
                print(f"{split:8} {rendering:8} F1 {r['f1']:.3f}  R {r['recall']:.3f}  P {r['precision']:.3f}  "
                      f"lead R {r['core_recall']:.3f}  same-country {r['self_target_share']:.3f} "
                      f"(gold {r['gold_self_target_share']:.3f})  same actor {r['same_actor_share']:.3f} "
                      f"(gold {r['gold_same_actor_share']:.3f})  "
                      f"dates {r['date_accuracy']:.3f}  (gold {r['gold_events']}, pred {r['pred_events']})")
    if opts.json:
        print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
