"""Stage: find event triggers (verb and noun patterns from ``data/events``)."""
