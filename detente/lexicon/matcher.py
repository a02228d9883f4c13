"""Whole-word phrase matching over token sequences with an Aho-Corasick automaton.

Tokens are joined with single spaces and padded (" russia s defense ministry "), and each
phrase is stored padded too, so every hit falls on token boundaries without extra checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

import ahocorasick

Value = TypeVar("Value")


class TokenText:
    """A token sequence joined for matching, with the map from characters back to tokens."""

    __slots__ = ("text", "_index_at")

    def __init__(self, words: Sequence[str]) -> None:
        self.text = " " + " ".join(words) + " "
        index_at: dict[int, int] = {}
        pos = 1
        for i, word in enumerate(words):
            index_at[pos] = i
            pos += len(word) + 1
        index_at[pos] = len(words)  # one past the last token
        self._index_at = index_at

    def token_at(self, char_pos: int) -> int:
        return self._index_at[char_pos]


class PhraseMatcher(Generic[Value]):
    """Find every occurrence of known phrases; values of one phrase are kept in a list."""

    def __init__(self, entries: Iterable[tuple[str, Value]]) -> None:
        table: dict[str, list[Value]] = {}
        for phrase, value in entries:
            table.setdefault(phrase, []).append(value)
        self._automaton = ahocorasick.Automaton()
        for phrase, values in table.items():
            key = f" {phrase} "
            self._automaton.add_word(key, (len(phrase.split()), values))
        self._empty = not table
        if not self._empty:
            self._automaton.make_automaton()
        self.phrases = table

    def find(self, text: TokenText) -> list[tuple[int, int, list[Value]]]:
        """Return ``(start_token, end_token, values)`` for every hit, in text order."""
        if self._empty:
            return []
        hits = []
        for end_char, (n_tokens, values) in self._automaton.iter(text.text):
            # end_char is the index of the trailing space; the token after it starts one later.
            end_tok = text.token_at(end_char + 1)
            hits.append((end_tok - n_tokens, end_tok, values))
        hits.sort(key=lambda h: (h[0], -h[1]))
        return hits
