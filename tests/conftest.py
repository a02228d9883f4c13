"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the read-only ../shared folder), which is absent here")
    return path


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


def scrape(text: str) -> str:
    """The "scraped" rendering: lowercase, every character other than a-z/0-9 a space."""
    import re

    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())
