"""Clause segmentation and site chrome, on text without capitals or punctuation."""

import datetime as dt

from detente.model import Document


def segments(pipeline, text):
    doc = pipeline.run_until(Document("t", text, dt.date(2015, 4, 30)), "segment")
    return doc, [(doc.span_text(s.start, s.end), s.chrome) for s in doc.segments]


def test_punctuation_ends_sentences_in_clean_text(pipeline):
    _, segs = segments(pipeline, "Russia protested. China agreed to talks.")
    assert [s for s, _ in segs] == ["Russia protested", "China agreed to talks"]


def test_clause_words_and_new_subjects_cut_scraped_text(pipeline):
    _, segs = segments(
        pipeline,
        "the talks ended on thursday the two sides agreed to meet again while japan stayed away "
        "by 2024 russia has been trying to revive its space program",
    )
    texts = [s for s, _ in segs]
    assert "the two sides agreed to meet again" in texts
    assert any(t.startswith("while japan") for t in texts)
    assert any(t.startswith("russia has been trying") for t in texts)


def test_hyphenated_compound_is_not_a_new_clause(pipeline):
    _, segs = segments(pipeline, "The army shelled Albanian rebel-held territory.")
    assert len(segs) == 1


def test_sidebar_headlines_are_chrome_until_the_article_returns(pipeline):
    text = (
        "sign in china and russia hold naval drills manage newsletters top stories mayor wins "
        "budget vote storm closes schools china and russia began naval drills on monday russia "
        "sent three ships copyright 2015 the daily news click here for reprint permission"
    )
    _, segs = segments(pipeline, text)
    chrome = " ".join(s for s, c in segs if c)
    body = " ".join(s for s, c in segs if not c)
    assert "mayor wins budget vote" in chrome and "storm closes schools" in chrome
    assert "copyright 2015" in chrome and "reprint permission" in chrome
    assert "china and russia began naval drills on monday" in body
    assert "sign in" in chrome and "china and russia hold naval drills" in body
