"""Stage: cut the token stream into clause-sized segments and mark site chrome."""

from detente.actors.recognise import inherit_outside_chrome
from detente.model import Document
from detente.resources import Resources
from detente.segment.clauses import segment_document as _clauses
from detente.segment.starts import mark_actor_starts


def _chrome_edges(doc: Document) -> Document:
    """Site chrome is no part of the sentence before or after it: its edges end sentences."""
    for seg in doc.segments:
        if seg.chrome:
            doc.tokens[seg.start].break_before = True
            if seg.end < len(doc.tokens):
                doc.tokens[seg.end].break_before = True
    return doc


def segment_document(doc: Document, res: Resources) -> Document:
    """Segments and chrome (``segment.clauses``); the article's sector words that took their
    country from a sidebar headline take it from the article instead; chrome's edges end sentences.
    In unpunctuated text, a named actor and its verb after a finished clause start a sentence first
    (``segment.starts``)."""
    # the sector words first: which donor they took is found again with the breaks they were given
    return _chrome_edges(inherit_outside_chrome(_clauses(mark_actor_starts(doc, res), res), res))


__all__ = ["segment_document"]
