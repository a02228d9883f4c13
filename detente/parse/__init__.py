"""Dependency parse of the document, trained for clean and scraped text (detente/models/parser-en)."""

from detente.parse.stage import parse_document

__all__ = ["parse_document"]
