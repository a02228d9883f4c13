"""``detente explain``: why the coder coded what it did (see detente/explain.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from detente import Pipeline, parse_date
from detente.errors import DetenteError, UsageError


def _text_of(text_or_file: str) -> str:
    """A path to a readable file gives its contents, "-" standard input (as for ``detente code``);
    anything else is the text itself."""
    if text_or_file == "-":
        try:
            return sys.stdin.read()
        except UnicodeDecodeError as exc:
            raise UsageError(f"standard input: not UTF-8 text ({exc})") from exc
    path = Path(text_or_file)
    if len(text_or_file) < 4096 and "\n" not in text_or_file and _is_file(path):
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{path}: cannot read it as UTF-8 text ({exc})") from exc
    if not text_or_file.strip():
        raise UsageError("explain: give a sentence or a file to explain")
    return text_or_file


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a sentence longer than a file name can be ("File name too long")
        return False


def register(app: typer.Typer) -> None:
    @app.command("explain")
    def explain_cmd(
        text: Annotated[str, typer.Argument(help="A sentence (quoted), a text file, or - for standard input.")],
        date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="The explanation as JSON.")] = False,
    ) -> None:
        """Show each event with the pattern, parse and rules behind it, and why other candidates were rejected."""
        from detente.explain import explain, render_text

        try:
            explanation = explain(_text_of(text), parse_date(date, "--date"), pipeline=Pipeline())
        except DetenteError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from None
        if as_json:
            typer.echo(json.dumps(explanation.to_dict(), ensure_ascii=False, indent=1))
            return
        for line in render_text(explanation):
            typer.echo(line)
