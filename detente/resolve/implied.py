"""Sources a clause names in words the actor lists do not know.

"many businesses have criticized the law", "creech denounced the campaign": the clause has a
subject, but no actor the dictionaries know. In an article about one country, such a subject is
most often one of that country's own people.
"""

from __future__ import annotations

from detente.model import Actor, Mention, Trigger
from detente.resolve.roles import VIOLENT_ROOTS
from detente.resolve.syntax import SyntaxView

_FINITE = frozenset(["VBD", "VBZ", "VBP", "VBN"])


def _unknown_subject(syn: SyntaxView, p: int, acts: set[int]) -> bool:
    """The predicate has a noun subject of its own that names no known actor, nor an act ("the
    report alleged", "the agreement called for" are no one's people)."""
    subjects = [c for c in syn.children[p] if syn.dep(c) == "nsubj"]
    return bool(subjects) and all(
        syn.tokens[c].tag.startswith("NN") and c not in syn.mention_at and c not in acts for c in subjects
    )


def unknown_at_home(syn: SyntaxView, trig: Trigger, home: Mention | None, aux: frozenset[str]) -> Mention | None:
    """A non-violent act whose subject names no known actor, in an article about one country: one of
    that country's own people. A passive's subject is what it befell ("its facilities were looted")."""
    if home is None or not syn.parsed or trig.cameo[:2] in VIOLENT_ROOTS:
        return None
    p = syn.predicate(trig)
    # a finite verb tells the act ("businesses have criticized"); "are staging", "in charge of
    # clearing", "willing to support" tell a plan, a duty or a state of mind
    if syn.tokens[p].tag not in _FINITE or syn.is_passive(p) or (trig.start > 0 and syn.words[trig.start - 1] in aux):
        return None
    acts = {i for t in syn.doc.triggers for i in range(t.start, t.end)}
    if not _unknown_subject(syn, p, acts):
        return None
    country = home.actor.country
    people = Actor(text=home.actor.text, code=f"{country}CVL", country=country, sector="CVL")
    return Mention(home.start, home.end, people, "country", inferred=True)
