"""Actor recognition (session 23): a known person's given name does not name someone else."""

import datetime as dt

from detente.model import Document

_TEXT = (
    "Prime Minister David Cameron met the Polish president on Monday. "
    "David Okonkwo, an analyst at a London think tank, said the visit was overdue. "
    "Later David said he expected more talks."
)


def _linked(pipeline, text: str) -> list[str]:
    """The spans the pipeline takes for David Cameron."""
    doc = pipeline.run_until(Document("t", text, dt.date(2015, 11, 5)), "recognise_actors")
    return [doc.span_text(m.start, m.end) for m in doc.mentions if m.actor.name == "David Cameron"]


def test_a_given_name_before_another_surname_is_not_the_known_person(pipeline):
    """ "David Okonkwo" is someone else; a lone "David" later is still Cameron."""
    linked = _linked(pipeline, _TEXT)
    assert linked[0] == "Prime Minister David Cameron"
    assert len(linked) == 2 and _TEXT.count("David") == 3


def test_a_given_name_before_another_surname_in_scraped_text(pipeline):
    text = "prime minister david cameron met the polish president david okonkwo an analyst said the visit was overdue"
    assert _linked(pipeline, text) == ["prime minister david cameron"]
