"""The news-register text written for detente that the sentence-end model trains on
(benchmarks/written/sentences.jsonl, read by scripts/train_sentence_ends.py)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WRITTEN = ROOT / "benchmarks" / "written" / "sentences.jsonl"
SHARED = ROOT.parent / "shared" / "corpora"
META = ROOT / "detente" / "models" / "sentence-ends" / "meta.json"


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _rows() -> list[dict]:
    return [json.loads(line) for line in WRITTEN.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_record_says_what_it_is_and_where_it_came_from() -> None:
    rows = _rows()
    assert len(rows) > 1000
    for row in rows:
        assert row["kind"] in {"article", "sentences"}
        assert row["origin"] and row["sentences"]
        assert all(isinstance(s, str) and s.strip() for s in row["sentences"])
    assert sum(row["kind"] == "article" for row in rows) >= 5


def test_no_sentence_is_written_twice() -> None:
    keys = [_key(s) for row in _rows() for s in row["sentences"] if len(_key(s).split()) >= 4]
    assert len(keys) == len(set(keys))


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/corpora not here")
def test_no_sentence_comes_from_the_voa_articles() -> None:
    """The held-apart VOA articles score the model: none of their sentences may be trained on, nor
    the dev articles' (the benchmark's own text is not ours to ship)."""
    voa = set()
    for line in (SHARED / "voa-dev.jsonl").read_text(encoding="utf-8").splitlines():
        voa.update(_key(s) for s in json.loads(line)["text"].split("\n") if len(s.split()) >= 6)
    assert not voa & {_key(s) for row in _rows() for s in row["sentences"]}


def test_the_trainer_reads_it_in_shuffled_copies() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_sentence_ends as trainer

    one, three = trainer.written_documents(1), trainer.written_documents(3)
    words = sum(len(s) for doc in one for s in doc)
    assert words > 40_000
    assert sum(len(s) for doc in three for s in doc) == 3 * words
    assert all(w.isalnum() and w == w.lower() for doc in one[:50] for s in doc for w in s)
    assert one != three[: len(one)] or len(three) == 3 * len(one)


def test_the_shipped_model_is_trained_without_it_by_default() -> None:
    """Three copies won on the selection third but cost the article benchmark (models/README.md):
    the default keeps the shipped weights reproducible."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_sentence_ends as trainer

    assert trainer.WRITTEN_COPIES == 0
    assert trainer.written_documents(0) == []
