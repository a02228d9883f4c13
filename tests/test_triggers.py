"""Event pattern compilation and matching."""

import datetime as dt

from detente.lexicon.matcher import TokenText
from detente.lexicon.patterns import PatternMatcher, compile_pattern, inflections
from detente.lexicon.schemas import PatternRecord
from detente.model import Document


def triggers(pipeline, text):
    doc = pipeline.run_until(Document("t", text, dt.date(2015, 4, 30)), "find_triggers")
    return [(doc.span_text(t.start, t.end).lower(), t.cameo) for t in doc.triggers]


def test_inflections_cover_verbs_nouns_and_stems():
    assert {"agree", "agrees", "agreed", "agreeing"} <= inflections("agree")
    assert {"attack", "attacks", "attacked"} <= inflections("attack")
    assert {"negotiate", "negotiated", "negotiation"} <= inflections("negotiat")


def test_gaps_and_alternatives():
    pattern = compile_pattern(PatternRecord(code="057", pattern="sign+ *3 treaty|pact"))
    assert pattern.gaps == (3,) and "signed" in pattern.parts[0][0] and "pact" in pattern.parts[1][0]
    assert pattern.weight == 2


def test_more_specific_pattern_wins(pipeline):
    found = triggers(pipeline, "A suicide bombing killed ten people in Baghdad.")
    assert ("suicide bombing", "1831") in found


def test_adjectival_participle_is_no_trigger(pipeline):
    found = triggers(pipeline, "Soldiers patrolled the occupied West Bank.")
    assert not any(t.startswith("occupied") for t, _ in found)


def test_no_trigger_inside_chrome(pipeline):
    found = triggers(pipeline, "top stories senator attacks rival")
    assert found == []


def test_every_pattern_code_is_a_known_cameo_code(pipeline):
    res = pipeline.resources
    assert all(p.code in res.cameo for p in res.pattern_records)
    reachable = {p.code for p in res.pattern_records}
    assert len(reachable) >= 150 and {c[:2] for c in reachable} >= {f"{r:02d}" for r in range(1, 21)}


def test_a_pattern_inside_an_organisations_own_name_is_no_trigger(pipeline):
    found = triggers(pipeline, "The Popular Mobilization Forces attacked Islamic State positions.")
    assert all("mobilization" not in text for text, _ in found)
    assert any(code.startswith("19") for _, code in found)


def _hits(records: list[PatternRecord], sentence: str) -> list[str]:
    words = sentence.split()
    hits = PatternMatcher(records).find(TokenText(words), words, [len(words)] * len(words))
    return [" ".join(words[h.start : h.end]) for h in hits]


def test_a_hit_followed_or_preceded_by_a_guard_phrase_is_vetoed():
    host = PatternRecord(code="043", pattern="host+", not_preceded_by=["a"], not_followed_by=["of"])
    assert _hits([host], "qatar hosted the talks") == ["hosted"]
    assert _hits([host], "fought a host of rebel groups") == []
    assert _hits([host], "the host of the talks") == []  # either guard alone vetoes
    meet = PatternRecord(code="040", pattern="meet+", not_followed_by=["*2 requirement+"])
    assert _hits([meet], "unlikely to meet those new requirements") == []
    assert _hits([meet], "will meet the three new requirements") == ["meet"]  # beyond the reach of *2
    keep = PatternRecord(code="030", pattern="promise+", not_preceded_by=["keep+ *2"])
    assert _hits([keep], "iran kept all its promises") == []
    assert _hits([keep], "iran promised to keep the deal") == ["promised"]


def test_a_guard_is_looked_for_inside_the_clause_only():
    words = ["talks", "ended", "|", "a", "host", "arrived"]
    host = PatternRecord(code="043", pattern="host+", not_followed_by=["arrived"], not_preceded_by=["ended *2"])
    limit_of = [3, 3, 3, 6, 6, 6]  # two clauses: words 0-2 and 3-5
    assert len(PatternMatcher([host]).find(TokenText(words), words, limit_of)) == 0  # vetoed: "arrived"
    host = PatternRecord(code="043", pattern="host+", not_preceded_by=["ended *2"])
    assert len(PatternMatcher([host]).find(TokenText(words), words, limit_of)) == 1


def test_a_place_placeholder_matches_a_named_place_only():
    seize = PatternRecord(code="192", pattern="seize+ <place>")
    assert compile_pattern(seize).gaps == (0,)  # the placeholder starts a part of its own
    words = ["taliban", "seized", "kabul"]
    matcher = PatternMatcher([seize])
    assert len(matcher.find(TokenText(words), words, [3, 3, 3], ["", "", "<place>"])) == 1
    assert matcher.find(TokenText(words), words, [3, 3, 3]) == []  # untagged: a plain word


def test_capturing_a_named_place_is_a_trigger_but_not_seizing_goods(pipeline):
    assert ("seized kabul", "192") in triggers(pipeline, "The Taliban seized Kabul on Sunday.")
    assert not any(code == "192" for _, code in triggers(pipeline, "Police seized Afghan weapons in Kabul."))
