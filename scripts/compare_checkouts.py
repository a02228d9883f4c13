#!/usr/bin/env python3
"""Compare two checkouts of detente on every article benchmark rendering and the PLOVER sentences.

Usage: python scripts/compare_checkouts.py BASE NEW [--what all|articles|voa|modern]
       python scripts/compare_checkouts.py --score [--what ...]   (this checkout's scores as JSON)

Each checkout is scored with its own code (run in it, with PYTHONPATH set to it), so a rule change
in a worktree can be measured against main before it lands. Prints, per line, BASE's F1 -> NEW's with
matched (m) and predicted (p) events, and pooled lines (VOA and modern together) per split and
rendering. Held-apart articles are scored only: like score_articles.py, this prints numbers, never
events. The checkouts need ../shared beside them (the VOA texts are read from it).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLAN = {
    "voa": [("voa", s, r) for s in ("dev", "heldout") for r in ("clean", "scraped", "chrome", "chrome-news")],
    "modern": [("modern", s, r) for s in ("dev", "heldout") for r in ("clean", "scraped", "chrome")],
}
KEYS = ("f1", "recall", "precision", "core_recall", "gold_events", "pred_events", "matched")


def score(what: str, repo: Path = REPO) -> dict[str, dict]:
    """The scores of the checkout at ``repo``, keyed "benchmark/split/rendering" and "plover/NAME"."""
    sys.path.insert(0, str(repo))
    from detente import Pipeline
    from detente.bench.articles import BENCHMARKS, evaluate

    pipe, out = Pipeline(), {}
    plan = PLAN["voa"] + PLAN["modern"] if what in ("all", "articles") else PLAN[what]
    for bench, split, rendering in plan:
        result = evaluate(split, rendering, pipe, BENCHMARKS[bench])
        out[f"{bench}/{split}/{rendering}"] = {k: result[k] for k in KEYS}
    shared = repo.parent / "shared" / "eval"
    if what == "all" and shared.exists():
        for name in ("plover-gsr-dev", "plover-gsr-dev.scraped"):
            with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
                subprocess.run([sys.executable, "-m", "detente.cli", "code", str(shared / f"{name}.jsonl")],
                               stdout=handle, stderr=subprocess.DEVNULL, check=True, cwd=repo)
            result = subprocess.run([sys.executable, str(shared / "score_sentences.py"),
                                     str(shared / "plover-gsr-dev.jsonl"), handle.name, "--json"],
                                    capture_output=True, text=True, check=True)
            out[f"plover/{name}"] = {"f1": json.loads(result.stdout)["f1"]}
    return out


def add_pooled(scores: dict[str, dict]) -> None:
    """VOA and modern together, per split and rendering: F1 from the summed counts."""
    for split in ("dev", "heldout"):
        for rendering in ("clean", "scraped", "chrome"):
            parts = [scores.get(f"{b}/{split}/{rendering}") for b in ("voa", "modern")]
            if all(parts):
                gold, pred, hit = (sum(p[k] for p in parts) for k in ("gold_events", "pred_events", "matched"))
                scores[f"pooled/{split}/{rendering}"] = {
                    "f1": 2 * hit / (gold + pred) if gold + pred else 0.0,
                    "matched": hit, "pred_events": pred, "gold_events": gold,
                }


def checkout_scores(path: Path, what: str) -> dict[str, dict]:
    script = path / "scripts" / "compare_checkouts.py"
    if not script.exists():  # an older checkout: run this script against its code
        script = Path(__file__).resolve()
    env = {**os.environ, "PYTHONPATH": str(path)}  # the checkout's own code, not an installed copy
    result = subprocess.run([sys.executable, str(script), "--score", "--what", what, "--repo", str(path)],
                            capture_output=True, text=True, check=True, cwd=path, env=env)
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkouts", nargs="*", type=Path)
    parser.add_argument("--what", default="all", choices=["all", "articles", "voa", "modern"])
    parser.add_argument("--score", action="store_true", help="print this checkout's scores as JSON")
    parser.add_argument("--repo", type=Path, help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.score:
        print(json.dumps(score(opts.what, (opts.repo or REPO).resolve())))
        return
    if len(opts.checkouts) != 2:
        parser.error("give two checkouts: BASE NEW")
    base, new = (checkout_scores(p.resolve(), opts.what) for p in opts.checkouts)
    for scores in (base, new):
        add_pooled(scores)
    for key, old in base.items():
        if key not in new:
            continue
        now = new[key]
        mark = "" if abs(now["f1"] - old["f1"]) < 1e-9 else ("  +" if now["f1"] > old["f1"] else "  -")
        counts = (f"  m {old['matched']}->{now['matched']} p {old['pred_events']}->{now['pred_events']}"
                  if "matched" in old else "")
        print(f"{key:32} {old['f1']:.4f} -> {now['f1']:.4f}{counts}{mark}")


if __name__ == "__main__":
    main()
