"""Role binding, session 26: reactions to an act told earlier, meetings and their hosts."""

import datetime as dt

from detente.model import Document


def _codes(pipeline, text: str) -> set[str]:
    events = pipeline.run(Document("t", text, dt.date(2024, 5, 1))).events
    return {f"{e.source.country} {e.cameo[:2]} {e.target.country if e.target else '-'}" for e in events}


def test_a_reaction_to_the_act_told_before_is_aimed_at_its_doer(pipeline):
    # "the accusation", "the visit", "the move": the act the sentence before told, not the reacting
    # state's own country
    cases = {
        "Washington accused Chinese companies of supplying drones to Russia. Beijing rejected the accusation.": (
            "CHN 12 USA"
        ),
        "Taiwan's president visited Texas. The US State Department criticised the visit.": "USA 11 TWN",
        "Russia expelled two Estonian diplomats on Tuesday. Tallinn expressed concern over the move.": "EST 11 RUS",
    }
    for text, expected in cases.items():
        codes = _codes(pipeline, text)
        assert expected in codes, (text, codes)
        assert not any(c.split()[0] == c.split()[2] for c in codes if c.startswith(expected[:4])), codes


def test_a_reaction_object_naming_its_doer_keeps_it(pipeline):
    # the act noun names whom it concerns: no reaching back
    assert "PAK 12 IND" in _codes(pipeline, "China tested a missile. Pakistan rejected the allegations made by India.")
