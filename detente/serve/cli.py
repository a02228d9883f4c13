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
    ) -> None:
        """Serve the HTTP API and the dashboard over a store (read-only unless a token is given)."""
        import uvicorn

        from detente.serve.app import create_app
        from detente.serve.config import ServeConfig

        token = token or os.environ.get("DETENTE_TOKEN") or None
        try:
            api = create_app(ServeConfig(db=db, token=token))
        except DetenteError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from None
        if host not in LOOPBACK:
            typer.echo(f"warning: listening on {host}, reachable from other machines", err=True)
        mode = "writes need the token" if token else "read-only"
        typer.echo(f"detente: http://{host}:{port}/ ({db}, {mode})", err=True)
        uvicorn.run(api, host=host, port=port, log_level="info")
