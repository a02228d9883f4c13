#!/usr/bin/env python3
"""Raise the accuracy floors the CI gate reads (floors.json of each article benchmark); never lower them.

Usage: python scripts/raise_floors.py [--margin 0.02] [--dry-run] [--reset-split SPLIT]
       [--benchmark voa|modern|all]

Scores every split and rendering of the article benchmarks (benchmarks/articles, benchmarks/modern)
and sets each floor to the measured value minus the margin when that is higher than the floor in
force. Only when articles are added to a split (a new benchmark, not a worse coder) may its floors
be set afresh with --reset-split; say so in the commit.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from detente import Pipeline
from detente.bench.articles import BENCHMARKS, SPLITS, benchmark_available, evaluate
from detente.bench.render import RENDERINGS

GATED = ("f1", "recall", "precision", "core_recall")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--margin", type=float, default=0.02)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--reset-split", choices=SPLITS, help="articles were added to this split: new floors")
    parser.add_argument("--benchmark", default="all", choices=[*sorted(BENCHMARKS), "all"])
    opts = parser.parse_args()
    pipe = Pipeline()
    for name, bench_dir in BENCHMARKS.items():
        if opts.benchmark in (name, "all") and benchmark_available(bench_dir):
            _raise(bench_dir, pipe, opts)


def _raise(bench_dir: Path, pipe: Pipeline, opts: argparse.Namespace) -> None:
    path = bench_dir / "floors.json"
    floors = json.loads(path.read_text()) if path.exists() else {}
    for split in SPLITS:
        for rendering in RENDERINGS:
            key = f"{split}/{rendering}"
            measured = evaluate(split, rendering, pipe, bench_dir)
            if split == opts.reset_split:
                floors[key] = {}
            current = floors.setdefault(key, {})
            for metric in GATED:
                proposed = round(max(0.0, measured[metric] - opts.margin), 3)
                if proposed > current.get(metric, 0.0):
                    print(f"{bench_dir.name} {key} {metric}: {current.get(metric, 0.0):.3f} -> {proposed:.3f}")
                    current[metric] = proposed
    if not opts.dry_run:
        path.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
