"""Writing events: JSON Lines (the output contract), CSV, and a terminal table."""

from detente.output.writers import CSV_COLUMNS, write_events

__all__ = ["CSV_COLUMNS", "write_events"]
