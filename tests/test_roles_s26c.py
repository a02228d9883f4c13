"""Role binding, session 26 (third round): whose country a sector noun takes."""

import datetime as dt

from detente.model import Document


def _targets(pipeline, text: str) -> set[str]:
    events = pipeline.run(Document("t", text, dt.date(2024, 5, 1))).events
    return {e.target.code for e in events if e.target and e.target.code}


def test_victims_do_not_take_the_country_of_whoever_acted_on_them_by(pipeline):
    # "the detention of aid workers by | sudanese troops": the troops' country is the doers', not
    # the aid workers'; the reaction is aimed at the troops
    for text in (
        "The EU deplored the detention of aid workers by Sudanese troops.",
        "The UN condemned the killing of two aid workers by Israeli forces.",
    ):
        codes = _targets(pipeline, text)
        assert codes and not any(c.endswith("NGO") for c in codes), (text, codes)
