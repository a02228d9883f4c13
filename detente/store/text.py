"""Text repair and the content key that makes ingest idempotent."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import ftfy

_SPACE = re.compile(r"\s+")


def repair(text: str) -> str:
    """Undo mojibake ("â€™" -> "’") and stray control characters; ASCII text is already clean."""
    if text.isascii():
        return text
    return ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)  # repair, do not restyle


def content_hash(text: str) -> str:
    """sha256 of the text after NFKC and whitespace collapsing, so re-wrapped copies share a key."""
    normal = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()
