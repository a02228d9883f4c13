"""Clause segmentation that works without capitals or punctuation.

Boundaries, strongest first:
1. sentence punctuation and line breaks (clean text only; kept as token flags);
2. words that open a clause with its own subject ("while", "but", "which", "who"),
   from ``data/text/cues.jsonl``;
3. a subject starting after a finished clause: an actor followed by a finite verb
   ("... by 2024 | russia has been trying"), or a time word followed by a new subject
   ("... this week | the two sides discussed").
Site chrome (``data/text/chrome.jsonl``) becomes chrome segments: a marker ("top stories",
"manage newsletters", "copyright") hides what follows until the text returns to one of the
article's main actors; a line ("sign in") hides only itself.
"""

from __future__ import annotations

from collections import Counter

import lemminflect

from detente.lexicon.matcher import TokenText
from detente.model import Document, Segment
from detente.resources import Resources

_FINITE = frozenset(
    [
        # irregular past tenses that start a predicate right after its subject
        "became",
        "began",
        "took",
        "made",
        "gave",
        "went",
        "came",
        "won",
        "lost",
        "met",
        "sent",
        "saw",
        "left",
        "brought",
        "fought",
        "led",
        "struck",
        "sought",
        "withdrew",
        "chose",
        "wrote",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "did",
        "does",
        "do",
        "said",
        "says",
        "told",
        "announced",
        "declared",
    ]
)
_STRONG_CLAUSE = frozenset(["while", "but", "although", "though", "whereas", "meanwhile", "however", "because"])
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "we", "i"])
# Irregular past tenses that also make compounds ("rebel held territory" once hyphens are gone):
# a clause start only after a strong subject, like regular past tenses.
_PARTICIPLE_TOO = frozenset(["held"])
_SUBORDINATE = frozenset(["after", "because", "when", "before", "since", "whereas", "although", "though"])
_RELATIVE = frozenset(["which", "who", "whose"])
_NO_SUBJECT_BEFORE = frozenset(
    [
        "and",
        "or",
        "of",
        "in",
        "from",
        "to",
        "with",
        "against",
        "at",
        "on",
        "for",
        "by",
        "into",
        "over",
        "about",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "s",
        "that",
        "this",
        "these",
        "those",
        "as",
        "than",
        "between",
        "among",
        "both",
        "not",
        "also",
    ]
)
_MAX_LEN = 80  # a safety net for text with no cue at all; real cuts come from the rules above


def _past_tense(word: str) -> bool:
    """A past-tense verb right after an actor marks a new clause ("... | mr putin and mr xi sparked")."""
    return word.endswith("ed") and len(word) > 4 and "VERB" in lemminflect.getAllLemmas(word)


def _topic_keys(doc: Document) -> set[str]:
    counts = Counter(m.actor.key for m in doc.mentions if m.actor.key and not m.inferred)
    if not counts:
        return set()
    top = counts.most_common(1)[0][1]
    # Actors named more than once, as often as half the leader: one passing mention in a sidebar
    # headline does not make a topic.
    return {k for k, n in counts.items() if n * 2 >= top and (n >= 2 or top == 1)}


def _chrome_mask(doc: Document, res: Resources, words: list[str], text: TokenText) -> bytearray:
    n = len(words)
    mask = bytearray(n)
    hits = res.chrome_matcher.find(text)
    if not hits:
        return mask
    topics = _topic_keys(doc)
    first_marker = min((start for start, _, kinds in hits if "marker" in kinds), default=n)
    once = Counter(m.actor.key for m in doc.mentions if m.actor.key and not m.inferred)
    # An actor named once, after the first sidebar marker, is a headline's, not the article's.
    before_marker = {m.actor.key for m in doc.mentions if m.start < first_marker}
    topics = {k for k in topics if once[k] >= 2 or k in before_marker}
    mention_at = {m.start: m for m in doc.mentions}
    for start, end, kinds in hits:
        if mask[start]:
            continue
        mask[start:end] = b"\x01" * (end - start)
        if "marker" not in kinds:
            continue
        i = end
        while i < n:
            m = mention_at.get(i)
            if m is not None and m.actor.key in topics and not m.inferred:
                break
            # Clean text: a sidebar list ends where a full sentence about the article starts again.
            sentence_start = i > end and doc.tokens[i].break_before and doc.tokens[i].text != "copyright"
            if sentence_start and any(
                mention_at.get(k) and mention_at[k].actor.key in topics for k in range(i, min(n, i + 12))
            ):
                break
            mask[i] = 1
            i += 1
    return mask


