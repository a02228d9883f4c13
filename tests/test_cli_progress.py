"""Progress of ``detente code`` on stderr: totals and time left, plain lines when stderr is not a
terminal, nothing with --quiet or for a single document; stdout carries only events."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from detente.cli import app
from detente.cli.progress import ProgressDisplay, clock_text

SAMPLES = Path(__file__).resolve().parent.parent / "detente" / "data" / "samples"


def _code(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, ["code", *args], input=stdin)


def test_code_prints_a_total_on_a_pipe_and_keeps_stdout_clean() -> None:
    sample = SAMPLES / "wire.jsonl"
    documents = sum(1 for line in sample.read_text("utf-8").splitlines() if line.strip())
    result = _code(str(sample))
    assert result.exit_code == 0, result.output
    assert all(json.loads(line)["doc_id"] for line in result.stdout.splitlines())
    lines = result.stderr.splitlines()
    assert lines and lines[-1].startswith(f"coded {documents}/{documents} documents in "), result.stderr
    assert "\x1b" not in result.stderr, "no terminal codes when stderr is not a terminal"


def test_quiet_is_silent_and_codes_the_same() -> None:
    sample = str(SAMPLES / "wire.jsonl")
    loud, quiet = _code(sample), _code(sample, "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert quiet.stdout == loud.stdout != ""


def test_stdin_is_counted_and_one_document_shows_nothing() -> None:
    lines = [json.dumps({"id": f"d{i}", "text": "Iran condemned Israel.", "date": "2020-01-08"}) for i in range(3)]
    many = _code("-", stdin="\n".join(lines) + "\n")
    assert many.exit_code == 0 and many.stderr.startswith("coded 3/3 documents in "), many.stderr
    one = _code("-", "--date", "2020-01-08", stdin="Iran condemned Israel.")
    assert one.exit_code == 0 and one.stderr == "" and one.stdout


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_plain_lines_every_few_seconds_with_time_left() -> None:
    clock, out = FakeClock(), io.StringIO()
    with ProgressDisplay("coded", 10, stream=out, every=5.0, clock=clock) as shown:
        for done in range(1, 11):
            clock.now += 2.0  # two seconds a document
            shown.update(done)
    lines = out.getvalue().splitlines()
    # a line once five seconds have passed since the last: after documents 3, 6 and 9
    assert lines[:3] == [
        "coded 3/10 documents, 00:14 left",
        "coded 6/10 documents, 00:08 left",
        "coded 9/10 documents, 00:02 left",
    ]
    assert lines[3:] == ["coded 10/10 documents in 00:20"]


def test_unknown_total_counts_without_an_eta() -> None:
    clock, out = FakeClock(), io.StringIO()
    with ProgressDisplay("ingested", None, stream=out, every=1.0, clock=clock) as shown:
        clock.now += 3.0
        shown.update(7)
    assert out.getvalue().splitlines() == ["ingested 7 documents, 00:03 so far", "ingested 7 documents in 00:03"]


def test_an_error_leaves_no_done_line() -> None:
    out = io.StringIO()
    with pytest.raises(RuntimeError), ProgressDisplay("coded", 5, stream=out, every=60.0) as shown:
        shown.update(2)
        raise RuntimeError("stop")
    assert out.getvalue() == ""


@pytest.mark.parametrize(("seconds", "text"), [(0, "00:00"), (41.4, "00:41"), (3725, "1:02:05")])
def test_clock_text(seconds: float, text: str) -> None:
    assert clock_text(seconds) == text
