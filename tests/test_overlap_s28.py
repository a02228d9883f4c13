"""Session 28: a pattern hit that loses an overlap stays with the winner as its alternate."""

from __future__ import annotations

from detente import Document, Pipeline


def _triggers(pipe: Pipeline, text: str):  # noqa: ANN202 - list[Trigger]
    return pipe.run_until(Document(doc_id="t", text=text), "find_triggers").triggers


def test_a_losing_hit_is_kept_as_the_winners_alternate() -> None:
    pipe = Pipeline()
    triggers = _triggers(pipe, "Moscow protested the expulsion of its diplomats.")
    noun = next(t for t in triggers if t.cameo == "166")
    assert [a.cameo for a in noun.alternates] == ["111"]


def test_a_reaction_verb_takes_the_act_noun_it_governs() -> None:
    doc = Pipeline().run(Document(doc_id="t", text="Moscow protested the expulsion of its diplomats."))
    codes = [e.cameo for e in doc.events]
    assert codes == ["111"]
