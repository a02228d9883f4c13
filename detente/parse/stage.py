"""The parse stage: part-of-speech tags, dependency heads and sentence starts on detente's tokens.

The model (spaCy, trained by scripts/train_parser.py on UD English-EWT rendered both as written
and scraped) reads the document's own text, so clean text keeps its punctuation and capitals and
scraped text is parsed as it is. Its tokens are then mapped onto detente's lowercase tokens by
character offset: "U.S." is one parser token and two detente tokens, which share its analysis.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from pathlib import Path
from typing import Any

from detente.errors import LexiconError
from detente.model import Document

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "parser-en"
_CHUNK_CHARS = 20_000  # long documents are parsed in pieces cut at line ends or spaces


@lru_cache(maxsize=2)
def load_parser(path: str = str(MODEL_DIR)) -> Any:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
        raise LexiconError(f"{path}: spaCy is needed to load the parser ({exc})") from exc
    if not Path(path, "meta.json").exists():
        raise LexiconError(f"{path}: parser model not found; retrain with scripts/train_parser.py")
    return spacy.load(path)


def _chunks(text: str) -> list[tuple[int, str]]:
    """Pieces of at most ~_CHUNK_CHARS, cut after a newline or space so no word is split."""
    out = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK_CHARS)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def parse_document(doc: Document, res: object = None) -> Document:
    """Fill ``tag``, ``head``, ``dep`` and ``sent_start`` on each of the document's tokens."""
    if not doc.tokens:
        return doc
    nlp = load_parser()
    starts = [t.start for t in doc.tokens]
    for offset, piece in _chunks(doc.text):
        parsed = nlp(piece)
        first = bisect.bisect_left(starts, offset)
        last = bisect.bisect_left(starts, offset + len(piece))
        if first == last:
            continue
        # the parser token that holds each detente token's first character
        char_to_ptok = _char_index(parsed)
        ptoks = [char_to_ptok(doc.tokens[k].start - offset) for k in range(first, last)]
        first_dtok: dict[int, int] = {}
        for k, p in zip(range(first, last), ptoks, strict=True):
            first_dtok.setdefault(p.i, k)
        for k, p in zip(range(first, last), ptoks, strict=True):
            token = doc.tokens[k]
            token.tag = p.tag_
            token.dep = p.dep_
            token.sent_start = first_dtok[p.i] == k and p.is_sent_start
            head = p.head
            while head.i not in first_dtok and head.head.i != head.i:  # punctuation: climb further
                head = head.head
            token.head = first_dtok.get(head.i, k) if head.i != p.i else k
            if first_dtok[p.i] != k:  # a later piece of one parser token ("u s"): part of the first
                token.head, token.dep = first_dtok[p.i], "goeswith"
    return doc


def _char_index(parsed: Any):  # noqa: ANN202 - returns a function char offset -> spaCy Token
    idx = [t.idx for t in parsed]

    def lookup(char: int):  # noqa: ANN202
        return parsed[max(0, bisect.bisect_right(idx, char) - 1)]

    return lookup
