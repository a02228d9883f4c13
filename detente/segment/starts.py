"""Sentence starts the learned model misses in unpunctuated text, found from the actors.

The sentence-end model (``segment.sentences``) runs before the actors are known, so it sees
"... said tehran would respond ukrainian president volodymyr zelenskiy thanked washington ..." as
words only and rarely starts a sentence at a title and a name it has never seen. Once the actors
are recognised, one shape is plain: a finished clause (its last word no function word, speech verb
or verb that takes a clause), then a named actor, then its finite verb. A start there keeps the
parse, and so the roles, of "zelenskiy thanked washington" out of the sentence before it.
"""

from __future__ import annotations

import re

from detente.lexicon import lemmas as lemminflect  # without importing spaCy
from detente.model import Document, Mention
from detente.resources import Resources

_SENTENCE_STOP = re.compile(r"[.!?](?=[\s\"'\u201d)\]]|$)")
_UNPUNCTUATED_TOKENS_PER_STOP = 60  # as segment.sentences: scraped text has no full stops
_MIN_PIECE = 6  # words: no start this close after another sentence start
_MIN_AFTER = 2  # words after the actor before the next start: its verb and one more ("denied it")
# What a clause's last word is not: it wants more after it ("of", "the", "said", "believes").
_NOT_LAST = (
    "function_word", "not_before_subject", "preposition", "coordination", "article", "speech",
    "clause_opener", "subordinator", "relative", "relative_opener", "prediction", "warning",
    "directive", "directive_appeal", "possibility", "passive_aux", "finite_verb", "subject_pronoun",
    "audience_verb", "pronoun_governor", "future", "obligation", "negation", "start_blocker",
    "direction", "compass_direction", "quantity_head",
)  # fmt: skip
_PRONOUNS = frozenset(["he", "she", "they"])
_NOUN_LIKE = frozenset(["NOUN", "PROPN", "ADV"])


def _scraped(doc: Document) -> bool:
    """Text with no full stops and no capitals: cased text keeps a sentence's first capital (and
    its commas), so the rule is left to scraped text, where nothing else marks the start."""
    stops = len(_SENTENCE_STOP.findall(doc.text))
    return stops * _UNPUNCTUATED_TOKENS_PER_STOP < len(doc.tokens) and not any(c.isupper() for c in doc.text)


def _ends_clause(word: str, not_last: frozenset[str]) -> bool:
    """A word a finished clause may end with: a noun, a name, a number, an adverb or a bare verb
    ("would respond"); not a past tense or -ing form, which most often take the clause after them."""
    if word.isdigit():
        return len(word) == 4  # "in 2014 | russia annexed", not a count: "about 30 | serb gunmen"
    if word in not_last:
        return False
    classes = set(lemminflect.getAllLemmas(word))
    if not classes or classes & _NOUN_LIKE:
        return True
    return "VERB" in classes and not word.endswith(("ed", "ing"))  # not an adjective: "shadowy | russian"


def _finite_after(doc: Document, end: int, res: Resources) -> bool:
    """The actor's verb: a finite verb or speech verb, or a past tense with an object or a clause
    after it ("thanked washington"), not a participle before a preposition ("troops stationed in")."""
    words, cue = doc.words, res.cues.get
    if end + 1 >= len(words):
        return False
    verb, nxt = words[end], words[end + 1]
    month = res.time_words.get(verb)
    if nxt.isdigit() and month is not None and month.kind == "month":
        return False  # "in zurich switzerland | may 28": a caption's date, not the modal
    if verb in cue("speech", frozenset()):
        # "..., the peruvian embassy said | on tuesday": an attribution closing its sentence
        filler = cue("speech_filler", frozenset())
        return end + 4 < len(words) and nxt not in filler and " ".join(words[end + 1 : end + 3]) not in filler
    if verb in cue("finite_verb", frozenset()):
        return True
    past = verb.endswith("ed") and len(verb) > 4 and "VERB" in lemminflect.getAllLemmas(verb)
    return past and nxt not in cue("preposition", frozenset()) and nxt not in cue("passive_aux", frozenset())


