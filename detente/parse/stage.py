"""The parse stage: part-of-speech tags and dependency heads and labels on detente's tokens.

It runs after the triggers are found and parses only the sentences (clauses, in unpunctuated
text) that hold one.

The model (spaCy, trained by scripts/train_parser.py on UD English-EWT rendered both as written
and scraped) reads the document's own text, so clean text keeps its punctuation and capitals and
scraped text is parsed as it is. Its tokens are then mapped onto detente's lowercase tokens by
character offset: "U.S." is one parser token and two detente tokens, which share its analysis.
"""

from __future__ import annotations

import bisect
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from detente.errors import LexiconError
from detente.model import Document

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "parser-en"
_CONTEXT = 6  # tokens of context on each side of a clause segment in unpunctuated text
_MAX_SPAN = 200  # tokens: longer runs are parsed in pieces (the parser's cost and limits stay small)


_LAZY_TOKENIZER = "detente.lazy_rules_tokenizer.v1"


class LazyRulesTokenizer:
    """spaCy's default tokenizer for the language, given its special cases ("don't", "a.m.",
    ":)": 1,347 for English) as the texts need them. Adding them all takes longer than the rest
    of the parser's load. A special case applies only where its string occurs in the text, so
    adding, before each text, those whose string it contains gives the tokens all of them give."""

    def __init__(self, tokenizer: Any, rules: dict[str, Any]) -> None:
        import ahocorasick

        self.tokenizer = tokenizer
        self._pending = dict(rules)
        self._adding = threading.Lock()  # a coder abandoned at its deadline may still be running
        # one pass over the text finds every special case it holds (testing each string would cost
        # ten times the tokenizing itself)
        self._finder = ahocorasick.Automaton()
        for key in rules:
            self._finder.add_word(key, key)
        self._finder.make_automaton()

    def __call__(self, text: str) -> Any:
        if self._pending:
            needed = sorted({key for _, key in self._finder.iter(text) if key in self._pending})
            if needed:
                with self._adding:
                    for key in needed:  # dropped from pending once added: an empty one means all are in
                        if key in self._pending:
                            self.tokenizer.add_special_case(key, self._pending.pop(key))
        return self.tokenizer(text)


def _lazy_rules_tokenizer() -> Any:
    """The factory spaCy's config names (``[nlp.tokenizer]``): the default tokenizer, built with no
    special cases by spaCy's own factory, inside a :class:`LazyRulesTokenizer`."""
    from types import SimpleNamespace

    from spacy.language import create_tokenizer

    def factory(nlp: Any) -> LazyRulesTokenizer:
        no_rules = type("NoRules", (nlp.Defaults,), {"tokenizer_exceptions": {}})
        bare = create_tokenizer()(SimpleNamespace(vocab=nlp.vocab, Defaults=no_rules))
        return LazyRulesTokenizer(bare, nlp.Defaults.tokenizer_exceptions)

    return factory


@lru_cache(maxsize=2)
def load_parser(path: str = str(MODEL_DIR)) -> Any:
    try:
        from detente.parse.spacy_import import import_spacy

        spacy = import_spacy()
    except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
        raise LexiconError(path, None, f"spaCy is needed to load the parser ({exc})") from exc
    if not Path(path, "meta.json").exists():
        raise LexiconError(path, None, "parser model not found; retrain with scripts/train_parser.py")
    from detente.lexicon.cache import no_gc

    spacy.registry.tokenizers.register(_LAZY_TOKENIZER, func=_lazy_rules_tokenizer)
    # the saved tokenizer is spaCy's English default (a test checks it), which the pipeline already
    # has: reading it again from disk would double the load's largest cost
    with no_gc():
        return spacy.load(path, exclude=["tokenizer"], config={"nlp": {"tokenizer": {"@tokenizers": _LAZY_TOKENIZER}}})


def _spans(doc: Document) -> list[tuple[int, int]]:
    """Token ranges worth parsing: each sentence (or, in unpunctuated text, each clause segment
    with some context) that holds a trigger outside site chrome. Parsing only these keeps the
    coder fast; the rest of the text has no event to read roles for."""
    tokens = doc.tokens
    n = len(tokens)
    wanted: list[tuple[int, int]] = []
    seg_starts = [s.start for s in doc.segments]
    for trig in doc.triggers:
        k = bisect.bisect_right(seg_starts, trig.start) - 1
        seg = doc.segments[k] if k >= 0 else None
        if seg is None or seg.chrome:
            continue
        lo = max(0, seg.start - _CONTEXT)
        hi = min(n, seg.end + _CONTEXT)
        # cut at the nearest sentence end that punctuation marks, where one is close
        start = next((i for i in range(seg.start, lo - 1, -1) if tokens[i].break_before), lo)
        end = next((i for i in range(seg.end, hi) if tokens[i].break_before), hi)
        wanted.append((start, max(end, trig.end)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(wanted):
        # spans that only touch at a line break stay apart: parsed as one text, a line with no
        # final stop ("...against his rule\nThe head of ...") runs into the next
        touching = merged and start == merged[-1][1] and "\n" in doc.text[tokens[start - 1].end : tokens[start].start]
        if merged and start <= merged[-1][1] and not touching:
            if end - merged[-1][0] <= _MAX_SPAN:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
                continue
            start = merged[-1][1]  # a long run of clauses with triggers: parse it in pieces
            if start >= end:
                continue
        merged.append((start, end))
    return merged


def parse_document(doc: Document, res: object = None) -> Document:
    """Fill ``tag``, ``head`` and ``dep`` on the tokens of the spans that hold triggers."""
    if not doc.tokens or not doc.triggers:
        return doc
    nlp = load_parser()
    spans = _spans(doc)
    texts = [doc.text[doc.tokens[first].start : doc.tokens[last - 1].end] for first, last in spans]
    # one batched call: the model's matrix products are far cheaper per word over many spans
    for (first, last), parsed in zip(spans, nlp.pipe(texts, batch_size=256), strict=True):
        _copy_parse(doc, parsed, first, last, doc.tokens[first].start)
    return doc


def _copy_parse(doc: Document, parsed: Any, first: int, last: int, offset: int) -> None:
    """Map the parser's tokens onto detente's tokens ``first..last`` by character offset."""
    char_to_ptok = _char_index(parsed)
    ptoks = [char_to_ptok(doc.tokens[k].start - offset) for k in range(first, last)]
    first_dtok: dict[int, int] = {}
    for k, p in zip(range(first, last), ptoks, strict=True):
        first_dtok.setdefault(p.i, k)
    for k, p in zip(range(first, last), ptoks, strict=True):
        token = doc.tokens[k]
        token.tag = p.tag_
        token.dep = p.dep_
        head = p.head
        while head.i not in first_dtok and head.head.i != head.i:  # punctuation: climb further
            head = head.head
        token.head = first_dtok.get(head.i, k) if head.i != p.i else k
        if first_dtok[p.i] != k:  # a later piece of one parser token ("u s"): part of the first
            token.head, token.dep = first_dtok[p.i], "goeswith"


def _char_index(parsed: Any):  # noqa: ANN202 - returns a function char offset -> spaCy Token
    idx = [t.idx for t in parsed]

    def lookup(char: int):  # noqa: ANN202
        return parsed[max(0, bisect.bisect_right(idx, char) - 1)]

    return lookup
