"""Stage: cut the token stream into clause-sized segments and mark site chrome."""

from detente.segment.clauses import segment_document

__all__ = ["segment_document"]
