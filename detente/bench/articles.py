"""Load the article benchmark (benchmarks/articles) and score the coder on it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from detente.bench.render import RENDERINGS, STRESS_RENDERINGS, load_headlines, render
from detente.bench.score import score
from detente.errors import InputError

BENCH_DIR = Path(__file__).resolve().parents[2] / "benchmarks" / "articles"
# Articles written for detente in the styles the VOA set lacks (2017-2025 wire, long-form and web
# news): their texts are in the project (MIT), so this benchmark runs without ../shared.
MODERN_DIR = BENCH_DIR.parent / "modern"
BENCHMARKS = {"voa": BENCH_DIR, "modern": MODERN_DIR}
# The article texts are read from the shared corpus, not copied into the project.
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "voa-dev.jsonl"
SPLITS = ("dev", "heldout")
_GOLD_KEYS = {"doc", "n", "source", "roots", "target", "date", "historical", "evidence", "core", "reciprocal"}


@dataclass(frozen=True)
class Article:
    id: str
    date: str
    split: str
    text: str


def _read_jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(str(path), number, f"not JSON ({exc.msg})") from exc
    return rows


def corpus_available(corpus: Path = CORPUS) -> bool:
    return corpus.exists()


def _texts_in_project(rows: list[tuple[int, dict[str, Any]]]) -> bool:
    return bool(rows) and all("text" in r for _, r in rows)


def load_articles(bench_dir: Path = BENCH_DIR, corpus: Path = CORPUS) -> list[Article]:
    """The benchmark's articles (ids, dates and splits in the project) with their texts: from the
    shared corpus when the project lists ids only (VOA), else from the project's own file."""
    path = bench_dir / "articles.jsonl"
    if not path.exists():
        raise InputError(str(path), None, "no article benchmark here")
    rows = _read_jsonl(path)
    if _texts_in_project(rows):
        texts = {}
        for number, r in rows:
            if not isinstance(r["text"], str) or not r["text"].strip():
                raise InputError(str(path), number, "an article's text must be a non-empty string")
            texts[r["id"]] = r["text"]
    elif not corpus.exists():
        raise InputError(str(corpus), None, "the VOA corpus is needed for the article benchmark (../shared/corpora)")
    else:
        texts = {r["id"]: r["text"] for _, r in _read_jsonl(corpus)}
    articles = []
    for number, r in rows:
        if r.get("split") not in SPLITS or not r.get("id") or not r.get("date"):
            raise InputError(str(path), number, f"an article needs an id, a date and a split in {SPLITS}")
        if r["id"] not in texts:
            raise InputError(str(path), number, f"article {r['id']!r} is not in {corpus}")
        articles.append(Article(r["id"], r["date"], r["split"], texts[r["id"]]))
    if len({a.id for a in articles}) != len(articles):
        raise InputError(str(path), None, "article ids must be unique")
    return articles


def benchmark_available(bench_dir: Path = BENCH_DIR, corpus: Path = CORPUS) -> bool:
    """Whether the benchmark's texts are here: always for one that keeps them in the project."""
    path = bench_dir / "articles.jsonl"
    if not path.exists():
        return False
    return _texts_in_project(_read_jsonl(path)) or corpus.exists()


def _gold_files(bench_dir: Path) -> list[Path]:
    single = bench_dir / "gold.jsonl"
    return sorted((bench_dir / "gold").glob("*.jsonl")) + ([single] if single.exists() else [])


def load_gold(bench_dir: Path = BENCH_DIR, corpus: Path = CORPUS) -> list[dict[str, Any]]:
    """Every gold event, checked: known keys, two-digit roots, a source, evidence found in the article."""
    texts = {a.id: a.text for a in load_articles(bench_dir, corpus)}
    gold = []
    for path in _gold_files(bench_dir):
        for number, row in _read_jsonl(path):
            if set(row) - _GOLD_KEYS or not {"doc", "n", "source", "roots", "target"} <= set(row):
                raise InputError(str(path), number, f"gold keys must be {sorted(_GOLD_KEYS)}")
            if row["doc"] not in texts:
                raise InputError(str(path), number, f"unknown article {row['doc']!r}")
            if not row["source"] or not row["roots"] or any(not (len(r) == 2 and "01" <= r <= "20")
                                                            for r in row["roots"]):
                raise InputError(str(path), number, "a source and two-digit CAMEO roots 01-20 are required")
            if row.get("evidence") and row["evidence"] not in texts[row["doc"]]:
                raise InputError(str(path), number, "evidence is not a quote from the article")
            gold.append(row)
    return gold


_TITLE = re.compile(r"(.{15,140}?)-[A-Z][A-Z .,']+ \u2014")


def dev_titles(bench_dir: Path = BENCH_DIR) -> dict[str, str]:
    """The titles of the dev articles (their text opens "Title-CITY — ..."), by article id: the
    sidebar headlines of the chrome-news stress rendering."""
    found = {a.id: _TITLE.match(a.text) for a in load_articles(bench_dir) if a.split == "dev"}
    return {i: m.group(1).strip() for i, m in found.items() if m}


def code_articles(articles: list[Article], rendering: str, pipeline=None) -> list[dict[str, Any]]:
    """Code each article in one rendering; returns the events as JSON-ready dicts."""
    from detente import Document, Pipeline, parse_date

    own = load_headlines(BENCH_DIR / "chrome-headlines.txt")
    titles = dev_titles() if rendering == "chrome-news" else {}
    pipe = pipeline or Pipeline()
    docs = []
    for a in articles:
        headlines = [t for i, t in titles.items() if i != a.id] if titles else own
        text = render(a.id, a.text, a.date, rendering, headlines)
        docs.append(Document(doc_id=a.id, text=text, date=parse_date(a.date)))
    return [e.to_dict() for doc in pipe.run_many(docs) for e in doc.events]


def evaluate(split: str, rendering: str, pipeline=None, bench_dir: Path = BENCH_DIR) -> dict[str, Any]:
    if split not in SPLITS or rendering not in RENDERINGS + STRESS_RENDERINGS:
        raise ValueError(f"split must be one of {SPLITS}, rendering one of {RENDERINGS + STRESS_RENDERINGS}")
    articles = [a for a in load_articles(bench_dir) if a.split == split]
    ids = {a.id for a in articles}
    gold = [g for g in load_gold(bench_dir) if g["doc"] in ids]
    return score(gold, code_articles(articles, rendering, pipeline))
