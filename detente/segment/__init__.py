"""Stage: cut the token stream into clause-sized segments and mark site chrome."""

from detente.actors.recognise import inherit_outside_chrome
from detente.model import Document
from detente.resources import Resources
from detente.segment.clauses import segment_document as _clauses


def _chrome_edges(doc: Document) -> Document:
    """Site chrome is no part of the sentence before or after it: its edges end sentences."""
    for seg in doc.segments:
        if seg.chrome:
            doc.tokens[seg.start].break_before = True
            if seg.end < len(doc.tokens):
                doc.tokens[seg.end].break_before = True
    return doc


def segment_document(doc: Document, res: Resources) -> Document:
    """Segments and chrome (``segment.clauses``), chrome's edges made sentence ends; then the
    article's sector words that took their country from a sidebar headline take it from the
    article instead."""
    return inherit_outside_chrome(_chrome_edges(_clauses(doc, res)), res)


__all__ = ["segment_document"]
