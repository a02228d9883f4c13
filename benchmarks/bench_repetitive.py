#!/usr/bin/env python3
"""Coding time against document size on repetitive text, where a per-trigger scan over the whole
document would show as quadratic growth. Prints seconds per size and the ratio between doublings
(about 2 when linear). Reports numbers only.

Usage: python benchmarks/bench_repetitive.py [--sizes 1000 2000 4000 8000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from detente import Document, Pipeline  # noqa: E402
from detente.bench.render import scrape  # noqa: E402

SENTENCES = (
    "Russia and China signed a gas deal on Wednesday. ",
    "The rebels said they attacked a police post near the capital, and the government promised to respond. ",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    opts = parser.parse_args()
    pipe = Pipeline()
    pipe.run(Document(doc_id="warm", text=SENTENCES[0]))
    for sentence in SENTENCES:
        for rendering, text in (("clean", sentence), ("scraped", scrape(sentence) + " ")):
            previous = None
            for n in opts.sizes:
                t0 = time.process_time()
                pipe.run(Document(doc_id="r", text=text * n))
                seconds = time.process_time() - t0
                ratio = f"  x{seconds / previous:.1f}" if previous else ""
                print(f"{rendering:8} {len(text) * n / 1e6:5.2f} MB ({n} sentences): {seconds:6.2f} s CPU{ratio}")
                previous = seconds


if __name__ == "__main__":
    main()
