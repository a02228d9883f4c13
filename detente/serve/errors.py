"""Errors of the server. Every error response has one shape:
``{"error": {"code": "not_found", "message": "...", "detail": ...}}``."""

from __future__ import annotations

from typing import Any

from detente.errors import DetenteError


class ServeError(DetenteError):
    """The server could not start (database missing, not a detente store, schema too old or new)."""


class ApiError(DetenteError):
    """An error answered to the client with ``status`` and the common error shape."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.message, self.detail)


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "detail": detail}}


def not_found(what: str, key: str) -> ApiError:
    return ApiError(404, "not_found", f"no {what} {key!r}")
