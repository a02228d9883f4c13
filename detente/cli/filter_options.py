"""The event filters as command-line options, shared by ``detente dyad`` and ``detente relation``
so both accept them the same way (and as the HTTP API does: see detente/store/filters.py)."""

from __future__ import annotations

from typing import Annotated

import typer

StatusOption = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        help="Count events of this status: reported (default), planned, refused, historical, or all. Repeatable.",
    ),
]
SectorOption = Annotated[
    list[str] | None,
    typer.Option("--sector", help="Only events with an actor of this sector (GOV, MIL, BUS, REB...). Repeatable."),
]
ContextOption = Annotated[
    list[str] | None,
    typer.Option("--context", help="Only events in this context (military, economic, energy...). Repeatable."),
]
ConfidenceOption = Annotated[
    float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Only events with a report this confident.")
]
DirectionOption = Annotated[
    str, typer.Option("--direction", help="all, A->B or B->A (or with the codes, e.g. CHN->RUS).")
]