def _boundaries(doc: Document, res: Resources, words: list[str]) -> set[int]:
    n = len(words)
    cuts = {i for i, t in enumerate(doc.tokens) if t.break_before}
    mention_end = {m.start: m.end for m in doc.mentions}
    time_words = res.time_words
    reciprocal = res.cues.get("reciprocal_subject", frozenset())
    reciprocal_first = {p.split()[0] for p in reciprocal}
    speech = res.cues.get("speech", frozenset())  # cutting after "said" itself cost precision: not done
    for i in range(1, n):
        w = words[i]
        prev = words[i - 1]
        if w in _STRONG_CLAUSE or w in _SUBORDINATE or (w in _RELATIVE and prev not in ("of", "to", "by", "in")):
            cuts.add(i)
            continue
        # "... on tuesday | he said": a pronoun subject with its verb.
        if w in _SUBJECT_PRONOUNS and i + 1 < n and (words[i + 1] in _FINITE or words[i + 1] in speech):
            cuts.add(i)
            continue
        if doc.tokens[i].comma_before and w in res.cues.get("clause_start", ()):
            cuts.add(i)
            continue
        end = mention_end.get(i)
        if end is not None and prev not in _NO_SUBJECT_BEFORE:
            # Skip over coordinated subjects: "mr rogozin and chinese vice premier wang yang discussed".
            group = 1
            while end + 1 < n and words[end] in ("and", "or") and mention_end.get(end + 1):
                end = mention_end[end + 1]
                group += 1
            # A bare past tense is often a participle ("officers holed up"): trust it only after a
            # coordinated subject or "mr x", which rarely start a reduced relative clause.
            strong_subject = group > 1 or w in ("mr", "mrs", "ms")
            hyphenated = end < n and doc.text[doc.tokens[end - 1].end : doc.tokens[end].start] == "-"
            if hyphenated:
                continue  # "rebel-held territory": a compound, not a subject and its verb
            past = _past_tense(words[end]) or words[end] in _PARTICIPLE_TOO if end < n else False
            if end < n and (words[end] in _FINITE or (strong_subject and past)):
                cuts.add(i)
                continue
        if w in ("the", "both") and prev.isdigit() and len(prev) == 4:
            cuts.add(i)  # "... lunar mission by 2028 | the joint sea 2015 exercises"
            continue
        if (
            w in reciprocal_first
            and prev not in _NO_SUBJECT_BEFORE
            and any(" ".join(words[i : i + k]) in reciprocal for k in (2, 3))
        ):
            cuts.add(i)  # "who will be there | the two men met"
            continue
        if w in ("the", "both"):
            last_two = f"{words[i - 2]} {prev}" if i >= 2 else ""
            time_word = time_words.get(prev)
            if (time_word and time_word.kind in ("weekday", "relative")) or last_two in time_words:
                cuts.add(i)
    return cuts


def segment_document(doc: Document, res: Resources) -> Document:
    """Stage: fills ``doc.segments`` (needs ``doc.tokens`` and ``doc.mentions``)."""
    words = doc.words
    n = len(words)
    if n == 0:
        doc.segments = []
        return doc
    text = doc.joined()
    mask = _chrome_mask(doc, res, words, text)
    cuts = _boundaries(doc, res, words)
    segments: list[Segment] = []
    start = 0
    for i in range(1, n + 1):
        if i == n or i in cuts or mask[i] != mask[i - 1] or i - start >= _MAX_LEN:
            segments.append(Segment(start, i, chrome=bool(mask[start]), subordinate=words[start] in _SUBORDINATE))
            start = i
    doc.segments = segments
    return doc
