import json

import pytest

from detente.errors import LexiconErrors
from detente.lexicon.load import load_jsonl, normalise_phrase
from detente.lexicon.matcher import PhraseMatcher, TokenText
from detente.lexicon.schemas import CountryRecord, PatternRecord
from detente.resources import load_resources


def test_normalise_phrase():
    assert normalise_phrase("U.S.-Japan  pact") == "u s japan pact"


def test_every_bad_line_is_reported_with_file_and_line(tmp_path):
    path = tmp_path / "countries.jsonl"
    good = {"code": "RUS", "name": "Russia", "kind": "state", "names": ["russia"]}
    path.write_text(
        "# comment\n"
        + json.dumps(good)
        + "\n"
        + '{"code": "rus", "name": "x", "kind": "state", "names": ["x"]}\n'
        + "{not json\n"
        + json.dumps({**good, "colour": "red"})
        + "\n"
        + json.dumps({**good, "names": ["Russia!"]})
        + "\n"
    )
    with pytest.raises(LexiconErrors) as info:
        load_jsonl(path, CountryRecord)
    lines = str(info.value).splitlines()
    assert [line.split(":")[1] for line in lines] == ["3", "4", "5", "6"]
    assert all(line.startswith(str(path)) for line in lines)
    assert "normalised" in lines[3]


def test_pattern_syntax_is_checked():
    with pytest.raises(ValueError):
        PatternRecord(code="190", pattern="* attack+")
    with pytest.raises(ValueError):
        PatternRecord(code="190", pattern="Attack+")
    assert PatternRecord(code="057", pattern="sign+ *3 treaty|pact").code == "057"


def test_phrase_matcher_respects_word_boundaries():
    m = PhraseMatcher([("iran", "IRN"), ("iraq", "IRQ"), ("united states", "USA")])
    hits = m.find(TokenText(["the", "iranian", "and", "united", "states", "iraq"]))
    assert [(s, e, v) for s, e, v in hits] == [(3, 5, ["USA"]), (5, 6, ["IRQ"])]


def test_bundled_data_loads():
    res = load_resources()
    assert len(res.countries) >= 193
    assert len(res.cameo) >= 300
    assert "RUS" in res.countries and "SUN" in res.countries


def test_no_person_name_is_also_a_place_or_state():
    res = load_resources()
    clashes = [
        phrase
        for phrase, entries in res.actor_matcher.phrases.items()
        if {e.kind for e in entries} >= {"person"}
        and {e.kind for e in entries} & {"country", "capital", "place", "adjective", "people", "seat"}
    ]
    assert clashes == []


def test_heads_of_state_or_government_for_every_state_the_tests_name():
    res = load_resources()
    have = {where for where, office in res.terms_by_office if office in ("head_of_state", "head_of_government")}
    for code in (
        "USA",
        "RUS",
        "CHN",
        "GBR",
        "FRA",
        "DEU",
        "JPN",
        "IND",
        "BRA",
        "UKR",
        "IRN",
        "ISR",
        "PSE",
        "BOL",
        "MLT",
    ):
        assert code in have, code


def test_guard_phrases_are_checked_and_reported_with_file_and_line(tmp_path):
    assert PatternRecord(code="040", pattern="meet+", not_followed_by=["*2 requirement+"]).not_followed_by
    with pytest.raises(ValueError):
        PatternRecord(code="040", pattern="meet+", not_followed_by=["requirement+ *2"])  # a gap after
    with pytest.raises(ValueError):
        PatternRecord(code="040", pattern="meet+", not_preceded_by=["*2 keep+"])  # a gap before
    with pytest.raises(ValueError):
        PatternRecord(code="040", pattern="meet+", not_preceded_by=["*2"])  # no word
    path = tmp_path / "patterns-x.jsonl"
    bad = {"code": "040", "pattern": "meet+", "not_followed_by": ["Those"]}
    path.write_text(json.dumps({"code": "040", "pattern": "meet+"}) + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(LexiconErrors) as info:
        load_jsonl(path, PatternRecord)
    assert f"{path}:2" in str(info.value) and "not_followed_by" in str(info.value)


def test_a_pattern_may_not_start_with_a_placeholder():
    assert PatternRecord(code="192", pattern="seize+ <place>").pattern == "seize+ <place>"
    with pytest.raises(ValueError):
        PatternRecord(code="192", pattern="<place> seize+")
    with pytest.raises(ValueError):
        PatternRecord(code="192", pattern="seize+ <Place>")