def _subject_end(doc: Document, i: int, by_start: dict[int, Mention]) -> int | None:
    """Where the subject of a sentence opening at ``i`` ends: a named actor ("the" may come first)
    or a personal pronoun ("... 10bn a year | he praised greece")."""
    if doc.words[i] in _PRONOUNS:
        return i + 1
    m = by_start.get(i + 1) if doc.words[i] == "the" else by_start.get(i)
    if m is None or m.inferred or not m.actor.key or m.kind == "pronoun":
        return None
    return m.end


def _glued_to_actor(doc: Document, i: int, by_end: dict[int, Mention], preps: frozenset[str]) -> bool:
    """ "kremlin | spokesman dmitry peskov": an actor right before, with no preposition before it,
    is part of the same name ("in ukraine | foreign ministry spokesman" is not)."""
    before = by_end.get(i)
    return before is not None and (before.start == 0 or doc.words[before.start - 1] not in preps)


def _state_then_capital(doc: Document, i: int, by_start: dict[int, Mention], states: frozenset[str]) -> bool:
    """ "the intelligence services of russia | moscow denied": a capital right after a name that ends
    with a state's own name opens a sentence; no name runs on from a state into a capital."""
    m = by_start.get(i)
    if m is None or m.kind != "capital":
        return False
    return any(" ".join(doc.words[max(0, i - k) : i]) in states for k in (1, 2, 3))


def _state_names(res: Resources) -> frozenset[str]:
    return frozenset(n for c in res.countries.values() if c.kind == "state" for n in c.names)


def _room(i: int, end: int, starts: list[int], short: bool) -> bool:
    """No start within ``_MIN_PIECE`` words of ``i``; a ``short`` sentence after it needs only the
    actor, its verb and one word: "... on north korea | pyongyang denounced the move | the ..."."""
    after = _MIN_AFTER if short else _MIN_PIECE
    return all(i - k >= _MIN_PIECE if k <= i else k - (end if short else i) >= after for k in starts)


def _short_sentence(doc: Document, i: int, end: int, res: Resources) -> bool:
    """A named actor and a past tense that is no speech verb ("moscow denied it"): a sentence
    however short. Not a pronoun ("... so | they could be attacked"), a modal ("in zurich |
    switzerland may 28") or "said" ("... strategy | mccain said in a statement", a quote's close)."""
    verb = doc.words[end]
    return doc.words[i] not in _PRONOUNS and verb.endswith("ed") and verb not in res.cues.get("speech", frozenset())


def find_actor_starts(doc: Document, res: Resources) -> list[int]:
    """Token positions where a sentence starts with a named actor and its verb (scraped text)."""
    if not _scraped(doc):
        return []
    not_last = frozenset().union(*(res.cues.get(k, frozenset()) for k in _NOT_LAST))
    not_last |= frozenset(res.quantity_words.get("number", {}))  # "to five | panamanian officers"
    preps, states = res.cues.get("preposition", frozenset()), _state_names(res)
    by_start = {m.start: m for m in doc.mentions}
    by_end = {m.end: m for m in doc.mentions if m.actor.key}
    tokens, words = doc.tokens, doc.words
    breaks = [i for i, t in enumerate(tokens) if t.break_before] + [0, len(tokens)]
    found: list[int] = []
    for i in range(_MIN_PIECE, len(words) - _MIN_AFTER):
        end = _subject_end(doc, i, by_start)
        if end is None or tokens[i].break_before or not _ends_clause(words[i - 1], not_last):
            continue
        glued = _glued_to_actor(doc, i, by_end, preps) and not _state_then_capital(doc, i, by_start, states)
        if glued or not _finite_after(doc, end, res):
            continue
        if set(words[max(0, i - 3) : i]) & res.cues.get("relative_opener", frozenset()):
            continue  # "ethiopia which also borders | somalia said": the relative clause's object
        if words[i] in _PRONOUNS and words[end] in res.cues.get("speech", frozenset()):
            # "... illegal war | she said in a statement": closing a quote that lost its marks
            continue
        if _room(i, end, breaks + found, _short_sentence(doc, i, end, res)):
            found.append(i)
    return found


def mark_actor_starts(doc: Document, res: Resources) -> Document:
    for i in find_actor_starts(doc, res):
        doc.tokens[i].break_before = True
    return doc
