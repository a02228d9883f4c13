"""``POST /api/explain``: why the coder coded posted text as it did (nothing is stored)."""

from __future__ import annotations

from typing import Any

import anyio.to_thread
from fastapi import APIRouter

from detente.serve.deps import AppState, errors
from detente.serve.errors import ApiError
from detente.serve.models import CodeRequest

router = APIRouter(prefix="/api")


@router.post("/explain", responses=errors(413, 501, 503))
async def explain(body: CodeRequest, st: AppState) -> dict[str, Any]:
    """The events of the posted text, and for every candidate trigger the pattern that fired, the
    clause's parse, the rules that bound source and target, modality and date, or why it was
    rejected. Meant for single sentences and short articles: the text limit is that of `/api/code`."""
    cfg = st.config
    if len(body.text) > cfg.max_code_chars:
        raise ApiError(413, "text_too_long", f"text is over {cfg.max_code_chars} characters")
    args = (body.text, body.date, body.doc_id, cfg.code_wait_seconds)
    return await anyio.to_thread.run_sync(st.coder.explain, *args)
