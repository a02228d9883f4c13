"""Endpoints that run the coder: code posted text (no storage), and ingest posted documents (token only)."""

from __future__ import annotations

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool

from detente.serve.coding import code_text, coding_timeout, ingest_documents
from detente.serve.deps import AppState, errors, require_token
from detente.serve.errors import ApiError
from detente.serve.models import CodeRequest, CodeResponse, IngestRequest, IngestResult

router = APIRouter(prefix="/api")


@router.post("/code", response_model=CodeResponse, responses=errors(413, 503))
async def code(body: CodeRequest, st: AppState) -> dict[str, object]:
    """Code the posted text and return its events; nothing is stored. One request at a time runs
    the coder: others wait a bounded time (503 `coder_busy`), and a run has a deadline (503
    `coding_timeout`)."""
    cfg = st.config
    if len(body.text) > cfg.max_code_chars:
        raise ApiError(413, "text_too_long", f"text is over {cfg.max_code_chars} characters")
    args = (st.coder, body.text, body.date, body.doc_id, cfg.max_code_seconds, cfg.code_wait_seconds)
    try:
        # the request answers by its deadline even while a stage runs on (abandoned, it stops at
        # the next stage boundary and frees the coder)
        with anyio.fail_after(cfg.code_wait_seconds + cfg.max_code_seconds + 0.5):
            return await anyio.to_thread.run_sync(code_text, *args, abandon_on_cancel=True)
    except TimeoutError:
        raise coding_timeout(cfg.max_code_seconds) from None


@router.post(
    "/documents",
    response_model=IngestResult,
    responses=errors(400, 401, 403, 413),
    dependencies=[Depends(require_token)],
)
async def post_documents(body: IngestRequest, st: AppState) -> dict[str, object]:
    """Ingest documents into the store (only when the server has a token; send it as a Bearer token)."""
    if len(body.documents) > st.config.max_post_documents:
        raise ApiError(413, "too_many_documents", f"at most {st.config.max_post_documents} documents per request")
    docs = [d.model_dump() for d in body.documents]
    return await run_in_threadpool(ingest_documents, st.db, docs)
