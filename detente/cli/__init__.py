"""Command line: parse options, call the library, turn its errors into messages.

Library code never prints or exits; only this module does.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from detente import Document, Event, Pipeline, code_documents, parse_date
from detente.cli.progress import ProgressDisplay, QuietOption
from detente.errors import DetenteError, UsageError
from detente.ingest.readers import MAX_DOC_BYTES, option_date, read_documents
from detente.ingest.totals import count_documents
from detente.output import write_events
from detente.output.registry import names as event_formats

# One coding thread per process (scale-out is by processes): the worker threads OpenBLAS starts
# when numpy is first imported would only spin, and cost a tenth of a second of every short run.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


class _Program(typer.Typer):
    """The ``detente`` app. Run as the ``detente`` program for a core command, it ends the process
    as soon as the command is done instead of tearing the interpreter down: freeing the lexicon and
    the parser object by object takes a third of a second, of no use to a process about to end."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if not _run_as_program() or _invoked_command() not in _CORE_COMMANDS:
            return super().__call__(*args, **kwargs)
        try:
            super().__call__(*args, **kwargs)
        except SystemExit as stop:
            _exit_now(stop.code)
        _exit_now(0)


def _run_as_program() -> bool:
    """Started as the ``detente`` console script or ``python -m detente.cli``, not from a program
    (or a test) that calls ``app()`` and may go on after it."""
    started = getattr(sys.modules.get("__main__"), "__file__", None)
    return started is not None and (
        Path(started).stem == "detente" or Path(started).parts[-2:] == ("cli", "__main__.py")
    )


def _exit_now(code: object) -> NoReturn:
    """What interpreter shutdown does that matters here (exit handlers, flushed output, the exit
    status), then the end of the process. With a thread still running, the usual way out."""
    import atexit
    import threading

    if threading.active_count() > 1:
        raise SystemExit(code)
    atexit._run_exitfuncs()  # noqa: SLF001 - what shutdown would run, and logging's flush
    if isinstance(code, str):
        sys.stderr.write(code + "\n")
    status = code if isinstance(code, int) else int(code is not None)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): as the interpreter, status 120
            status = status or 120
    os._exit(status)


app = _Program(help="detente: political events from news text, and country-pair series.", no_args_is_help=True)
actors_app = typer.Typer(help="Look up actors (people, offices, countries, organisations).", no_args_is_help=True)
app.add_typer(actors_app, name="actors")


# the event formats the registry holds (detente/output/registry.py)
Format = StrEnum("Format", {name: name for name in event_formats("events")})  # type: ignore[misc]


DataDir = Annotated[
    list[Path] | None,
    typer.Option("--data-dir", help="Extra data directory (actors/, events/ ...) added to the bundled data."),
]


def fail(exc: Exception) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(code=2)


@app.command("code")
def code_cmd(
    path: Annotated[
        str, typer.Argument(help="A .txt file (one document), a .jsonl file (id, text, date), or - for stdin.")
    ],
    date: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (default: from the file or NAME.meta.json).")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    max_doc_mb: Annotated[float, typer.Option(help="Largest document accepted, in MB.")] = MAX_DOC_BYTES / 1024 / 1024,
    data_dir: DataDir = None,
    quiet: QuietOption = False,
) -> None:
    """Code political events in PATH and write them, one per line."""
    try:
        pipe = Pipeline(data_dirs=tuple(str(d) for d in data_dir or ()))
        read = read_documents(path, option_date(date, "--date"), int(max_doc_mb * 1024 * 1024))
        docs: Iterable[Document] = _warn_undated(read)
        total = count_documents([path])
        if total is None:  # stdin is read whole anyway: count what came
            docs = list(docs)
            total = len(docs)
        with ProgressDisplay("coded", total, quiet=quiet) as shown:
            _write_all(_events_shown(code_documents(docs, pipe), shown), output, fmt)
    except DetenteError as exc:
        fail(exc)


