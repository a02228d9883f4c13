#!/usr/bin/env python3
"""Coding time and peak memory against document size, for repetitive and varied text.

Each (kind, size) is coded in a fresh child process, so its peak RSS is its own. Repetitive text
repeats two sentences; varied text is the shared VOA dev corpus (or, without ../shared, the bundled
samples) joined into one document, repeated when the corpus is smaller than the size. Prints CPU
seconds per MB and peak RSS per size, and the ratio of the largest size's seconds per MB to the
smallest's (1.0 when linear). Reports numbers only; the goals are in issue 10 (ratio <= 2,
peak RSS < 1 GB at 10 MB).

Usage: python benchmarks/bench_linear.py [--sizes 0.1 1 10] [--kinds repetitive varied]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPETITIVE = (
    "Russia and China signed a gas deal on Wednesday. "
    "The rebels said they attacked a police post near the capital, and the government promised to respond. "
)
VARIED_SOURCES = (
    ROOT.parent / "shared" / "corpora" / "voa-dev.jsonl",
    ROOT / "detente" / "data" / "samples" / "wire.jsonl",
)


def varied_corpus() -> str:
    for path in VARIED_SOURCES:
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            return "\n\n".join(json.loads(line)["text"] for line in lines if line.strip())
    raise SystemExit("no corpus for varied text")


def build_text(kind: str, megabytes: float) -> str:
    unit = REPETITIVE if kind == "repetitive" else varied_corpus() + "\n\n"
    want = int(megabytes * 1e6)
    return (unit * (want // len(unit) + 1))[:want]


def child(kind: str, megabytes: float) -> None:
    """Code one document and print a JSON line: CPU seconds, events, peak RSS of this process."""
    from detente import Document, Pipeline

    pipe = Pipeline()
    pipe.run(Document(doc_id="warm", text=REPETITIVE, date=None))
    text = build_text(kind, megabytes)
    started = time.process_time()
    doc = pipe.run(Document(doc_id="bench", text=text))
    seconds = time.process_time() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(json.dumps({"seconds": seconds, "events": len(doc.events), "peak_mb": peak_mb}))


def measure(kind: str, megabytes: float) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(megabytes)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 10.0])
    parser.add_argument("--kinds", nargs="+", default=["repetitive", "varied"], choices=["repetitive", "varied"])
    parser.add_argument("--child", nargs=2, metavar=("KIND", "MB"), help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.child:
        child(opts.child[0], float(opts.child[1]))
        return
    sizes = sorted(opts.sizes)
    print(f"{'kind':11} {'MB':>6} {'CPU s':>8} {'s/MB':>7} {'peak RSS MB':>12} {'events':>8}")
    for kind in opts.kinds:
        per_mb = []
        for size in sizes:
            row = measure(kind, size)
            per_mb.append(row["seconds"] / size)
            print(
                f"{kind:11} {size:6.1f} {row['seconds']:8.1f} {per_mb[-1]:7.1f} {row['peak_mb']:12.0f} "
                f"{row['events']:8d}",
                flush=True,
            )
        print(f"{kind:11} s/MB ratio {sizes[-1]:g} MB / {sizes[0]:g} MB: {per_mb[-1] / per_mb[0]:.2f}")


if __name__ == "__main__":
    main()
