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


def _chrome_words(pipeline, text: str, scraped: bool = True) -> str:  # noqa: ANN001 - the conftest Pipeline
    import datetime as dt

    from detente.model import Document

    doc = pipeline.run_until(Document("t", scrape(text) if scraped else text, dt.date(2023, 6, 1)), "segment")
    return " | ".join(doc.span_text(s.start, s.end) for s in doc.segments if s.chrome)


_BODY = (
    "The two governments agreed on Tuesday to extend the grain corridor for another year, officials in "
    "the port city said, adding that the ships would sail under naval escort and that insurers had "
    "agreed to cover the cargoes for the whole season.\n"
)


def test_a_caption_with_its_date_and_credit_is_chrome(pipeline) -> None:  # noqa: ANN001
    caption = (
        "Polish President Andrzej Duda, right, greets Lithuanian President Gitanas Nauseda at a summit in "
        "Vilnius, Lithuania, July 11, 2023. (AP Photo/Mindaugas Kulbis)"
    )
    for scraped in (True, False):
        chrome = _chrome_words(pipeline, _BODY + caption, scraped)
        assert "greets lithuanian president" in chrome.lower()
        assert "grain corridor" not in chrome.lower()


def test_a_date_followed_by_prose_about_an_agency_is_no_caption(pipeline) -> None:  # noqa: ANN001
    text = _BODY + "The ministers met in Geneva on March 3, 2016. Reuters reported that the two sides made progress."
    assert "geneva" not in _chrome_words(pipeline, text)
    # an AP caption opening ("in this march 16 2012 file photo, <body>") names no credit after its date
    text = _BODY + "FILE - In this Tuesday, June 5, 2018 file photo, a man sells bread at a market in the capital."
    assert "man sells bread" not in _chrome_words(pipeline, text)


def test_an_embedded_post_is_chrome_to_its_signature(pipeline) -> None:  # noqa: ANN001
    post = "We condemn the strikes on the port in the strongest terms. — Annalena Baerbock (@ABaerbock) July 20, 2023"
    chrome = _chrome_words(pipeline, _BODY + post)
    assert "we condemn the strikes" in chrome and "abaerbock july 20 2023" in chrome


def test_an_update_stamp_is_chrome_and_a_verb_published_is_not(pipeline) -> None:  # noqa: ANN001
    chrome = _chrome_words(pipeline, "Updated 3:14 PM EDT, Tue May 2, 2023\n" + _BODY)
    assert chrome.startswith("updated 3 14 pm edt tue may 2 2023")
    text = _BODY + "The agency published scores of pages on Friday about the talks."
    assert "published" not in _chrome_words(pipeline, text)


def test_a_dateline_is_chrome_and_prose_with_an_agency_is_not(pipeline) -> None:  # noqa: ANN001
    chrome = _chrome_words(pipeline, "KYIV, Ukraine (AP) — Russian forces fired missiles at cities overnight.")
    assert chrome == "kyiv ukraine ap"
    text = "Officials in Moscow told Reuters on Monday that the talks would resume."
    assert _chrome_words(pipeline, text) == ""


def test_a_trailer_near_the_end_hides_the_rest_of_the_page(pipeline) -> None:  # noqa: ANN001
    tail = (
        "This story has been corrected to show that the talks between Egypt and Qatar took place in Doha.\n"
        "Topics: Egypt, Qatar, diplomacy"
    )
    chrome = _chrome_words(pipeline, _BODY + tail)
    assert chrome.startswith("this story has been corrected") and chrome.endswith("diplomacy")
    assert "grain corridor" not in chrome


def test_a_caption_may_go_on_after_its_date_before_the_credit(pipeline) -> None:  # noqa: ANN001
    caption = (
        "Supporters of the opposition march in Dhaka, Bangladesh, Aug. 5, 2024, after the prime minister "
        "fled the country. REUTERS/Nadia Karim"
    )
    chrome = _chrome_words(pipeline, _BODY + caption)
    assert "supporters of the opposition march" in chrome and "reuters" in chrome
    # a sentence ending in a date is no caption of the credit after another date
    text = _BODY + "The talks ended on Aug. 5, 2024. Aid workers arrive in Dhaka, Aug. 6, 2024. REUTERS/Nadia Karim"
    assert "talks ended" not in _chrome_words(pipeline, text)


def test_a_dateline_does_not_take_the_title_line_before_it(pipeline) -> None:  # noqa: ANN001
    text = "Leaders of Sudan and Chad meet in Egypt\nCAIRO, May 2 (Reuters) - The two presidents met on Tuesday."
    assert _chrome_words(pipeline, text, scraped=False) == "CAIRO, May 2 (Reuters"


def test_a_stamp_runs_through_its_time_zone(pipeline) -> None:  # noqa: ANN001
    chrome = _chrome_words(pipeline, "Last updated: June 17, 2020 09:12 IST\n" + _BODY)
    assert chrome.startswith("last updated june 17 2020 09 12 ist")
