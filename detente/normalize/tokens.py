"""Tokenisation shared by clean and scraped text.

Both renderings end up as the same lowercase a-z/0-9 tokens ("China's" -> "china", "s";
"U.S." -> "u", "s"), which is what lets one lexicon serve both. What clean text has on
top - sentence punctuation and capitals - is kept as flags on the tokens, as hints.
"""

from __future__ import annotations

import re

from detente.lexicon.letters import fold
from detente.model import Document, Token
from detente.resources import Resources

_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?;]|\n")
_CLAUSE_MARK = re.compile(r"[,:()\[\]{}\"“”—–]|\s-\s|``|''")


def _gap_flags(gap: str, prev_word: str, raw: str, abbreviations: frozenset[str]) -> tuple[bool, bool]:
    """(sentence break, clause mark) for the characters between two words."""
    if "\n" in gap:
        return True, False
    if not gap.strip():
        return False, False
    break_before = False
    if _SENTENCE_END.search(gap):
        # "U.S. officials", "Mr. Putin", "3.5 billion": a full stop that is not a boundary.
        after_abbrev = len(prev_word) == 1 or prev_word in abbreviations
        decimal = gap == "." and prev_word.isdigit() and raw[0].isdigit()
        lower_next = raw[0].islower()
        joined = gap.strip() == "." and (after_abbrev or lower_next)
        # "the U.N.'s watchdog": a possessive after an abbreviation's full stop ends nothing
        possessive = gap in (".'", ".\u2019") and raw == "s" and after_abbrev
        # "the U.S.-led coalition": a hyphen after an abbreviation's full stop joins, it ends nothing
        hyphened = gap == ".-" and after_abbrev
        break_before = not (decimal or joined or hyphened or possessive) or ";" in gap
    return break_before, (not break_before and bool(_CLAUSE_MARK.search(gap)))


def tokenize(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Token]:
    """Words of ``text``, lowercased and accent-folded, with their offsets and the punctuation before
    them as flags. A full stop after one of ``abbreviations`` ("mr", "gen") or a single letter ends
    no sentence (the pipeline passes the ``abbreviation_stop`` cues)."""
    tokens: list[Token] = []
    append = tokens.append
    prev_end = 0
    prev_word = ""
    for match in _WORD.finditer(text):
        raw = match.group()
        start, end = match.span()
        if raw.isascii():
            folded = raw.lower()
        else:
            folded = fold(raw)
            if not folded.isascii():
                folded = "".join(ch for ch in folded if ch.isascii() and ch.isalnum()) or folded
        if start - prev_end == 1 and text[prev_end] == " " or not tokens:
            flags = (False, False)  # the common case: one space between two words
        else:
            flags = _gap_flags(text[prev_end:start], prev_word, raw, abbreviations)
        append(Token(folded, start, end, len(raw) > 1 and raw.isupper(), flags[0], flags[1]))
        prev_end = end
        prev_word = folded
    return tokens


def _contraction(tokens: list[Token], i: int, text: str, pronouns: frozenset[str]) -> bool:
    """Whether ``tokens[i]`` is a contraction's tail ("they're", "we re" once scraped), not a prefix."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    return prev.text in pronouns or text[prev.end : tokens[i].start] in ("'", "\u2019")


def _join_prefixes(
    tokens: list[Token], prefixes: frozenset[str], text: str = "", pronouns: frozenset[str] = frozenset()
) -> list[Token]:
    """Prefixes that hyphenation or scraping splits off ("re-open", "co operation") joined again, so
    that one lexicon entry ("reopen", "cooperation") serves every spelling. A contraction's "re"
    ("they're urging") is no prefix: joined, it would hide the verb after it."""
    if not any(t.text in prefixes for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            tok.text in prefixes
            and nxt is not None
            and nxt.text.isalpha()
            and not nxt.break_before
            and not _contraction(tokens, i, text, pronouns)
        ):
            out.append(Token(tok.text + nxt.text, tok.start, nxt.end, False, tok.break_before, tok.comma_before))
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


_POSSESSOR_KINDS = frozenset(["country", "capital"])


def _split_glued_possessives(tokens: list[Token], text: str, res: Resources) -> list[Token]:
    """A scraper that drops a curly apostrophe glues the possessive on ("syrias army", "kyivs
    offensive"): a lowercase word that is no actor name but is a state's or capital's name plus "s"
    is split into the name and "s", as a straight apostrophe is ("syria s army")."""
    phrases = res.actor_matcher.phrases
    out: list[Token] = []
    for tok in tokens:
        w = tok.text
        glued = (
            len(w) >= 4
            and w.endswith("s")
            and text[tok.start : tok.end] == w
            and w not in phrases
            and any(e.kind in _POSSESSOR_KINDS for e in phrases.get(w[:-1], ()))
        )
        if not glued:
            out.append(tok)
            continue
        out.append(Token(w[:-1], tok.start, tok.end - 1, False, tok.break_before, tok.comma_before))
        out.append(Token("s", tok.end - 1, tok.end))
    return out


def normalise_document(doc: Document, res: Resources) -> Document:
    """Stage: fills ``doc.tokens``."""
    none: frozenset[str] = frozenset()
    tokens = tokenize(doc.text, res.cues.get("abbreviation_stop", none))
    tokens = _split_glued_possessives(tokens, doc.text, res)
    pronouns = res.cues.get("subject_pronoun", none)
    doc.tokens = _join_prefixes(tokens, res.cues.get("split_prefix", none), doc.text, pronouns)
    return doc
