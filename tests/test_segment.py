"""Clause segmentation and site chrome, on text without capitals or punctuation."""

import datetime as dt

from detente.model import Document


def segments(pipeline, text):
    doc = pipeline.run_until(Document("t", text, dt.date(2015, 4, 30)), "segment")
    return doc, [(doc.span_text(s.start, s.end), s.chrome) for s in doc.segments]


def chrome_and_body(pipeline, text):
    """The text of the chrome segments and of the rest, each joined."""
    _, segs = segments(pipeline, text)
    return " ".join(s for s, c in segs if c), " ".join(s for s, c in segs if not c)


def test_punctuation_ends_sentences_in_clean_text(pipeline):
    _, segs = segments(pipeline, "Russia protested. China agreed to talks.")
    assert [s for s, _ in segs] == ["Russia protested", "China agreed to talks"]


def test_clause_words_and_new_subjects_cut_scraped_text(pipeline):
    _, segs = segments(
        pipeline,
        "the talks ended on thursday the two sides agreed to meet again while japan stayed away "
        "by 2025 russia has been trying hard to rebuild its rocket industry",
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
    chrome, body = chrome_and_body(pipeline, text)
    assert "mayor wins budget vote" in chrome and "storm closes schools" in chrome
    assert "copyright 2015" in chrome and "reprint permission" in chrome
    assert "china and russia began naval drills on monday" in body
    assert "sign in" in chrome and "china and russia hold naval drills" in body


def test_other_sites_sidebar_headings_are_chrome(pipeline):
    text = (
        "skip to navigation china and russia hold naval drills read next mayor wins budget vote "
        "storm closes schools china and russia began naval drills on monday more on this story "
        "farmers protest new tax russia sent three ships comments are closed"
    )
    chrome, body = chrome_and_body(pipeline, text)
    assert "mayor wins budget vote" in chrome and "farmers protest new tax" in chrome
    assert "skip to navigation" in chrome and "comments are closed" in chrome
    assert "china and russia began naval drills on monday" in body and "russia sent three ships" in body

SIDEBAR_ARTICLE = (
    "japan and south korea held talks in tokyo on tuesday on the future of their security cooperation as tensions "
    "with north korea rose japanese foreign minister yoko kamikawa met her south korean counterpart park jin for more "
    "than two hours officials said the two ministers agreed to resume regular military exchanges that were suspended "
    "four years ago south korea said the meeting was constructive and called on japan to address the legacy of "
    "wartime forced labour japan said it would consider the request "
    "brazil coffee exports hit record high floods strand villagers in kenya after river bursts banks canada wildfire "
    "season starts early "
    "north korea fired two ballistic missiles into the sea off its east coast on monday the japanese defence ministry "
    "said tokyo condemned the launch south korea said it would strengthen its watch with the united states the "
    "united states japan and south korea have held joint naval drills three times this year pyongyang has accused "
    "the three countries of preparing an invasion analysts in seoul said the talks in tokyo showed that the two "
    "governments want to put their disputes over history aside while the threat from the north grows a summit of "
    "the leaders of the two countries is expected later this year officials in both capitals said no date has been "
    "set and that the agenda would include trade with china and russia as well as the war in ukraine"
)


def test_sidebar_headlines_without_a_heading_are_chrome(pipeline):
    """Three countries the article never discusses, a few words apart: headlines a site put in the body."""
    _, segs = segments(pipeline, SIDEBAR_ARTICLE)
    chrome = " ".join(text for text, is_chrome in segs if is_chrome)
    assert "brazil coffee exports" in chrome and "canada wildfire" in chrome
    # the article on either side stays: no event is lost to the sidebar
    assert "japan said it would consider the request" not in chrome and "north korea fired" not in chrome
    events = pipeline.run(Document("t", SIDEBAR_ARTICLE, dt.date(2024, 3, 5))).events
    assert not [e for e in events if "brazil" in e.evidence.text or "kenya" in e.evidence.text]


def test_countries_in_sidebar_headlines_are_no_party_to_the_article(pipeline):
    """Recognised, but never an antecedent, a topic or an implied target."""
    from detente.actors.topics import article_mentions, topic_keys

    doc = pipeline.run(Document("t", SIDEBAR_ARTICLE, dt.date(2024, 3, 5)))
    assert {"BRA", "KEN", "CAN"} <= {m.actor.key for m in doc.mentions}
    keys = {m.actor.key for m in article_mentions(doc)}
    assert not keys & {"BRA", "KEN", "CAN"} and {"JPN", "KOR", "PRK"} <= keys
    assert not topic_keys(doc) & {"BRA", "KEN", "CAN"}


def test_a_country_repeated_across_headlines_does_not_end_the_sidebar(pipeline):
    """A story several headline blocks repeat names its country three times; it stands between the
    others without hiding them."""
    repeated = SIDEBAR_ARTICLE.replace(
        "brazil coffee exports hit record high floods strand villagers in kenya after river bursts banks canada "
        "wildfire season starts early ",
        "brazil coffee exports hit record high india monsoon rains arrive early floods strand villagers in kenya "
        "after river bursts banks india tea prices climb canada wildfire season starts early india cricket team "
        "wins series ",
    )
    _, segs = segments(pipeline, repeated)
    chrome = " ".join(text for text, is_chrome in segs if is_chrome)
    assert "brazil coffee exports" in chrome and "kenya after river" in chrome and "canada wildfire" in chrome
    assert "japan said it would consider the request" not in chrome and "north korea fired" not in chrome


def test_countries_listed_in_a_sentence_are_not_a_sidebar(pipeline):
    listed = SIDEBAR_ARTICLE.replace(
        "brazil coffee exports hit record high floods strand villagers in kenya after river bursts banks canada "
        "wildfire season starts early ",
        "diplomats from brazil said the talks would cover trade and diplomats from kenya and canada said the same ",
    )
    _, segs = segments(pipeline, listed)
    assert not [text for text, is_chrome in segs if is_chrome]


def test_a_short_text_naming_many_countries_is_no_sidebar(pipeline):
    text = "brazil signed a trade deal with kenya on monday while canada stayed away from the talks"
    _, segs = segments(pipeline, text)
    assert not [text for text, is_chrome in segs if is_chrome]


NEWS_BRIEFS = """Pakistan's army said its soldiers had killed seven militants in a raid near the Afghan border.
The Taliban government has banned girls from attending secondary school in Kabul and other cities.
Thousands of protesters marched through Tbilisi on Sunday against a law on foreign agents.
France recalled its ambassador to Australia after the submarine deal collapsed last week.
Iran seized an oil tanker in the Gulf of Oman on Thursday, the US navy said.
Japan and South Korea signed an agreement to share military intelligence on Friday.
Poland expelled a Russian diplomat over suspected espionage, the foreign ministry in Warsaw said.
Hamas accused Israel of blocking aid deliveries into Gaza, where aid agencies say famine is spreading.
North Korea fired two ballistic missiles into the sea off its east coast, South Korea's military said.
Venezuela's government arrested dozens of opposition activists after the disputed election in July.
Turkey's foreign minister held talks with his Russian counterpart in Ankara on the war in Ukraine.
Brazil and Argentina agreed to cut tariffs on steel, their trade ministers said in a joint statement.
The sanctions, announced by the US Treasury on Thursday, target dozens of Iranian companies.
Officials in Seoul said the North had conducted artillery drills near the maritime border.
The talks between Armenia and Azerbaijan, hosted by the United States, ended without a deal.
Moscow responded by expelling 10 British diplomats.
Modi is expected to meet Putin at the summit in Kazan next week.
The Philippines accused Chinese coast guard vessels of firing water cannon at its supply boat.
Russia vetoed a UN security council resolution demanding a ceasefire in Gaza."""


def test_punctuated_news_briefs_are_prose_not_a_sidebar(pipeline):
    """Short news items about many countries, each line ending with a full stop: sentences, not the
    unpunctuated headlines a site inserts, so none of them is chrome."""
    _, segs = segments(pipeline, NEWS_BRIEFS)
    assert not [text for text, is_chrome in segs if is_chrome]
    events = pipeline.run(Document("t", NEWS_BRIEFS, dt.date(2024, 3, 5))).events
    assert {"FRA", "POL", "PRK"} <= {e.source.country for e in events if e.source}


def test_a_subheading_glued_to_its_paragraph_is_chrome(pipeline):
    text = (
        "Aleppo Truce Collapses-Fighting resumed in Aleppo on Wednesday.\n"
        "Trading blame-Russia blamed the rebels for wrecking the ceasefire.\n"
        "The head of al-Azhar university called on the police to act."
    )
    _, segs = segments(pipeline, text)
    chrome = [s for s, is_chrome in segs if is_chrome]
    assert chrome == ["Trading blame"]  # not the title, not "The head of al-Azhar"
    events = pipeline.run(Document("t", text, dt.date(2016, 12, 14))).events
    assert not any(e.evidence.text.startswith("Trading") for e in events)
    assert any(e.source.country == "RUS" and e.cameo.startswith("112") for e in events)


def test_an_adverb_set_off_by_commas_starts_no_clause(pipeline):
    _, segs = segments(pipeline, "Israel, meanwhile, warned against any deal. However, Iran agreed to talks.")
    assert [s for s, _ in segs] == ["Israel, meanwhile, warned against any deal", "However, Iran agreed to talks"]


def test_a_comma_and_a_new_subject_start_a_clause(pipeline):
    _, segs = segments(pipeline, "Rebels shelled the town, and Syrian troops were sent to the city.")
    assert [s for s, _ in segs] == ["Rebels shelled the town, and", "Syrian troops were sent to the city"]
