"""The news articles written for detente that the sentence-end model can train on
(benchmarks/written/news-articles.jsonl, read by scripts/train_sentence_ends.py --news-copies)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "benchmarks" / "written" / "news-articles.jsonl"
SHARED = ROOT.parent / "shared" / "corpora"
_ENDS_A_SENTENCE = re.compile(r"""[.!?]["'\u201d\u2019)]*$""")


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _rows() -> list[dict]:
    return [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_article_has_an_id_a_style_a_headline_and_whole_sentences() -> None:
    rows = _rows()
    assert len(rows) > 1000
    assert len({row["id"] for row in rows}) == len(rows)
    assert {row["style"] for row in rows} == {"wire", "web"}
    for row in rows:
        assert row["title"].strip() and "\n" not in row["title"], row["id"]
        assert 12 <= len(row["sentences"]) <= 40, row["id"]
        assert all(_ENDS_A_SENTENCE.search(s) for s in row["sentences"]), row["id"]


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/corpora not here")
def test_no_sentence_comes_from_the_voa_articles_or_the_treebank() -> None:
    """The VOA articles score the sentence-end model and EWT trains it: none of their sentences may
    be in text the project calls its own."""
    theirs = set()
    for line in (SHARED / "voa-dev.jsonl").read_text(encoding="utf-8").splitlines():
        theirs.update(_key(s) for s in json.loads(line)["text"].split("\n") if len(s.split()) >= 6)
    for path in (SHARED / "ud-english-ewt").glob("*.conllu"):
        lines = path.read_text(encoding="utf-8").splitlines()
        theirs.update(_key(t[9:]) for t in lines if t.startswith("# text = ") and len(t.split()) >= 9)
    ours = {_key(s) for row in _rows() for s in row["sentences"] if len(s.split()) >= 6}
    assert not theirs & ours


def test_the_trainer_reads_headline_and_body_scraped_and_is_off_by_default() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_sentence_ends as trainer

    one, two = trainer.news_documents(1), trainer.news_documents(2)
    assert len(one) == len(_rows()) and len(two) == 2 * len(one)
    first = _rows()[0]
    assert one[0][0] == re.findall(r"[a-z0-9]+", first["title"].lower())
    assert len(one[0]) == 1 + len(first["sentences"])
    assert all(w.isalnum() and w == w.lower() for doc in one[:50] for s in doc for w in s)
    assert sorted(map(tuple, two[len(one)])) == sorted(map(tuple, one[0]))  # a shuffled copy
    assert trainer.NEWS_COPIES == 0 and trainer.news_documents(0) == []
