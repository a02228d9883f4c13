"""Stage: one event per real event per document."""

from detente.dedupe.merge import merge_document_events

__all__ = ["merge_document_events"]
