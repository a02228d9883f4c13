"""Every error the server answers has the shape ``{"error": {"code", "message", "detail"}}``:
our own errors, FastAPI's validation errors, Starlette's 404/405, and anything unexpected."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from detente.errors import DetenteError
from detente.serve.errors import ApiError, error_body
from detente.store.errors import StoreError

log = logging.getLogger("detente.serve")

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def _json(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    # only where and why: the rejected input may be large or not JSON-serialisable
    return [
        {"loc": [str(p) for p in err.get("loc", ())], "msg": str(err.get("msg", "")), "type": str(err.get("type", ""))}
        for err in exc.errors()
    ]


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    if exc.status == 503 and isinstance(exc.detail, dict) and "retry_after" in exc.detail:
        headers = {"Retry-After": str(exc.detail["retry_after"])}
    return _json(exc.status, exc.body(), headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return _json(422, error_body("validation_error", "the request is not valid", _validation_detail(exc)))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such path {request.url.path!r}"
    return _json(exc.status_code, error_body(code, message), getattr(exc, "headers", None))


async def _detente_error(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, StoreError):
        log.error("store error on %s: %s", request.url.path, exc)
        return _json(500, error_body("store_error", str(exc)))
    return _json(400, error_body("bad_request", str(exc)))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s", request.url.path)
    return _json(500, error_body("internal_error", "unexpected server error; see the server log"))


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(DetenteError, _detente_error)
    app.add_exception_handler(Exception, _unexpected)
