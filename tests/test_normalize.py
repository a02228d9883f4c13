from detente.normalize import tokenize
from detente.resources import load_resources


def test_clean_and_scraped_give_the_same_words():
    clean = tokenize("The U.S. and China's Mr. Xi met in Beijing; talks went on.")
    scraped = tokenize("the u s and china s mr xi met in beijing talks went on")
    assert [t.text for t in clean] == [t.text for t in scraped]


def test_sentence_breaks_only_where_a_sentence_ends():
    abbreviations = load_resources().cues["abbreviation_stop"]
    tokens = tokenize("U.S. officials met Mr. Putin. Then China spoke of 3.5 billion.", abbreviations)
    breaks = [t.text for t in tokens if t.break_before]
    assert breaks == ["then"]
    # a hyphen after an abbreviation's full stop joins a compound: "the U.S.-led coalition"
    tokens = tokenize("The U.S.-led coalition and U.S.-South Korean drills. Then it ended.", abbreviations)
    assert [t.text for t in tokens if t.break_before] == ["then"]
    # without the data file's abbreviations, "Mr." ends a sentence
    assert [t.text for t in tokenize("They met Mr. Putin.") if t.break_before] == ["putin"]


def test_offsets_point_into_the_original_text():
    text = "Côte d'Ivoire's army"
    tokens = tokenize(text)
    assert tokens[0].text == "cote"
    assert text[tokens[0].start : tokens[0].end] == "Côte"


def test_capitals_are_remembered():
    tokens = tokenize("US troops and us")
    assert tokens[0].upper and not tokens[3].upper


def test_letters_without_accents_to_strip_are_spelled_out():
    words = [t.text for t in tokenize("Yıldırım, Đukanović, Søreide and Strauß met in Łódź.")]
    assert words == ["yildirim", "dukanovic", "soreide", "and", "strauss", "met", "in", "lodz"]


def test_a_crude_scrapers_spelling_of_a_name_is_still_the_person(pipeline):
    from detente.model import Document

    for text in ("Prime Minister Binali Yıldırım criticized Germany", "prime minister binali yldrm criticized germany"):
        doc = pipeline.run_until(Document("t", text), "recognise_actors")
        assert any(m.actor.person_id == "binali-yildirim" for m in doc.mentions), text
