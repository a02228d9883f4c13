"""A 2020s news page's furniture (session 31): the chrome-web stress rendering of the article
benchmark, and the captions, update stamps, datelines and embedded posts the segmenter marks as
chrome."""

import hashlib

from detente.bench.render import load_furniture, render, scrape, with_web_chrome

_TEXT = (
    "Japan and China Hold Fishing Talks-TOKYO \u2014 Japan and China held talks on fishing rights on Monday.\n"
    "The Japanese foreign minister said the two sides agreed to meet again next month.\n"
    "A Chinese spokesman said Beijing wanted a lasting deal on the disputed waters.\n"
    "Both countries claim the islands, which lie in rich fishing grounds."
)
_HEADLINES = [
    "Russia warns Japan over island drills", "Kenya and Uganda sign rail deal", "Iran frees seized tanker",
    "Peru expels Mexican envoy", "Chile and Bolivia resume talks", "Nepal floods kill dozens",
]
# sha1 of each rendering of _TEXT before chrome-web was added: the four renderings stay byte-identical
_BEFORE = {
    "clean": "c749756123a2da9f026e5d57bd86ebc966101376",
    "scraped": "6d369616ba6cf4d319a0684445e6fdc7db8a420f",
    "chrome": "c8073de515a2b702d68f629571ccc1fd4ee60683",
    "chrome-news": "2fb6bac954b2c8445a4fc56f864cc4374ebfaad1",
}


def test_the_earlier_renderings_are_unchanged() -> None:
    for rendering, digest in _BEFORE.items():
        text = render("doc-7", _TEXT, "2016-05-01", rendering, _HEADLINES)
        assert hashlib.sha1(text.encode()).hexdigest() == digest, rendering


def test_the_furniture_file_has_every_kind_and_about_150_items() -> None:
    items = load_furniture()
    kinds = {"caption", "gallery", "byline", "dateline", "stamp", "ad", "link", "social", "trailer", "bio",
             "promo", "tags", "comments", "cookie"}
    assert set(items) == kinds
    assert sum(len(v) for v in items.values()) >= 150


def test_web_chrome_keeps_the_article_in_order_and_adds_furniture_where_sites_put_it() -> None:
    items = load_furniture()
    page = with_web_chrome("doc-7", _TEXT, "2016-05-01", items)
    assert page == with_web_chrome("doc-7", _TEXT, "2016-05-01", items)  # seeded by the article id
    lines = page.split("\n")
    paragraphs = _TEXT.split("\n")
    found = [next(k for k, line in enumerate(lines) if line.endswith(p)) for p in paragraphs]
    assert found == sorted(found)
    furniture = {text for texts in items.values() for text in texts}
    assert any(line in furniture for line in lines[found[-1] + 1 :])  # trailers last
    assert len(lines) > len(paragraphs) + 2
    assert render("doc-7", _TEXT, "2016-05-01", "chrome-web", []) == scrape(page)


def test_web_chrome_differs_between_articles() -> None:
    items = load_furniture()
    assert with_web_chrome("doc-7", _TEXT, "2016-05-01", items) != with_web_chrome("doc-8", _TEXT, "2016-05-01", items)
