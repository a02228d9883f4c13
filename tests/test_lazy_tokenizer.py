"""The parser's tokenizer adds spaCy's special cases as texts need them (detente/parse/stage.py):
it must give the tokens, whitespace and norms the tokenizer with all of them gives."""

from __future__ import annotations

import pytest

from detente.parse.stage import _lazy_rules_tokenizer

spacy = pytest.importorskip("spacy")

_TEXTS = [
    "I don't think the U.S. will sign it at 5 a.m. :) e.g. Mr. Smith's plan.",
    "They'll meet on Jan. 5th; we're told it's 'final'. Can't say more (Gov. Brown).",
    "us officials said y'all ain't seen nothin' -- N.Y. and D.C. aren't there yet...",
    "",
    "   ",
]


def _tokens(doc: object) -> list[tuple[str, str, str, int]]:
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in doc]  # type: ignore[attr-defined]


def test_the_same_tokens_as_with_every_special_case() -> None:
    from spacy.lang.en import English

    full = English().tokenizer
    rules = list(English.Defaults.tokenizer_exceptions)
    texts = [*_TEXTS, *(f"x{k}y {k}. ({k}) {k.upper()} {k}'s" for k in rules[::5])]
    shared = _lazy_rules_tokenizer()(English())  # one across all texts, as in a process
    for text in texts:
        alone = _lazy_rules_tokenizer()(English())  # one for this text only
        assert _tokens(alone(text)) == _tokens(full(text)) == _tokens(shared(text)), text
