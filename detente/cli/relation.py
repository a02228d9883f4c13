"""``detente relation A B``: is the relationship warming or cooling, and how sure are we?

Prints the verdict with its interval, the event count and the drivers with their evidence, or
with ``--format json`` the same JSON as ``GET /api/dyads/{a}/{b}/relation``."""

from __future__ import annotations

import json
import textwrap
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from detente import parse_date
from detente.cli.filter_options import (
    ConfidenceOption,
    ContextOption,
    DirectionOption,
    SectorOption,
    StatusOption,
)
from detente.errors import DetenteError
from detente.store.filters import build_filters
from detente.store.store import DEFAULT_DB, Store


class RelationFormat(StrEnum):
    text = "text"
    json = "json"


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


def _signed(value: float, digits: int = 3) -> str:
    return f"{value:+.{digits}f}"


def _trend_text(trend: dict[str, Any] | None, by: str) -> str:
    if trend is None:
        return "no trend (all events fall in one period)"
    lo, hi = trend["interval"]
    return (
        f"{_signed(trend['slope'])} per {by} ({trend['level']:.0%} interval {_signed(lo)} to {_signed(hi)}; "
        f"p = {trend['p_value']:.3f}; {_signed(trend['change_over_window'], 2)} in all)"
    )


def _short_trend(trend: dict[str, Any] | None, by: str) -> str:
    if trend is None:
        return "no trend"
    lo, hi = trend["interval"]
    return f"{_signed(trend['slope'])} per {by} ({_signed(lo)} to {_signed(hi)}, p = {trend['p_value']:.2f})"


def _headline(result: dict[str, Any]) -> list[str]:
    by = result["by"]
    lines = [
        f"{result['a']}–{result['b']}, {result['from']} to {result['to']}: {result['verdict'].upper()}",
        f"  {result['events']} cooperative or conflictual events in {result['periods_with_events']} of "
        f"{result['periods']} {by}s",
        f"  trend: {_trend_text(result['trend'], by)}",
    ]
    if result["verdict"] == "not enough events":
        lines.append(f"  ({result['rule']})".replace("cooperative or conflictual ", ""))
    for name, part in result["directions"].items():
        lines.append(f"  {name}: {part['verdict']}, {part['events']} events, {_short_trend(part['trend'], by)}")
    return lines


def _driver_lines(drivers: list[dict[str, Any]]) -> list[str]:
    lines = ["drivers (event types with the largest share in the slope of net cooperation per period):"]
    for rank, d in enumerate(drivers, 1):
        names = f"{d['cameo']} {d['cameo_name'] or '?'}" + (f" ({d['plover']})" if d["plover"] else "")
        gold = "-" if d["goldstein_mean"] is None else f"{d['goldstein_mean']:+.1f}"
        noun = "event" if d["count"] == 1 else "events"
        lines.append(
            f"  {rank}. {names}: {d['count']} {noun}, Goldstein {gold}, share of slope {_signed(d['contribution'], 4)}"
        )
        for ev in d["evidence"]:
            lines.append(f"     {ev['date']} {ev['direction']} event {ev['cluster_id']}, document {ev['doc_id']}:")
            text = ev["text"] or "(no evidence text)"
            lines += textwrap.wrap(f'"{text}"', width=96, initial_indent="       ", subsequent_indent="       ")
    return lines if drivers else []


def render(result: dict[str, Any]) -> list[str]:
    """The summary as lines of plain text, at most about 100 columns wide."""
    if result["events"] == 0:
        return [f"{result['a']}–{result['b']}: not enough events (none match these filters)"]
    filters = result["filters"]
    left_out = ", ".join(filters["excluded_status"]) or "none"
    shown = [f"status {', '.join(filters['status'])} (left out: {left_out})"]
    shown += [f"{k} {', '.join(map(str, filters[k]))}" for k in ("sector", "context") if filters[k]]
    if filters["min_confidence"]:
        shown.append(f"confidence >= {filters['min_confidence']}")
    return [
        *_headline(result),
        *_driver_lines(result["drivers"]),
        f"filters: {'; '.join(shown)}",
        *textwrap.wrap(f"method: {result['method']}", width=100, subsequent_indent="  "),
    ]


def register(app: typer.Typer) -> None:
    @app.command("relation")
    def relation_cmd(
        a: Annotated[str, typer.Argument(help="Actor code, e.g. CHN.")],
        b: Annotated[str, typer.Argument(help="Actor code, e.g. RUS.")],
        db: Annotated[Path, typer.Option("--db", help="DuckDB database file.")] = Path(DEFAULT_DB),
        start: Annotated[str | None, typer.Option("--from", help="First date YYYY-MM-DD.")] = None,
        end: Annotated[str | None, typer.Option("--to", help="Last date YYYY-MM-DD.")] = None,
        by: Annotated[Period, typer.Option("--by", help="Period of the trend.")] = Period.month,
        status: StatusOption = None,
        sector: SectorOption = None,
        context: ContextOption = None,
        min_confidence: ConfidenceOption = 0.0,
        direction: DirectionOption = "all",
        fmt: Annotated[RelationFormat, typer.Option("--format", help="text or json.")] = RelationFormat.text,
    ) -> None:
        """Is the relationship between A and B warming or cooling? Trend of net cooperation with its
        interval, the events behind it and the event types that drive it (docs/relation.md)."""
        from detente.store.relation import relation

        try:
            first, last = parse_date(start, "--from"), parse_date(end, "--to")
            pair = (a.strip().upper(), b.strip().upper())
            filters = build_filters(first, last, status, sector, context, min_confidence, direction, pair=pair)
            with Store(db, create=False) as store:
                store.check_actors(a, b)
                result = relation(store.conn, a, b, filters, by.value)
        except DetenteError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from None
        if fmt is RelationFormat.json:
            typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
            return
        for line in render(result):
            typer.echo(line)
