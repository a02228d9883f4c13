"""Folding letters to the ascii the lexicon tables are written in."""

from __future__ import annotations

import re
import unicodedata

# Letters Unicode does not decompose into a base letter and an accent: "yıldırım", "đukanović",
# "søreide", "strauß" would keep them and never match the tables' ascii spellings.
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d", "Đ": "D",
     "ł": "l", "Ł": "L", "œ": "oe", "Œ": "OE", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th"}
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")


def fold(word: str) -> str:
    """Lowercase with accents removed and undecomposable letters spelled out."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def crude_spellings(name: str) -> list[str]:
    """What a crude scraper (accents and every other non-ascii letter dropped) leaves of a name whose
    letters do not all decompose: "Binali Yıldırım" -> "binali yldrm" and "yldrm"; [] when that is
    just the folded spelling."""
    crude = _WORD.findall(unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower())
    proper = _WORD.findall(fold(name))
    if crude == proper or len(crude) < 2:
        return []
    surname = [crude[-1]] if len(crude[-1]) > 3 and crude[-1] != proper[-1] else []
    return [" ".join(crude), *surname]
