"""Endpoints that run the coder: code posted text (no storage), and ingest posted documents (token only)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool

from detente.serve.coding import code_text, ingest_documents
from detente.serve.deps import AppState, errors, require_token
from detente.serve.errors import ApiError
from detente.serve.models import CodeRequest, CodeResponse, IngestRequest, IngestResult

router = APIRouter(prefix="/api")


@router.post("/code", response_model=CodeResponse, responses=errors(413))
async def code(body: CodeRequest, st: AppState) -> dict[str, object]:
    """Code the posted text and return its events; nothing is stored."""
    if len(body.text) > st.config.max_code_chars:
        raise ApiError(413, "text_too_long", f"text is over {st.config.max_code_chars} characters")
    return await run_in_threadpool(code_text, st.coder, body.text, body.date, body.doc_id)


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
