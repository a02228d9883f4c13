"""Role binding, session 26 (second round): clauses that a relative clause sits inside."""

import datetime as dt

from detente.model import Document


def _codes(pipeline, text: str) -> set[str]:
    events = pipeline.run(Document("t", text, dt.date(2024, 5, 1))).events
    return {f"{e.source.country} {e.cameo[:2]} {e.target.country if e.target else '-'}" for e in events}


def test_a_main_verb_after_a_relative_clause_on_its_subject_is_its_own_event(pipeline):
    # the comma closing "which has mediated ..." ends the relative clause: "condemned" is the main
    # clause's own act, not a later trigger of the clause that reports "mediated"
    codes = _codes(pipeline, "Egypt, which has mediated between Israel and Hamas, condemned the Israeli raid on Jenin.")
    assert "EGY 11 ISR" in codes, codes
    assert "EGY 04 ISR" in codes, codes
