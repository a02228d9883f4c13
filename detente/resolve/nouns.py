"""Event nouns the clause only talks about: read off the parse, for the trigger rejection in build.py.

A noun names an act; whether the clause reports that act depends on what the clause does with the
noun. These checks find the nouns that a clause characterises rather than reports.
"""

from __future__ import annotations

from detente.model import Trigger
from detente.resolve.syntax import SyntaxView

_SUBJECTS = frozenset(["nsubj", "nsubj:pass"])


def copular_subject(syn: SyntaxView, p: int, trig: Trigger) -> bool:
    """ "the fighting ... is the worst outbreak of violence", "the new sanctions are a culmination of",
    "the investigation is still ongoing": an event noun that is the subject of "be" with a noun or
    adjective after it says what the act is like, not that it happened (wrong on all of the dev
    articles' events read this way)."""
    head = syn.head(p)
    if not syn.tokens[p].tag.startswith("NN") or syn.dep(p) not in _SUBJECTS or head == p:
        return False
    if trig.start <= head < trig.end or syn.tokens[head].tag.startswith("VB"):
        return False
    return any(syn.dep(c) == "cop" for c in syn.children[head])


def copular_restatement(syn: SyntaxView, p: int, pronouns: frozenset[str]) -> bool:
    """ "it was the deadliest | attack | in the capital", "this is the worst | clash | in decades": an
    event noun that is what "be" says a pronoun is ranks an act told before; it reports no new one."""
    if not syn.tokens[p].tag.startswith("NN"):
        return False
    children = syn.children[p]
    if not any(syn.dep(c) == "cop" for c in children):
        return False
    return any(syn.dep(c) in _SUBJECTS and syn.words[c] in pronouns for c in children)


_GOVERNED = frozenset(["obj", "obl", "advcl", "xcomp", "ccomp"])


def prevented(syn: SyntaxView, p: int, trig: Trigger, verbs: frozenset[str]) -> bool:
    """ "to prevent iran from | acquiring nuclear weapons", "minimize | demolition of buildings",
    "shield themselves from political | coercion": the trigger is the object or complement of a
    verb of prevention (cues: prevention), an act kept from happening."""
    head = syn.head(p)
    if head == p or trig.start <= head < trig.end or syn.dep(p) not in _GOVERNED:
        return False
    return syn.words[head] in verbs


def means_only(syn: SyntaxView, p: int, trig: Trigger, verbs: frozenset[str]) -> bool:
    """ "kenya has evidence to | charge them", "the law gives police the power to | ban protests": an
    infinitive hanging on a noun that someone has, gets or is given (cues: means_verb) says what the
    means or licence is for; having it is not doing the act. "the first country to recognize" has no
    such verb and stays an act."""
    noun = syn.head(p)
    if noun == p or syn.dep(p) != "acl":  # "orders to | arrest": the parse may tag the verb a noun
        return False
    if trig.start < 1 or syn.words[trig.start - 1] != "to" or not syn.tokens[noun].tag.startswith("NN"):
        return False
    verb = syn.head(noun)
    return verb != noun and syn.dep(noun) in ("obj", "iobj") and syn.words[verb] in verbs


def anaphoric(syn: SyntaxView, p: int, determiners: frozenset[str]) -> bool:
    """ "that attack prompted trump to ...", "tensions caused by that testy phone call", "these attacks
    killed 130 people": a demonstrative on an event noun points back to an act told before (cues:
    anaphoric_determiner); told again, it is no new event."""
    if not syn.tokens[p].tag.startswith("NN"):
        return False
    return any(syn.dep(c) == "det" and syn.words[c] in determiners for c in syn.children[p])


def included_item(syn: SyntaxView, p: int, words: frozenset[str]) -> bool:
    """ "the violence included | airstrikes on ...", "a process that included | consultations with",
    "successes including the | retaking of ramadi": an event noun named as one item of something
    larger (cues: inclusion) is what that whole consists of, not an act the clause reports."""
    if not syn.tokens[p].tag.startswith("NN"):
        return False
    head = syn.head(p)
    if head != p and syn.dep(p) == "obj" and syn.words[head] in words:
        return True
    return any(syn.dep(c) == "case" and syn.words[c] in words for c in syn.children[p])


def feared(syn: SyntaxView, p: int, expecting: frozenset[str], modals: frozenset[str]) -> bool:
    """ "analysts worry that a chinese | attack on taiwan would draw in ...", "warned an invasion
    could ...": an event noun that is the subject of a modal verb in what someone fears, expects
    or warns of (cues: prediction, warning) is an act imagined, not one reported."""
    verb = syn.head(p)
    if syn.tokens[p].tag.startswith("NN") and syn.dep(p) == "obj" and verb != p and syn.words[verb] in expecting:
        return True  # "residents fear | renewed fighting": the object of a fear
    if not syn.tokens[p].tag.startswith("NN") or syn.dep(p) not in _SUBJECTS or verb == p:
        return False
    if not any(syn.dep(c) == "aux" and syn.words[c] in modals for c in syn.children[verb]):
        return False
    governor = syn.head(verb)
    return governor != verb and syn.dep(verb) == "ccomp" and syn.words[governor] in expecting


# A reaction that disputes an act: demand (10), disapproval (11), rejection (12), denial (016). A
# welcome is not one: "welcomed the release of the sailors" reports the release (probes-roles.jsonl).
_REACTION_ROOTS = frozenset(["10", "11", "12"])
_REACTION_CODES = frozenset(["016"])


def reacting_alternate(trig: Trigger, alt: Trigger) -> bool:
    """An alternate that opens with a verb reacting to the trigger's act ("denied | the allegations")."""
    reaction = alt.cameo[:2] in _REACTION_ROOTS or alt.cameo in _REACTION_CODES
    return reaction and alt.start < trig.start < alt.end


def _governing(syn: SyntaxView, trig: Trigger, alt: Trigger) -> bool:
    """The alternate opens with the verb of a reaction whose object is the trigger's head noun."""
    if not reacting_alternate(trig, alt):
        return False
    p = syn.predicate(trig)
    return syn.tokens[p].tag.startswith("NN") and syn.dep(p) == "obj" and syn.head(p) == alt.start


def verbs_over_nouns(syn: SyntaxView, triggers: list[Trigger]) -> list[Trigger]:
    """ "moscow protested | the expulsion of its diplomats": an act noun that beat the pattern of a
    disputing verb written for it as object ("protest+ the expulsion", 111) is what the verb's subject
    disputes, not an act the clause reports; the verb's pattern speaks for the clause instead, and a
    shorter trigger inside it (the bare "protested", 140) gives way."""
    if not syn.parsed:
        return triggers
    swapped: dict[int, Trigger] = {}
    for k, trig in enumerate(triggers):
        if (alt := next((a for a in trig.alternates if _governing(syn, trig, a)), None)) is not None:
            swapped[k] = alt
    if not swapped:
        return triggers
    out: list[Trigger] = []
    for k, trig in enumerate(triggers):
        if k in swapped:
            out.append(swapped[k])
        elif not any(a.start <= trig.start < a.end or trig.start <= a.start < trig.end for a in swapped.values()):
            out.append(trig)
    return sorted(out, key=lambda t: t.start)
