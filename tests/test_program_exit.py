"""A core command run as the ``detente`` program ends the process without interpreter teardown
(detente/cli/__init__.py); what it writes, and its exit status, must be as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _detente(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DETENTE_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "detente.cli", *args], env=env, capture_output=True, text=True, check=False
    )


def test_output_to_stdout_and_to_a_file_is_complete(tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text("Russia and China signed a trade deal.\n", encoding="utf-8")
    shown = _detente(tmp_path, "code", str(source), "--date", "2024-01-01")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.count("\n") == 1 and '"cameo"' in shown.stdout
    written = _detente(tmp_path, "code", str(source), "--date", "2024-01-01", "-o", str(tmp_path / "out.jsonl"))
    assert written.returncode == 0, written.stderr
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == shown.stdout


def test_an_error_keeps_its_message_and_status(tmp_path: Path) -> None:
    done = _detente(tmp_path, "code", str(tmp_path / "missing.txt"))
    assert done.returncode == 2
    assert "missing.txt" in done.stderr
