"""Commands of the corpus store, registered on the main ``detente`` app: ingest, dyad, top-dyads,
export, demo. Thin: parse options, call :class:`Store`, print; errors become messages."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
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
from detente.cli.progress import ProgressDisplay, QuietOption
from detente.errors import DetenteError, InputError
from detente.ingest.formats import CsvColumns
from detente.ingest.totals import count_documents
from detente.output.registry import names as export_formats
from detente.store import export as _exporters  # noqa: F401 - registers the export formats
from detente.store.filters import build_filters
from detente.store.handoff import open_for_ingest
from detente.store.ingest import IngestReport, Progress
from detente.store.series import DyadSeries, TopDyads, dyad
from detente.store.store import DEFAULT_DB, Store
from detente.store.tables import dyad_table, dyad_title, top_dyads_table, top_dyads_titles, wide_table

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
FromOption = Annotated[str | None, typer.Option("--from", help="First date YYYY-MM-DD or YYYY-MM.")]
ToOption = Annotated[str | None, typer.Option("--to", help="Last date YYYY-MM-DD, or YYYY-MM for its last day.")]
HistoricalOption = Annotated[
    bool,
    typer.Option(
        "--include-historical",
        help="Also count events that only refer back to the past (status historical), e.g. 'founded in 2001'.",
    ),
]


class By(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class SeriesFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


# the export formats the registry holds (detente/output/registry.py)
ExportFormat = StrEnum("ExportFormat", {name: name for name in export_formats("export")})  # type: ignore[misc]


def _fail(exc: Exception) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(code=2)


@contextlib.contextmanager
def _progress(paths: list[str], columns: CsvColumns | None, quiet: bool) -> Iterator[Progress]:
    """Documents done out of the total, with the time left, on stderr (see detente/cli/progress.py)."""
    total = None if quiet else count_documents(paths, columns)
    with ProgressDisplay("ingested", total, quiet=quiet) as shown:
        # the local ingest counts documents done; the server hand-off and Dask report what they read
        yield lambda report: shown.update(report.documents_done or report.documents_read or report.documents_added)


def print_report(report: IngestReport, db: Path) -> None:
    for error in report.errors:
        typer.echo(f"skipped: {error}", err=True)
    for line in report.duplicates:
        typer.echo(f"duplicate: {line}", err=True)
    if report.documents_undated:
        typer.echo(
            f"warning: {report.documents_undated} documents have no date (add a 'date' field, a date column or "
            "NAME.meta.json 'published'); their event dates and actors' offices are unresolved",
            err=True,
        )
    typer.echo(
        f"{db}: {report.documents_added} documents added, {report.documents_skipped} already present, "
        f"{report.reports_added} reports, {report.events_added:+d} events "
        f"({report.documents_read} read in {report.seconds:.1f}s, {report.docs_per_second:.0f} docs/s"
        f"{f', {len(report.errors)} skipped' if report.errors else ''})"
    )


def _print_rows(columns: list[str], rows: list[dict[str, Any]], fmt: SeriesFormat) -> None:
    """Rows as JSON or CSV (every column; tables are made in detente/store/tables.py)."""
    if fmt is SeriesFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return
    import csv

    writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _echo_lines(lines: list[str]) -> None:
    for line in lines:
        typer.echo(line)


def _print_series(series: DyadSeries, fmt: SeriesFormat, wide: bool) -> None:
    if not series.rows:
        typer.echo(f"no events between {series.a} and {series.b} in this range", err=True)
        return
    if fmt is not SeriesFormat.table:
        _print_rows(series.columns, series.rows, fmt)
        return
    if wide:
        _echo_lines([*dyad_title(series)[:1], *wide_table(series)])
        return
    _echo_lines([*dyad_title(series), *dyad_table(series)])


def _print_top_dyads(top: TopDyads, fmt: SeriesFormat) -> None:
    if not top.activity:
        typer.echo("no events with two actors in this range", err=True)
        return
    if fmt is not SeriesFormat.table:
        columns = ["pair", "events", "reports", "goldstein_mean", "earlier", "later", "change"]
        _print_rows(columns, top.activity, fmt)
        _print_rows(columns, top.change, fmt)
        return
    for title, rows in zip(top_dyads_titles(top), (top.activity, top.change), strict=True):
        _echo_lines([title, *top_dyads_table(rows), ""])


def ingest_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories or globs (.txt .jsonl .csv .html .warc .rss/.atom/.xml, optionally .gz)."
        ),
    ],
    db: DbOption = Path(DEFAULT_DB),
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Report bad records and go on.")] = False,
    text_col: Annotated[str, typer.Option(help="CSV column with the text.")] = "text",
    id_col: Annotated[str, typer.Option(help="CSV column with the document id.")] = "id",
    date_col: Annotated[str, typer.Option(help="CSV column with the date (YYYY-MM-DD).")] = "date",
    title_col: Annotated[str, typer.Option(help="CSV column with the title.")] = "title",
    url_col: Annotated[str, typer.Option(help="CSV column with the URL.")] = "url",
    engine: Annotated[Engine, typer.Option(help="Code in this process, or on Dask workers.")] = Engine.local,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (tcp://host:8786); default: a local cluster.")
    ] = None,
    workers: Annotated[int, typer.Option(help="Worker processes of the local Dask cluster.")] = 2,
    partition_docs: Annotated[int, typer.Option(help="Dask: documents per task (one Parquet file each).")] = 200,
    parts_dir: Annotated[
        Path | None,
        typer.Option(help="Dask: partition files, shared by driver and workers (default: DB.parts)."),
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Read documents into the database, code them and update the deduplicated events."""
    columns = CsvColumns(text=text_col, id=id_col, date=date_col, title=title_col, url=url_col)
    try:
        if engine is Engine.local and scheduler is None:
            # a running server takes them
            with open_for_ingest(db) as store, _progress(paths, columns, quiet) as progress:
                report = store.ingest(paths, columns, skip_bad, progress)
        else:
            from detente.scale import DaskOptions, ingest

            with _progress(paths, columns, quiet) as progress:
                options = DaskOptions(
                    scheduler=scheduler, workers=workers, partition_docs=partition_docs, parts_dir=parts_dir
                )
                report = ingest(db, paths, columns, skip_bad, progress, engine.value, options)
    except InputError as exc:
        # a bad record stopped the run; what was stored before it stays
        _fail(InputError(exc.path, exc.line, f"{exc.message} (or use --skip-bad to report bad records and go on)"))
        return
    except DetenteError as exc:
        _fail(exc)
        return
    print_report(report, db)


