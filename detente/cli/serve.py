"""``detente serve``: registered on the main app by :mod:`detente.cli` when this module exists."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from detente.errors import DetenteError

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cmd(
        db: Annotated[Path, typer.Option("--db", help="DuckDB database file.")] = Path("detente.duckdb"),
        host: Annotated[str, typer.Option(help="Address to listen on (loopback unless you say otherwise).")] = (
            "127.0.0.1"
        ),
        port: Annotated[int, typer.Option(help="Port.")] = 8000,
        token: Annotated[
            str | None,
            typer.Option(help="Enable writes (POST /api/documents) for Bearer TOKEN; or env DETENTE_TOKEN."),
        ] = None,
        read_only: Annotated[
            bool, typer.Option("--read-only", help="Open the store read-only; `detente ingest` must wait for it.")
        ] = False,
        wait: Annotated[
            float, typer.Option(help="Seconds to wait for an ingest that is writing the store to finish.")
        ] = 10.0,
    ) -> None:
        """Serve the HTTP API and the dashboard over a store; `detente ingest` on this machine adds to it
        while it runs (see docs/live.md). HTTP clients may write only with the token."""
        import uvicorn

        from detente.serve.launch import advertise, local_url, open_app, serve_config

        token = token or os.environ.get("DETENTE_TOKEN") or None
        try:
            config, note = serve_config(db, token, read_only)
            api = open_app(config, wait, lambda message: typer.echo(message, err=True))
        except DetenteError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from None
        if note:
            typer.echo(f"warning: {note}", err=True)
        if host not in LOOPBACK:
            typer.echo(f"warning: listening on {host}, reachable from other machines", err=True)
        mode = "writes need the token" if token else "read-only API"
        mode += ", `detente ingest` adds to it" if config.live else ""
        typer.echo(f"detente: http://{host}:{port}/ ({db}, {mode})", err=True)
        advertise(api, config, local_url(host, port))
        uvicorn.run(api, host=host, port=port, log_level="info")
