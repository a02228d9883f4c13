"""Stage: cut the token stream into clause-sized segments and mark site chrome."""

from detente.actors.recognise import inherit_outside_chrome
from detente.model import Document
from detente.resources import Resources
from detente.segment.clauses import segment_document as _clauses


def segment_document(doc: Document, res: Resources) -> Document:
    """Segments and chrome (``segment.clauses``); then the article's sector words that took their
    country from a sidebar headline take it from the article instead."""
    return inherit_outside_chrome(_clauses(doc, res), res)


__all__ = ["segment_document"]
