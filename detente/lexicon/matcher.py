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
        # The automaton holds only an index into ``_entries``: values stay ordinary Python objects,
        # pickled once with everything else (the automaton would pickle a copy of each by itself).
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._entries: list[tuple[int, list[Value]]] = []
        for phrase, values in table.items():
            self._automaton.add_word(f" {phrase} ", len(self._entries))
            self._entries.append((len(phrase.split()), values))
        self._empty = not table
        if not self._empty:
            self._automaton.make_automaton()
        self._phrases: dict[str, list[Value]] | None = table

    @property
    def phrases(self) -> dict[str, list[Value]]:
        """Each phrase with its values (rebuilt from the automaton after unpickling)."""
        if self._phrases is None:
            self._phrases = {key[1:-1]: self._entries[i][1] for key, i in self._automaton.items()}
        return self._phrases

    def __getstate__(self) -> dict[str, object]:
        return {"_automaton": self._automaton, "_entries": self._entries, "_empty": self._empty}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._phrases = None  # the phrase table repeats the automaton: rebuilt when asked for

    def find(self, text: TokenText) -> list[tuple[int, int, list[Value]]]:
        """Return ``(start_token, end_token, values)`` for every hit, in text order."""
        if self._empty:
            return []
        hits = []
        entries = self._entries
        for end_char, index in self._automaton.iter(text.text):
            n_tokens, values = entries[index]
            # end_char is the index of the trailing space; the token after it starts one later.
            end_tok = text.token_at(end_char + 1)
            hits.append((end_tok - n_tokens, end_tok, values))
        hits.sort(key=lambda h: (h[0], -h[1]))
        return hits
