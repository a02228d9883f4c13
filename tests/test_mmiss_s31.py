"""Session 31 (modern misses): a sector word that a foreign speaker presses is the article's own country's."""

from __future__ import annotations

from detente import Document, Pipeline, parse_date

_PIPE = Pipeline()

_MYANMAR = (
    "Myanmar's army seized power in a coup.\n"
    "The Myanmar army detained Aung San Suu Kyi and other leaders in Myanmar on Monday.\n"
)


def _events(text: str, date: str) -> list[tuple[str, str, str]]:
    doc = _PIPE.run(Document(doc_id="t", text=text, date=parse_date(date)))
    key = lambda a: (a.country or a.org or "") if a else ""  # noqa: E731
    return [(key(e.source), e.cameo[:2], key(e.target)) for e in doc.events]


def test_foreign_appeal_to_the_military_is_to_the_home_country() -> None:
    text = _MYANMAR + "U.S. Secretary of State Antony Blinken called on the military to release all officials.\n"
    assert ("USA", "02", "MMR") in _events(text, "2021-02-02")


def test_foreign_condemnation_of_the_army_is_of_the_home_country() -> None:
    text = _MYANMAR + "Japan's foreign minister urged the army to free the detained leaders at once.\n"
    assert any(s == "JPN" and t == "MMR" for s, _, t in _events(text, "2021-02-02"))


def test_the_speakers_own_military_stays_his_own_at_home() -> None:
    text = (
        "U.S. officials met in Washington on Monday.\nThe United States says its troops will stay.\n"
        "U.S. Defense Secretary Lloyd Austin urged the military to speed up recruitment.\n"
    )
    assert not any(t == "MMR" for _, _, t in _events(text, "2023-02-02"))
