"""Stage: recognise actors (countries, capitals, organisations, titles, people) and compose them."""

from detente.actors.recognise import recognise_actors

__all__ = ["recognise_actors"]
