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
