"""Validated data files: schemas, loading with ``file:line`` errors, compiled lexicons."""

from detente.lexicon.load import load_jsonl, normalise_phrase

__all__ = ["load_jsonl", "normalise_phrase"]
