"""The accuracy gate on real articles: the coder must not fall below the floors in
benchmarks/articles/floors.json (raised by scripts/raise_floors.py, never lowered)."""

from __future__ import annotations

import json

import pytest

from detente import Pipeline
from detente.bench.articles import (
    BENCH_DIR,
    BENCHMARKS,
    benchmark_available,
    corpus_available,
    load_articles,
    load_gold,
)
from detente.bench.render import load_headlines, render, scrape, with_chrome
from detente.bench.score import actor_matches, match, score

needs_corpus = pytest.mark.skipif(
    not corpus_available(), reason="the article texts come from ../shared/corpora/voa-dev.jsonl, absent here"
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _floor_cases() -> list:
    cases = []
    for name, bench_dir in BENCHMARKS.items():
        path = bench_dir / "floors.json"
        for key in sorted(json.loads(path.read_text())) if path.exists() else ():
            cases.append(pytest.param(name, key, id=f"{name}/{key}"))
    return cases


@pytest.mark.parametrize(("bench", "key"), _floor_cases())
def test_article_benchmark_stays_above_its_floors(bench: str, key: str, pipeline: Pipeline) -> None:
    from detente.bench.articles import evaluate

    bench_dir = BENCHMARKS[bench]
    if not benchmark_available(bench_dir):
        pytest.skip(f"the {bench} benchmark's texts come from ../shared/corpora/voa-dev.jsonl, absent here")
    floors = json.loads((bench_dir / "floors.json").read_text())
    split, rendering = key.split("/")
    measured = evaluate(split, rendering, pipeline, bench_dir)
    for metric, floor in floors[key].items():
        assert measured[metric] >= floor, f"{bench} {key} {metric} {measured[metric]:.3f} fell below {floor:.3f}"


@needs_corpus
def test_benchmark_is_large_enough_and_a_third_is_held_apart() -> None:
    articles = load_articles()
    gold = load_gold()
    held = [a for a in articles if a.split == "heldout"]
    assert len(articles) >= 60 and len(gold) >= 600
    assert len(held) * 3 >= len(articles)
    assert {g["doc"] for g in gold} <= {a.id for a in articles}


def test_scraped_rendering_keeps_only_lowercase_words() -> None:
    assert scrape("Russia's Putin met Xi — in Moscow, on May 8.") == "russia s putin met xi in moscow on may 8"


def test_chrome_rendering_adds_menu_headlines_and_copyright_deterministically() -> None:
    headlines = load_headlines(BENCH_DIR / "chrome-headlines.txt")
    text = "First paragraph.\nSecond paragraph.\nThird paragraph."
    once = with_chrome("doc-1", text, "2016", headlines)
    assert once == with_chrome("doc-1", text, "2016", headlines)
    lines = once.split("\n")
    assert "2016" in lines[-1] and len(lines) >= 3 + 1 + 3
    inserted = [line for line in lines if line in headlines]
    assert 3 <= len(inserted) <= 18
    assert render("doc-1", text, "2016-05-01", "chrome", headlines) == scrape(once)


def test_other_site_chrome_uses_other_furniture_and_the_given_headlines() -> None:
    headlines = [
        "Russia warns Japan over island drills", "Kenya and Uganda sign rail deal", "Iran frees seized tanker",
        "Peru expels Mexican envoy", "Chile and Bolivia resume talks", "Nepal floods kill dozens",
    ]
    text = "First paragraph.\nSecond paragraph.\nThird paragraph."
    ours = with_chrome("doc-1", text, "2016", headlines)
    theirs = with_chrome("doc-1", text, "2016", headlines, other_site=True)
    assert theirs == with_chrome("doc-1", text, "2016", headlines, other_site=True)
    assert theirs.split("\n")[0] != ours.split("\n")[0]  # another site's menu line
    assert any(line in headlines for line in theirs.split("\n"))
    assert render("doc-1", text, "2016-05-01", "chrome-news", headlines) == scrape(theirs)


def _event(doc: str, cameo: str, source: dict, target: dict | None) -> dict:
    return {"doc_id": doc, "cameo": cameo, "source": source, "target": target, "date": "2015-05-08"}


def test_scorer_matches_one_to_one_and_accepts_reciprocal_direction() -> None:
    gold = [
        {"doc": "a", "n": 1, "source": "RUS", "roots": ["04"], "target": "CHN", "date": "2015-05-08",
         "core": True, "reciprocal": True},
        {"doc": "a", "n": 2, "source": "SYR:REB", "roots": ["19", "18"], "target": None, "date": "2015-05",
         "core": False},
    ]
    preds = [
        _event("a", "040", {"country": "CHN"}, {"country": "RUS"}),  # reversed reciprocal meeting
        _event("a", "042", {"country": "CHN"}, {"country": "RUS"}),  # a second prediction: no gold left
        _event("a", "190", {"country": "SYR", "code": "SYRREB"}, {"country": "SYR", "code": "SYR"}),  # gold: no target
    ]
    result = score(gold, preds)
    assert (result["matched"], result["gold_events"], result["pred_events"]) == (2, 2, 3)
    assert result["core_recall"] == 1.0 and result["self_target_share"] == round(1 / 3, 4)
    # rebels acting on their own state: one country, two actors; no gold event has a same-country target
    assert result["same_actor_share"] == 0.0 and result["gold_self_target_share"] == 0.0
    assert result["gold_same_actor_share"] == 0.0
    assert score(gold, [_event("a", "190", {"country": "SYR", "code": "SYR"}, {"country": "SYR", "code": "SYR"})])[
        "same_actor_share"] == 1.0
    assert len(match(gold, preds[1:2])) == 1  # alone, the second meeting would have matched
    # recall by the gold's first root; precision by the root coded (the unmatched 042 counts against 04)
    assert result["per_root_recall"] == {"04": "1/1", "19": "1/1"}
    assert result["per_root_precision"] == {"04": "1/2", "19": "1/1"}


def test_scorer_actor_codes() -> None:
    assert actor_matches("UN", {"org": "UNHCR"})
    assert actor_matches("IMG", {"code": "IMGMUS", "org": "IS"})
    assert actor_matches("USA|IRN", {"country": "IRN"})
    assert not actor_matches("RUS", {"country": "UKR"})


def test_gold_lines_are_checked_with_file_and_line(tmp_path) -> None:
    from detente.errors import InputError

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a1", "text": "Russia and China signed a gas deal."}) + "\n")
    bench = tmp_path / "bench"
    (bench / "gold").mkdir(parents=True)
    (bench / "articles.jsonl").write_text(json.dumps({"id": "a1", "date": "2014-05-21", "split": "dev"}) + "\n")
    good = {"doc": "a1", "n": 1, "source": "RUS", "roots": ["05"], "target": "CHN", "date": "2014-05-21",
            "historical": False, "evidence": "signed a gas deal", "core": True, "reciprocal": True}
    bad = {**good, "n": 2, "roots": ["5"]}
    (bench / "gold" / "batch-0.jsonl").write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(InputError, match=r"batch-0.jsonl:2: .*roots"):
        load_gold(bench, corpus)
    (bench / "gold" / "batch-0.jsonl").write_text(json.dumps(good) + "\n")
    assert [g["n"] for g in load_gold(bench, corpus)] == [1]
    with pytest.raises(InputError, match="VOA corpus"):
        load_articles(bench, tmp_path / "missing.jsonl")


def test_a_benchmark_may_keep_its_texts_in_the_project(tmp_path) -> None:
    from detente.errors import InputError

    bench = tmp_path / "bench"
    bench.mkdir()
    row = {"id": "w1", "date": "2023-03-21", "split": "heldout", "text": "Xi met Putin in Moscow.\nThey signed a deal."}
    (bench / "articles.jsonl").write_text(json.dumps(row) + "\n")
    gold = {"doc": "w1", "n": 1, "source": "CHN", "roots": ["04"], "target": "RUS", "date": "2023-03-21",
            "historical": False, "evidence": "Xi met Putin", "core": True, "reciprocal": True}
    (bench / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    missing = tmp_path / "no-corpus.jsonl"
    assert benchmark_available(bench, missing)
    assert [a.text for a in load_articles(bench, missing)] == [row["text"]]
    assert [g["n"] for g in load_gold(bench, missing)] == [1]
    (bench / "articles.jsonl").write_text(json.dumps({**row, "text": " "}) + "\n")
    with pytest.raises(InputError, match=r"articles.jsonl:1: .*non-empty"):
        load_articles(bench, missing)
    (bench / "articles.jsonl").write_text(json.dumps({**row, "split": "test"}) + "\n")
    with pytest.raises(InputError, match=r"articles.jsonl:1: .*split"):
        load_articles(bench, missing)


def test_the_written_modern_benchmark_loads_without_shared_and_follows_the_split_rule() -> None:
    import hashlib

    from detente.bench.articles import MODERN_DIR

    missing = MODERN_DIR / "no-corpus.jsonl"
    articles = load_articles(MODERN_DIR, missing)
    gold = load_gold(MODERN_DIR, missing)
    assert len(articles) >= 24 and len(gold) >= 300
    for a in articles:
        held = int(hashlib.sha1(a.id.encode()).hexdigest(), 16) % 3 == 0
        assert a.split == ("heldout" if held else "dev"), a.id
    assert {g["doc"] for g in gold} <= {a.id for a in articles}
