"""A clause's date is not looked for past site chrome: an update stamp or a caption dates the page,
not the act the next sentence reports (scraped text, where sentence ends are guessed)."""

from __future__ import annotations

from detente import Document, Pipeline, parse_date
from detente.bench.render import scrape


def test_an_update_stamp_does_not_date_the_next_sentence_in_scraped_text() -> None:
    text = ("Updated 4:05 PM GMT, March 3, 2022\n"
            "Russian troops shelled the northern city of Kharkiv overnight, Ukrainian officials said.")
    doc = Pipeline().run(Document(doc_id="d", text=scrape(text), date=parse_date("2022-03-05")))
    shelling = [e for e in doc.events if e.cameo.startswith("19")]
    assert shelling and all(e.date == "2022-03-05" for e in shelling)
