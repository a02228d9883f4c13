"""``detente scale-ingest``: the store's ingest with ``--engine local|dask``, ``--scheduler`` and
``--workers``, until ``detente ingest`` takes those options itself. Thin: parse, call, print."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from detente.errors import DetenteError
from detente.store import DEFAULT_DB, CsvColumns
from detente.store.cli import print_report


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def register(app: typer.Typer) -> None:
    @app.command("scale-ingest")
    def scale_ingest_cmd(
        paths: Annotated[list[str], typer.Argument(help="Files, directories or globs, as for `detente ingest`.")],
        db: Annotated[Path, typer.Option("--db", help="DuckDB database file.")] = Path(DEFAULT_DB),
        engine: Annotated[Engine, typer.Option(help="Code in this process, or on Dask workers.")] = Engine.dask,
        scheduler: Annotated[
            str | None, typer.Option(help="Dask scheduler address (tcp://host:8786); default: a local cluster.")
        ] = None,
        workers: Annotated[int, typer.Option(help="Worker processes of the local cluster.")] = 2,
        partition_docs: Annotated[int, typer.Option(help="Documents per task (one Parquet file each).")] = 200,
        parts_dir: Annotated[
            Path | None, typer.Option(help="Partition files; must be shared by driver and workers. Default: DB.parts")
        ] = None,
        skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Report bad records and go on.")] = False,
        text_col: Annotated[str, typer.Option(help="CSV column with the text.")] = "text",
        id_col: Annotated[str, typer.Option(help="CSV column with the document id.")] = "id",
        date_col: Annotated[str, typer.Option(help="CSV column with the date (YYYY-MM-DD).")] = "date",
        title_col: Annotated[str, typer.Option(help="CSV column with the title.")] = "title",
        url_col: Annotated[str, typer.Option(help="CSV column with the URL.")] = "url",
    ) -> None:
        """Ingest like `detente ingest`, coding on Dask workers; the database ends up the same."""
        from detente.scale import DaskOptions, ingest

        columns = CsvColumns(text=text_col, id=id_col, date=date_col, title=title_col, url=url_col)
        options = DaskOptions(scheduler=scheduler, workers=workers, partition_docs=partition_docs, parts_dir=parts_dir)
        try:
            report = ingest(db, paths, columns, skip_bad, engine=engine.value, options=options)
        except DetenteError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from None
        print_report(report, db)
