"""Stage 1: turn raw text into lowercase word tokens that keep their place in the original."""

from detente.normalize.tokens import normalise_document, tokenize

__all__ = ["normalise_document", "tokenize"]
