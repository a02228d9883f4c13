"""Stage: turn triggers into events - roles, modality, dates, contexts, quantities."""

from detente.resolve.build import resolve_events

__all__ = ["resolve_events"]
