"""Sidebar headlines that name the article's own countries (session 30): a block of them does not end
at the first main actor it names unless the article's grammar (articles, auxiliaries, speech verbs)
comes back with it."""

import datetime as dt

from detente.model import Document

# A scraped page about Ethiopia and Eritrea with a "read next" block whose headlines name both.
_PAGE = (
    "ethiopia and eritrea signed a border agreement in asmara on sunday ending a dispute that had "
    "kept the two countries apart for two decades the ethiopian prime minister said the accord "
    "would reopen trade routes and the eritrean information minister said troops would withdraw "
    "from the disputed town of badme within months read next eritrea accuses ethiopia of troop "
    "buildup near border ethiopia expels eritrean diplomats over spy claims kenya floods displace "
    "thousands in rift valley uganda coffee prices hit record high on strong demand "
    "eritrea s information minister said the agreement had been welcomed by the african union "
    "which had mediated between the two countries"
)


def _coded(pipeline, text: str) -> list[tuple[str, str, str]]:
    doc = pipeline.run(Document("t", text, dt.date(2018, 9, 17)))
    return [(e.source.code, e.cameo[:2], e.target.code if e.target else "") for e in doc.events]


def _chrome(pipeline, text: str) -> str:
    doc = pipeline.run_until(Document("t", text, dt.date(2018, 9, 17)), "segment")
    return " ".join(doc.span_text(s.start, s.end) for s in doc.segments if s.chrome)


def test_headlines_naming_the_articles_countries_stay_chrome(pipeline):
    chrome = _chrome(pipeline, _PAGE)
    assert "eritrea accuses ethiopia of troop buildup" in chrome
    assert "ethiopia expels eritrean diplomats" in chrome
    coded = _coded(pipeline, _PAGE)
    assert not any(root in ("11", "16") for _, root, _ in coded), coded  # the headlines' accusation, expulsion


def test_the_article_after_the_block_is_coded(pipeline):
    chrome = _chrome(pipeline, _PAGE)
    assert "information minister said the agreement" not in chrome
    assert "signed a border agreement" not in chrome
    assert any(root == "05" or root == "03" or root == "04" for _, root, _ in _coded(pipeline, _PAGE))