def _warn_undated(docs: Iterable[Document], shown: int = 3) -> Iterator[Document]:
    """Say on stderr which documents have no date: relative dates ("on Thursday") and people's
    offices at the time cannot be resolved without one."""
    undated = 0
    for doc in docs:
        if doc.date is None:
            undated += 1
            if undated <= shown:
                typer.echo(
                    f"warning: {doc.doc_id}: no date (give --date, a 'date' field or NAME.meta.json 'published'); "
                    "event dates and actors' offices will be unresolved",
                    err=True,
                )
        yield doc
    if undated > shown:
        typer.echo(f"warning: {undated} documents in all have no date", err=True)


def _events_shown(coded: Iterable[Document], shown: ProgressDisplay) -> Iterator[Event]:
    for done, doc in enumerate(coded, 1):
        yield from doc.events
        shown.update(done)


def _write_all(events: Iterable[Event], output: Path | None, fmt: Format) -> None:
    if output is None:
        write_events(events, sys.stdout, fmt.value)
        return
    try:
        with output.open("w", encoding="utf-8", newline="") as out:
            write_events(events, out, fmt.value)
    except OSError as exc:  # a missing directory, a full disk, a read-only place
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from exc


@app.command("validate")
def validate_cmd(data_dir: DataDir = None) -> None:
    """Validate the bundled data files (and any --data-dir) and report what they hold."""
    from detente.resources import load_resources

    try:
        res = load_resources(tuple(str(d) for d in data_dir or ()))
    except DetenteError as exc:
        fail(exc)
        return
    terms = sum(len(t) for t in res.terms_by_person.values())
    typer.echo(
        f"ok: {len(res.countries)} countries, {len(res.organisations)} organisations, "
        f"{len(res.people)} people with {terms} office terms, {len(res.cameo)} CAMEO codes, "
        f"{len(res.pattern_records)} event patterns"
    )


@actors_app.command("lookup")
def lookup_cmd(
    name: Annotated[str, typer.Argument(help="A name, title or place, e.g. 'putin', 'lavrov', 'the kremlin'.")],
    date: Annotated[str | None, typer.Option(help="Resolve at this date YYYY-MM-DD.")] = None,
    data_dir: DataDir = None,
) -> None:
    """Print every actor record matching NAME, with its code and term."""
    from detente.actors.lookup import lookup

    try:
        rows = lookup(name, parse_date(date, "--date"), tuple(str(d) for d in data_dir or ()))
    except DetenteError as exc:
        fail(exc)
        return
    if not rows:
        typer.echo(f"no actor matches {name!r}")
        raise typer.Exit(code=1)
    for row in rows:
        typer.echo(row)


def _register_core() -> None:
    from detente.cli import explain as cli_explain

    cli_explain.register(app)


_CORE_COMMANDS = frozenset({"code", "validate", "actors", "explain"})


def _invoked_command() -> str | None:
    """The command this process was started for (``detente code ...``), when run as ``detente``."""
    started_as = Path(sys.argv[0])
    if started_as.stem != "detente" and started_as.parts[-2:] not in (("detente", "cli.py"), ("cli", "__main__.py")):
        return None  # imported by a test or a program: every command must exist
    return next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)


def _register_extensions() -> None:
    """Commands of optional parts (store, server) register themselves when they can be imported.

    A part whose optional dependencies are not installed is left out; the core commands still work
    and ``pip install "detente[store]"`` (or ``[serve]``) brings the rest. The Dask engine is an
    option of ``detente ingest`` (``[scale]``).
    """
    import importlib

    if _invoked_command() in _CORE_COMMANDS:
        return  # their imports (DuckDB, Arrow, ftfy: half a second) are of no use to a core command
    for name in ("detente.cli.store", "detente.cli.serve"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        module.register(app)


_register_core()
_register_extensions()


if __name__ == "__main__":  # pragma: no cover
    app()
