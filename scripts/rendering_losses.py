#!/usr/bin/env python3
"""Gold events the coder finds in one rendering of the dev articles and loses in another, bucketed by why.

Usage: python scripts/rendering_losses.py [--benchmark voa|modern] [--found clean] [--lost scraped|chrome|chrome-news]
       [--list]

For each gold event matched in the ``--found`` rendering and not in the ``--lost`` one, the event
that matched is looked up among the candidates of the other rendering (same trigger word):
"rejected: REASON" (the builder's reason, e.g. "no source actor in the clause" when a name went
unrecognised, "the clause already reports ..." when a merged sentence holds a stronger trigger),
"coded, other roles" (found, but with another source or target), "trigger not found" (no such
candidate: the pattern did not match or the text was marked site chrome). Only the dev split:
held-apart articles are never read while writing rules.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from typing import Any

from detente import Pipeline
from detente.bench.articles import BENCH_DIR, BENCHMARKS, Article, code_articles, dev_titles, load_articles, load_gold
from detente.bench.render import load_headlines, render
from detente.bench.score import match
from detente.explain import explain

_WORD = re.compile(r"[a-z0-9]+")


def _roles(event: dict[str, Any]) -> str:
    return f"{(event.get('source') or {}).get('code')} {event['cameo']} {(event.get('target') or {}).get('code')}"


def _rendered(article: Article, rendering: str) -> str:
    titles = dev_titles() if rendering == "chrome-news" else {}
    headlines = [t for i, t in titles.items() if i != article.id] if titles else None
    headlines = headlines or load_headlines(BENCH_DIR / "chrome-headlines.txt")
    return render(article.id, article.text, article.date, rendering, headlines)


def _bucket(candidates: list[dict[str, Any]], trigger: str) -> tuple[str, str]:
    """Why the event of ``trigger`` is missing among another rendering's candidates."""
    first = (_WORD.findall(trigger.lower()) or [""])[0]
    same = [c for c in candidates if first and first in _WORD.findall(c["trigger"].lower())]
    if not same:
        return "trigger not found (pattern or site chrome)", ""
    coded = [c for c in same if c["outcome"] == "event"]
    if coded:
        roles = coded[0]["roles"] or {}
        found = " / ".join(",".join(a["code"] or "?" for a in roles.get(k) or []) for k in ("sources", "targets"))
        return "coded, other roles", found
    reason = same[0]["reason"] or "rejected"
    return "rejected: " + re.sub(r" '.*", " ...", reason.split(" (")[0]), same[0]["sentence"][:160]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--benchmark", default="voa", choices=sorted(BENCHMARKS))
    parser.add_argument("--found", default="clean")
    parser.add_argument("--lost", default="scraped")
    parser.add_argument("--list", action="store_true", help="print every lost event, not only the counts")
    opts = parser.parse_args()
    bench_dir = BENCHMARKS[opts.benchmark]
    articles = {a.id: a for a in load_articles(bench_dir) if a.split == "dev"}
    gold = [g for g in load_gold(bench_dir) if g["doc"] in articles]
    pipe = Pipeline()
    found = {id(g): p for g, p in match(gold, code_articles(list(articles.values()), opts.found, pipe))}
    kept = {id(g) for g, _ in match(gold, code_articles(list(articles.values()), opts.lost, pipe))}
    lost = [(g, found[id(g)]) for g in gold if id(g) in found and id(g) not in kept]
    cache: dict[str, list[dict[str, Any]]] = {}
    buckets: Counter[str] = Counter()
    for g, event in lost:
        if g["doc"] not in cache:
            article = articles[g["doc"]]
            cache[g["doc"]] = explain(_rendered(article, opts.lost), article.date, article.id, pipe).candidates
        bucket, detail = _bucket(cache[g["doc"]], event.get("trigger") or "")
        buckets[bucket] += 1
        if opts.list:
            print(f"{g['doc']}  gold {g['source']} {'/'.join(g['roots'])} {g['target']}  {opts.found}: {_roles(event)}")
            print(f"    {bucket}  {detail}\n    {event['evidence']['text'][:160]}")
    print(f"{len(lost)} gold events found in {opts.found} and lost in {opts.lost}:")
    for bucket, n in buckets.most_common():
        print(f"  {n:3d}  {bucket}")


if __name__ == "__main__":
    main()