def dyad_cmd(
    a: Annotated[str, typer.Argument(help="Actor code, e.g. CHN.")],
    b: Annotated[str, typer.Argument(help="Actor code, e.g. RUS.")],
    db: DbOption = Path(DEFAULT_DB),
    start: FromOption = None,
    end: ToOption = None,
    by: Annotated[By, typer.Option("--by", help="Period.")] = By.month,
    fmt: Annotated[SeriesFormat, typer.Option("--format", help="Output format.")] = SeriesFormat.table,
    plot: Annotated[Path | None, typer.Option("--plot", help="Also draw the series to this PNG.")] = None,
    include_historical: HistoricalOption = False,
    status: StatusOption = None,
    sector: SectorOption = None,
    context: ContextOption = None,
    min_confidence: ConfidenceOption = 0.0,
    direction: DirectionOption = "all",
    rolling: Annotated[int, typer.Option("--rolling", help="Add trailing means over N periods.")] = 0,
    wide: Annotated[
        bool, typer.Option("--wide", help="Table: every column, a row per period and direction.")
    ] = False,
) -> None:
    """Events per period between A and B: both directions and combined, by QuadClass and context."""
    try:
        first, last = parse_date(start, "--from"), parse_date(end, "--to", last_day=True)
        pair = (a.strip().upper(), b.strip().upper())
        filters = build_filters(
            first, last, status, sector, context, min_confidence, direction, include_historical, pair
        )
        with Store(db, create=False) as store:
            store.check_actors(a, b)
            series = dyad(store.conn, a, b, by=by.value, filters=filters, rolling=rolling)
    except DetenteError as exc:
        _fail(exc)
        return
    _print_series(series, fmt, wide)
    if plot is not None and series.rows:
        from detente.store.plot import plot_dyad

        typer.echo(f"plot: {plot_dyad(series, plot)}", err=True)


def top_dyads_cmd(
    db: DbOption = Path(DEFAULT_DB),
    start: FromOption = None,
    end: ToOption = None,
    limit: Annotated[int, typer.Option(help="Pairs per ranking.")] = 10,
    fmt: Annotated[SeriesFormat, typer.Option("--format", help="Output format.")] = SeriesFormat.table,
    include_historical: HistoricalOption = False,
) -> None:
    """Actor pairs ranked by activity (events) and by change (later half minus earlier half)."""
    try:
        first, last = parse_date(start, "--from"), parse_date(end, "--to", last_day=True)
        with Store(db, create=False) as store:
            top = store.top_dyads(first, last, limit, include_historical)
    except DetenteError as exc:
        _fail(exc)
        return
    _print_top_dyads(top, fmt)


def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Export format.")],
    out: Annotated[str, typer.Option("--out", help="Output file, or a directory (out/: events.* inside).")],
    db: DbOption = Path(DEFAULT_DB),
    header: Annotated[bool, typer.Option(help="Header row in csv and gdelt files.")] = True,
) -> None:
    """Write every deduplicated event as Parquet (by month), CSV, GDELT-style TSV or PLOVER JSON Lines."""
    try:
        with Store(db, create=False) as store:
            n = store.export(fmt.value, out, header)
    except DetenteError as exc:
        _fail(exc)
        return
    typer.echo(f"{out}: {n} events ({fmt.value})")


def demo_cmd(
    db: DbOption = Path("detente-demo.duckdb"),
    plot: Annotated[Path, typer.Option("--plot", help="Where to draw the series.")] = Path("detente-demo.png"),
) -> None:
    """Ingest the bundled sample news, print the China–Russia monthly series and plot it."""
    samples = sorted((Path(__file__).resolve().parent.parent / "data" / "samples").glob("*.jsonl"))
    if not samples:
        _fail(FileNotFoundError("the bundled samples (detente/data/samples/*.jsonl) are missing"))
        return
    try:
        with Store(db) as store, _progress([str(p) for p in samples], None, False) as progress:
            report = store.ingest(samples, progress=progress)
            series = store.dyad("CHN", "RUS", by="month")
    except DetenteError as exc:
        _fail(exc)
        return
    print_report(report, db)
    if not any(row["events"] for row in series.rows):
        typer.echo("no CHN-RUS events in the samples", err=True)
        return
    typer.echo(f"per direction, every column: detente dyad CHN RUS --wide --db {db}")
    _echo_lines([*dyad_title(series), *dyad_table(series)])
    from detente.store.plot import plot_dyad

    typer.echo(f"plot: {plot_dyad(series, plot)}")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("dyad")(dyad_cmd)
    app.command("top-dyads")(top_dyads_cmd)
    app.command("export")(export_cmd)
    app.command("demo")(demo_cmd)

    from detente.cli.relation import register as register_relation

    register_relation(app)
