"""Progress of ``detente ingest``: a total counted before coding, documents done one by one through
the library's callback (which prints nothing), plain lines on a non-terminal stderr, --quiet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_helpers import REPO, StubCoder
from typer.testing import CliRunner

from detente.cli import app
from detente.ingest.totals import count_documents
from detente.store import Store
from detente.store.ingest import IngestReport

WIRE = REPO / "detente" / "data" / "samples" / "wire.jsonl"


def _lines(path: Path) -> int:
    return sum(1 for line in path.read_text("utf-8").splitlines() if line.strip())


def test_ingest_shows_the_total_on_stderr_and_quiet_shows_nothing(tmp_path: Path) -> None:
    documents = _lines(WIRE)
    loud = CliRunner().invoke(app, ["ingest", str(WIRE), "--db", str(tmp_path / "a.duckdb")])
    assert loud.exit_code == 0, loud.output
    progress = [line for line in loud.stderr.splitlines() if line.startswith("ingested ")]
    assert progress and progress[-1].startswith(f"ingested {documents}/{documents} documents in "), loud.stderr
    assert "ingested" not in loud.stdout and f"{documents} documents added" in loud.stdout
    quiet = CliRunner().invoke(app, ["ingest", str(WIRE), "--db", str(tmp_path / "b.duckdb"), "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == "", quiet.stderr
    assert f"{documents} documents added" in quiet.stdout


def test_the_library_reports_each_document_done_and_prints_nothing(
    tmp_path: Path, gas_deal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[int] = []

    def progress(report: IngestReport) -> None:
        seen.append(report.documents_done)

    with Store(tmp_path / "p.duckdb", coder=StubCoder()) as store:  # batches of 2: progress within and across
        report = store.ingest([gas_deal, gas_deal], progress=progress, batch_docs=2)
    documents = 2 * _lines(gas_deal)  # the second copy is read and found stored
    assert report.documents_done == report.documents_read == documents
    assert sorted(set(seen)) == list(range(1, documents + 1)), "one report per document, in order"
    assert seen == sorted(seen)
    assert capsys.readouterr() == ("", "")


def test_count_documents_per_format(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        "\n".join(json.dumps({"id": str(i), "text": "x"}) for i in range(3)) + "\n\n", "utf-8"
    )
    (tmp_path / "b.txt").write_text("Russia and China met.", "utf-8")
    (tmp_path / "c.csv").write_text("id,text\n1,one\n2,two\n", "utf-8")
    (tmp_path / "notes.md").write_text("not an input", "utf-8")
    assert count_documents([tmp_path]) == 3 + 1 + 2
    assert count_documents([tmp_path / "a.jsonl", tmp_path / "absent.jsonl"]) == 3
    assert count_documents(["-", tmp_path]) is None, "stdin cannot be counted ahead"
    assert count_documents([WIRE.parent]) == _lines(WIRE) + _lines(WIRE.parent / "scraped.jsonl")
