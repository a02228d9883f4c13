#!/usr/bin/env python3
"""Trigger recall on real news: does the coder find the events ACE annotators marked in VOA articles?

Usage: python benchmarks/eval_ace.py [--corpus ../shared/corpora/voa-dev.jsonl] [--rendering clean|scraped]
                                     [--misses]

The 124 VOA articles in ../shared/corpora carry human annotations of ACE event types, each with
its trigger word and sentence. ACE is not CAMEO, but six of its types have CAMEO counterparts
(table below). An ACE event counts as found when the coder reports an event of a counterpart root
whose evidence covers the trigger word. Actors are not checked (ACE arguments are phrases, not
country codes; the article benchmark checks actors), so this measures whether the coder sees the
event at all, on text it was not written against.

Articles are split as the article benchmark and the learned models split them (SHA-1 of the id):
`--misses` lists the misses of the dev part only; the held-apart part is only counted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from detente.bench.render import scrape  # noqa: E402
from detente.model import Document  # noqa: E402
from detente.pipeline import Pipeline  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
from train_parser import voa_split  # noqa: E402

# ACE type -> CAMEO roots that code the same happening.
COUNTERPARTS = {
    "Conflict:Attack": {"18", "19", "20"},
    "Conflict:Demonstrate": {"14"},
    "Contact:Meet": {"04"},
    "Contact:Phone-Write": {"04"},
    "Justice:Arrest-Jail": {"17"},
    "Transaction:Transfer-Money": {"06", "07"},
}


def trigger_span(text: str, sentence: str, trigger: str, cursor: int) -> tuple[int, int] | None:
    """Character span of the trigger inside the article, looking for its sentence from `cursor` on."""
    at = text.find(sentence, cursor)
    if at < 0:
        at = text.find(sentence)
    if at < 0:
        return None
    hit = re.search(r"\b" + re.escape(trigger) + r"\b", sentence)
    if not hit:
        return None
    return at + hit.start(), at + hit.end()


def scraped_offsets(text: str) -> list[int]:
    """For each character of `text`, its offset in the scraped rendering (words joined by one space)."""
    offsets, out, gap = [], 0, False
    for ch in text:
        keep = ch.isascii() and ch.isalnum()
        if keep and gap and out:
            out += 1
        gap = gap or not keep
        if keep:
            gap = False
        offsets.append(out)
        out += keep
    return offsets


def found(events: list[dict], span: tuple[int, int], roots: set[str]) -> bool:
    start, end = span
    return any(
        str(e["cameo"])[:2] in roots and e["evidence"]["start"] <= start and end <= e["evidence"]["end"]
        for e in events
    )


def evaluate(rows: list[dict], rendering: str) -> tuple[dict, list[tuple]]:
    """Counts per (split, ACE type) of [found, annotated], and the dev misses."""
    docs, targets = [], []
    for row in rows:
        text = row["text"]
        offsets = scraped_offsets(text) if rendering == "scraped" else None
        cursor = 0
        for ev in row["events"]:
            roots = COUNTERPARTS.get(ev["type"])
            span = roots and trigger_span(text, ev["sentence"], ev["trigger"], cursor)
            if not span:
                continue
            cursor = span[0] - len(ev["sentence"])
            if offsets:
                span = (offsets[span[0]], offsets[span[1] - 1] + 1)
            targets.append((row["id"], ev, span, roots))
        body = scrape(text) if rendering == "scraped" else text
        docs.append(Document(doc_id=row["id"], text=body))
    coded = {d.doc_id: [e.to_dict() for e in d.events] for d in Pipeline().run_many(docs)}
    counts: dict = defaultdict(lambda: [0, 0])
    misses = []
    for doc_id, ev, span, roots in targets:
        key = (voa_split(doc_id), ev["type"])
        hit = found(coded[doc_id], span, roots)
        counts[key][0] += hit
        counts[key][1] += 1
        if not hit and key[0] == "dev":
            misses.append((ev["type"], ev["trigger"].lower(), ev["sentence"]))
    return counts, misses


def report(counts: dict) -> list[str]:
    lines = ["| ACE type (CAMEO roots) | dev found / annotated | held apart found / annotated |", "|---|---|---|"]
    totals = {"dev": [0, 0], "heldout": [0, 0]}
    for kind, roots in COUNTERPARTS.items():
        cells = []
        for split in ("dev", "heldout"):
            hit, n = counts.get((split, kind), (0, 0))
            totals[split][0] += hit
            totals[split][1] += n
            cells.append(f"{hit} / {n} ({hit / n:.0%})" if n else "-")
        lines.append(f"| {kind} ({', '.join(sorted(roots))}) | {cells[0]} | {cells[1]} |")
    cells = [f"{h} / {n} ({h / n:.0%})" for h, n in totals.values()]
    lines.append(f"| all | {cells[0]} | {cells[1]} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora" / "voa-dev.jsonl")
    parser.add_argument("--rendering", choices=["clean", "scraped"], default="clean")
    parser.add_argument("--misses", action="store_true", help="list the dev part's misses by trigger")
    opts = parser.parse_args()
    rows = [json.loads(line) for line in opts.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts, misses = evaluate(rows, opts.rendering)
    print(f"ACE trigger recall, {opts.rendering} rendering")
    print("\n".join(report(counts)))
    if opts.misses:
        by_trigger = Counter((kind, trig) for kind, trig, _ in misses)
        for (kind, trig), n in by_trigger.most_common():
            example = next(s for k, t, s in misses if (k, t) == (kind, trig))
            print(f"{n:3d} {kind:28s} {trig:15s} | {example[:110]}")


if __name__ == "__main__":
    main()
