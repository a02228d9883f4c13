"""Event pattern compilation and matching."""

import datetime as dt

from detente.lexicon.patterns import compile_pattern, inflections
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
