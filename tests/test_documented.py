"""Everything a user can call or edit is documented: each CLI command in README or docs/, each
data-file schema in docs/data-files.md and detente/data/README.md, and each cue kind both
documented and read by the code (a kind nobody reads is dead data)."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
import typer.main

from detente.cli import app
from detente.lexicon import schemas

ROOT = Path(__file__).resolve().parents[1]
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
DATA_DOC = (ROOT / "docs" / "data-files.md").read_text(encoding="utf-8")
DATA_README = (ROOT / "detente" / "data" / "README.md").read_text(encoding="utf-8")
RECORDS = [
    "CountryRecord", "OrganisationRecord", "AgentRecord", "PersonRecord", "CameoRecord", "PatternRecord",
    "ModalityRecord", "ContextRecord", "CueRecord", "ChromeRecord", "TimeWordRecord", "QuantityWordRecord",
]  # fmt: skip


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        names += [f"{name} {sub}" for sub in subcommands] if subcommands else [name]
    return sorted(names)


@pytest.mark.parametrize("command", _commands())
def test_cli_command_is_documented(command: str) -> None:
    assert f"detente {command}" in DOCS, f"`detente {command}` is in no README or docs/ page"


@pytest.mark.parametrize("record", RECORDS)
def test_data_file_kind_is_documented(record: str) -> None:
    assert hasattr(schemas, record)
    assert record in DATA_DOC and record in DATA_README


def test_every_schema_is_listed() -> None:
    defined = {name for name, obj in vars(schemas).items() if name.endswith("Record") and isinstance(obj, type)}
    assert defined == set(RECORDS)


CUE_KINDS = typing.get_args(schemas.CueRecord.model_fields["kind"].annotation)
CODE = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "detente").rglob("*.py") if p.name != "schemas.py")
CUES = (ROOT / "detente" / "data" / "text" / "cues.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", CUE_KINDS)
def test_cue_kind_is_documented_present_and_read(kind: str) -> None:
    assert f"`{kind}`" in DATA_DOC
    assert f'"kind": "{kind}"' in CUES, f"no {kind} record in cues.jsonl"
    assert re.search(rf"[\"']{kind}[\"']", CODE), f"cue kind {kind} is read by no module"
