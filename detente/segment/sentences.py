"""Sentence ends in text without punctuation: a small learned model.

Scraped text ("... held talks in moscow on monday the two sides signed ...") gives the tokenizer
no full stops, so clause rules alone find about a fifth of its sentence ends. This stage scores
every token of a long unpunctuated stretch as a possible sentence start with a logistic model over
hashed features of the words around it (the words, their last letters, and the word classes
lemminflect knows for them), and marks the likely starts as breaks: the segmenter, the parser
spans and the role binder then keep roles inside one sentence.

The weights (``detente/models/sentence-ends``) are trained by ``scripts/train_sentence_ends.py``
on UD English-EWT rendered scraped and on the punctuated VOA articles not held apart; clean text
with punctuation is left as the tokenizer marked it.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from detente.errors import LexiconError
from detente.lexicon import lemmas as lemminflect  # without importing spaCy
from detente.model import Document, Token

if TYPE_CHECKING:  # numpy is imported when the model is first used: most commands never need it
    import numpy as np

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "sentence-ends"
WORD_CLASSES = "word-classes.json"  # word -> lexicon class, frozen at training (WordFields)
_PAD = 4  # words of padding on each side: the widest template looks four words away
# A document is unpunctuated when full stops are rarer than one per this many tokens.
_UNPUNCTUATED_TOKENS_PER_BREAK = 60
_SENTENCE_STOP = re.compile(r"[.!?](?=[\s\"'\u201d)\]]|$)")
_MIN_RUN = 40  # words: a shorter text without a break is read as one sentence (a headline, a lead)
_MIN_PIECE = 6  # words: no sentence start closer than this to another or to a run's edge

# (template id, [(field, offset), ...]): field 0 word, 1 word class, 2 last two letters. Words up to
# four away, word pairs and triples across the candidate start, and word-class sequences (a clause
# that has its verb, a determiner that opens a noun phrase) that no single word shows.
TEMPLATES: tuple[tuple[int, tuple[tuple[int, int], ...]], ...] = (
    (1, ()),
    (2, ((0, 0),)), (3, ((0, -1),)), (4, ((0, 1),)), (5, ((0, -2),)), (6, ((0, 2),)), (7, ((0, -3),)),
    (8, ((0, -1), (0, 0))), (9, ((0, 0), (0, 1))), (10, ((0, -2), (0, -1))),
    (11, ((0, -1), (0, 0), (0, 1))),
    (12, ((2, -1),)), (13, ((2, 0),)), (14, ((2, 1),)),
    (15, ((1, -1),)), (16, ((1, 0),)), (17, ((1, 1),)), (18, ((1, -2),)),
    (19, ((1, -1), (1, 0))), (20, ((1, 0), (1, 1))), (21, ((1, -2), (1, -1), (1, 0))),
    (22, ((0, -1), (1, 0))), (23, ((1, -1), (0, 0))),
    (30, ((0, 3),)), (31, ((1, 2),)), (32, ((1, 3),)), (33, ((1, -3),)), (34, ((0, -4),)), (35, ((0, 4),)),
    (40, ((0, -1), (0, 1))), (41, ((0, 0), (0, 1), (0, 2))), (42, ((0, -2), (0, -1), (0, 0))),
    (43, ((0, 1), (0, 2))), (44, ((0, -3), (0, -2), (0, -1))),
    (50, ((1, 0), (1, 1), (1, 2))), (51, ((1, -1), (1, 0), (1, 1))), (52, ((0, -1), (1, 0), (1, 1))),
    (53, ((0, 0), (1, 1))), (54, ((1, -1), (0, 0), (1, 1))), (55, ((1, -2), (1, -1))),
    (56, ((1, -3), (1, -2), (1, -1))),
)  # fmt: skip
_MULT_INT = 0x9E3779B97F4A7C15
FEATURE_VERSION = 2  # 2: word classes joined with lexicon classes (WordFields)


def _stable(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


class WordFields:
    """The ids of a word, its word class and its last two letters. The class joins the word classes
    lemminflect lists ("VERB+NOUN", "NUM", "UNK") with what the coder's lexicons call the word
    ("PER" for a part of a person's name, "SAY" for a speech verb, "TIME" for a weekday), frozen
    into the model when it is trained: names are most of the words lemminflect does not know, and a
    sentence that opens with one ("navalny announced ...") looks like one that opens with "he"."""

    def __init__(self, lexicon: Mapping[str, str] | None = None) -> None:
        self.lexicon = dict(lexicon or {})
        self._cache: dict[str, tuple[int, int, int]] = {}

    def __call__(self, word: str) -> tuple[int, int, int]:
        hit = self._cache.get(word)
        if hit is None:
            if len(self._cache) > 200_000:  # a bound on memory for a long-running server
                self._cache.clear()
            kind = "NUM" if word.isdigit() else "+".join(sorted(lemminflect.getAllLemmas(word))) or "UNK"
            if word in self.lexicon:
                kind += "|" + self.lexicon[word]
            hit = self._cache[word] = (_stable(word), _stable("c:" + kind), _stable("s:" + word[-2:]))
        return hit


def feature_matrix(words: list[str], size: int, fields: WordFields) -> np.ndarray:
    """Hashed feature indices, one row per word (a sentence may start at it), one column per template."""
    import numpy as np

    mult = np.uint64(_MULT_INT)
    pads = [_stable(f"<pad{k}>") for k in range(_PAD)]
    rows = np.array([(p, p, p) for p in pads] + [fields(w) for w in words] + [(p, p, p) for p in pads], dtype=np.uint64)
    n = len(words)
    out = np.empty((n, len(TEMPLATES)), dtype=np.int64)
    for col, (template, parts) in enumerate(TEMPLATES):
        h = np.full(n, (template * _MULT_INT) & 0xFFFFFFFFFFFFFFFF, dtype=np.uint64)
        for column, offset in parts:
            h = (h ^ rows[_PAD + offset : _PAD + offset + n, column]) * mult
        out[:, col] = (h >> np.uint64(20)) % np.uint64(size)
    return out


@dataclass(frozen=True)
class SentenceEndModel:
    weights: np.ndarray  # one weight per hashed feature
    threshold: float  # a sentence starts where the probability is above it
    fields: WordFields = field(default_factory=WordFields, compare=False)

    def probabilities(self, words: list[str]) -> np.ndarray:
        import numpy as np

        if not words:
            return np.zeros(0)
        scores = self.weights[feature_matrix(words, len(self.weights), self.fields)].astype(np.float32).sum(axis=1)
        return 1.0 / (1.0 + np.exp(-scores))

    def starts(self, words: list[str]) -> list[int]:
        """Positions where a new sentence begins: the likeliest first, none leaving a piece shorter
        than a news sentence ever is (most false starts cut off a few words at a sentence's edge)."""
        import numpy as np

        probs = self.probabilities(words)
        chosen: list[int] = []
        for i in sorted(np.flatnonzero(probs > self.threshold).tolist(), key=lambda k: -probs[k]):
            edges_ok = _MIN_PIECE <= i <= len(words) - _MIN_PIECE
            if edges_ok and all(abs(i - k) >= _MIN_PIECE for k in chosen):
                chosen.append(i)
        return sorted(chosen)


@lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_DIR)) -> SentenceEndModel:
    import numpy as np

    meta_path, weights_path = Path(path, "meta.json"), Path(path, "weights.npy")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        weights = np.load(weights_path)
        lexicon = json.loads(Path(path, WORD_CLASSES).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(
            path, None, f"sentence-end model unreadable ({exc}); retrain with scripts/train_sentence_ends.py"
        ) from exc
    made_for = (meta.get("templates"), meta.get("features", 1))
    if made_for != (len(TEMPLATES), FEATURE_VERSION):
        raise LexiconError(
            str(meta_path),
            None,
            f"made for {made_for[0]} feature templates (features version {made_for[1]}), this code "
            f"has {len(TEMPLATES)} (version {FEATURE_VERSION}); retrain with scripts/train_sentence_ends.py",
        )
    return SentenceEndModel(weights, float(meta["threshold"]), WordFields(lexicon))


def unpunctuated_runs(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Stretches with no sentence break, in a document whose text has almost no full stops."""
    breaks = [i for i, t in enumerate(tokens) if t.break_before]
    stops = max(len(_SENTENCE_STOP.findall(text)), len(breaks))
    if stops * _UNPUNCTUATED_TOKENS_PER_BREAK >= len(tokens):
        return []
    edges = [0, *breaks, len(tokens)]
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if b - a >= _MIN_RUN]


def find_sentence_ends(doc: Document, res: object = None) -> Document:
    """Mark the likely sentence starts of unpunctuated text as breaks (``Token.break_before``)."""
    runs = unpunctuated_runs(doc.text, doc.tokens)
    if not runs:
        return doc
    model = load_model()
    for start, end in runs:
        words = [t.text for t in doc.tokens[start:end]]
        for i in model.starts(words):
            doc.tokens[start + i].break_before = True
    return doc
