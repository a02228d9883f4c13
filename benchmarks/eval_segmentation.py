#!/usr/bin/env python3
"""How well the segmenter finds sentence boundaries in text without capitals or punctuation.

Usage: python benchmarks/eval_segmentation.py [--corpus ../shared/corpora/voa-dev.jsonl] [--all]

Each VOA article's sentences are known (one per line). The article is rendered as a scraper
leaves it (lowercase, punctuation and line breaks gone) and segmented; a true sentence
boundary counts as found when a segment starts within one token of it. Reported: boundary
recall, segments per sentence (over-segmentation is harmless for coding, but a clause should
not span two sentences), and the share of segments that straddle a sentence boundary.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from detente.model import Document  # noqa: E402
from detente.pipeline import Pipeline  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
from train_parser import voa_split  # noqa: E402


def scrape(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora" / "voa-dev.jsonl")
    parser.add_argument(
        "--all", action="store_true", help="every article, not only the third the learned models never trained on"
    )
    opts = parser.parse_args()
    if not opts.corpus.exists():
        print(f"skipped: {opts.corpus} is absent")
        return
    pipe = Pipeline()
    found = total = segments = straddling = sentences = 0
    for line in opts.corpus.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not opts.all and voa_split(row["id"]) != "heldout":
            continue  # the sentence-end model and the parser learned the other articles' sentence ends
        parts = [scrape(s) for s in row["text"].split("\n") if scrape(s)]
        boundaries, pos = set(), 0
        for part in parts[:-1]:
            pos += len(part.split())
            boundaries.add(pos)
        doc = pipe.run_until(Document(doc_id=row["id"], text=" ".join(parts)), "segment")
        starts = {s.start for s in doc.segments}
        found += sum(1 for b in boundaries if {b - 1, b, b + 1} & starts)
        total += len(boundaries)
        segments += len(doc.segments)
        sentences += len(parts)
        straddling += sum(1 for s in doc.segments if any(s.start + 1 < b < s.end - 1 for b in boundaries))
    which = "all articles" if opts.all else "held-apart third"
    print(f"sentence boundaries found ({which}): {found / total:.1%} ({found}/{total})")
    print(f"segments per sentence: {segments / sentences:.2f}")
    print(f"segments spanning a sentence boundary: {straddling / segments:.1%}")


if __name__ == "__main__":
    main()
