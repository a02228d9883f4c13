"""``python -m detente.cli``: the same as the ``detente`` command."""

from detente.cli import app

app()
