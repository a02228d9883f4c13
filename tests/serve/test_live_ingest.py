"""A live store (docs/live.md): `detente ingest` feeds a running `detente serve`, and every clash of
two processes over one database ends in one actionable line, never DuckDB's own message."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from detente.cli import app as cli_app
from detente.errors import InputError
from detente.serve import ServeConfig, create_app
from detente.serve.coding import SharedCoder
from detente.serve.launch import advertise
from detente.store import Store
from detente.store.advert import Advert, advert_path, read_advert, resolved, write_advert
from detente.store.handoff import LiveIngest, open_for_ingest
from tests.serve.serve_helpers import KeywordCoder

uvicorn = pytest.importorskip("uvicorn", reason="the server needs uvicorn")

SECOND_CORPUS = [
    {"id": "live-1", "date": "2016-04-01", "text": "Iran accused the United States of violating the nuclear deal."},
    {"id": "live-2", "date": "2016-04-02", "text": "Russia signed a gas agreement with China in Beijing on Saturday."},
    {"id": "live-3", "date": "2016-04-03", "text": "Japan met South Korea in Seoul on Monday for talks on fisheries."},
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str, headers: dict[str, str] | None = None) -> Any:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=30) as response:
        return json.loads(response.read())


def write_jsonl(path: Path, docs: list[dict[str, Any]], extra: str = "") -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs) + extra, encoding="utf-8")
    return path


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "detente.cli", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture()
def served(store_path: Path, tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    """`detente serve` as a real process on a copy of the small store."""
    db = tmp_path / "news.duckdb"
    shutil.copy(store_path, db)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "detente.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            get(f"{base}/api/health")
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"detente serve did not start: {proc.communicate()[0]}")
            time.sleep(0.2)
    yield db, base, proc
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def test_ingest_into_a_running_server(served: tuple[Path, str, subprocess.Popen[str]], tmp_path: Path) -> None:
    db, base, proc = served
    advert = advert_path(db)
    assert stat.S_IMODE(advert.stat().st_mode) == 0o600  # the per-run secret is the owner's only
    before = get(f"{base}/api/health")
    corpus = write_jsonl(tmp_path / "second.jsonl", SECOND_CORPUS)

    done = cli("ingest", str(corpus), "--db", str(db))  # the full coder, in the server

    assert done.returncode == 0, done.stderr
    assert "error" not in done.stderr.lower() and "Traceback" not in done.stderr
    assert f"{db}: 3 documents added, 0 already present" in done.stdout
    after = get(f"{base}/api/health")
    assert after["documents"] == before["documents"] + 3
    added = int(done.stdout.split(" events")[0].rsplit("+", 1)[1])
    assert added >= 1 and after["events"] == before["events"] + added  # seen at once, no restart
    new_events = sum(len(get(f"{base}/api/documents/{d['id']}")["events"]) for d in SECOND_CORPUS)
    assert new_events >= 1
    assert get(f"{base}/api/events?limit=1&include_historical=true")["total"] == after["events"]

    # the same corpus again, in process this time: handed over too, and nothing is stored twice
    again = CliRunner().invoke(cli_app, ["ingest", str(corpus), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "0 documents added, 3 already present" in again.output
    # a command that needs the file itself says who holds it and what to do
    export = CliRunner().invoke(
        cli_app, ["export", "--format", "csv", "--out", str(tmp_path / "e.csv"), "--db", str(db)]
    )
    assert export.exit_code == 2
    assert f"{db}: open in `detente serve` (PID {proc.pid}, {base})" in export.output
    assert "lock" not in export.output

    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    assert not advert.exists()  # removed on shutdown
    with Store(db) as store:  # and the file is free again
        assert store.counts()["documents"] == after["documents"]


@pytest.fixture()
def held_db(store_path: Path, tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """A copy of the store held open for writing by another process, as a direct ingest holds it."""
    db = tmp_path / "held.duckdb"
    shutil.copy(store_path, db)
    code = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('held', flush=True); sys.stdin.read()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield db, proc.pid
    proc.kill()
    proc.wait()


def one_error_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, output
    assert "Traceback" not in output and "lock on file" not in output and "-readonly" not in output
    return lines[0]


def test_two_direct_writers_get_one_clear_line(held_db: tuple[Path, int], tmp_path: Path) -> None:
    db, pid = held_db
    corpus = write_jsonl(tmp_path / "second.jsonl", SECOND_CORPUS)
    expected = f"error: {db}: in use by another process (PID {pid}"
    runner = CliRunner()
    for args in (
        ["ingest", str(corpus), "--db", str(db)],
        ["export", "--format", "csv", "--out", str(tmp_path / "out.csv"), "--db", str(db)],
        ["dyad", "CHN", "RUS", "--db", str(db)],
        ["serve", "--db", str(db), "--wait", "0.5"],
        ["serve", "--db", str(db), "--read-only", "--wait", "0"],
    ):
        result = runner.invoke(cli_app, args)
        assert result.exit_code == 2, (args, result.output)
        line = one_error_line(result.output)
        assert line.startswith(expected) and "wait for it to finish" in line, line

    # a server started with --read-only holds the file too; the message says how to feed it
    write_advert(db, Advert(url="http://127.0.0.1:1", pid=pid, db=resolved(db), secret=None))
    result = runner.invoke(cli_app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 2
    assert "served read-only by `detente serve`" in one_error_line(result.output)


def test_a_stale_advert_is_ignored(store_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "stale.duckdb"
    shutil.copy(store_path, db)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    write_advert(db, Advert(url="http://127.0.0.1:1", pid=int(gone.stdout), db=resolved(db), secret="x"))
    assert read_advert(db) is None  # a server killed with -9 leaves its file; its process is gone
    with open_for_ingest(db) as target:
        assert isinstance(target, Store)


@pytest.fixture()
def live_server(store_path: Path, tmp_path: Path) -> Iterator[tuple[Path, str, Any]]:
    """A live server in a thread (stub coder): the protocol without process start-up costs."""
    db = tmp_path / "live.duckdb"
    shutil.copy(store_path, db)
    config = ServeConfig(db=db, live_secret="per-run-secret", max_body_bytes=64 * 1024)
    api = create_app(config, coder=SharedCoder(KeywordCoder()))
    port = free_port()
    advertise(api, config, f"http://127.0.0.1:{port}")
    server = uvicorn.Server(uvicorn.Config(api, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield db, f"http://127.0.0.1:{port}", api
    server.should_exit = True
    thread.join(timeout=10)
    assert not advert_path(db).exists()


def test_handoff_keeps_the_ingest_rules(live_server: tuple[Path, str, Any], tmp_path: Path) -> None:
    db, base, api = live_server
    target = open_for_ingest(db)
    assert isinstance(target, LiveIngest)
    bad = write_jsonl(tmp_path / "bad.jsonl", SECOND_CORPUS[:2], extra="{not json\n")
    big = {"id": "big", "date": "2016-05-01", "text": "Russia met China. " + "Markets were calm. " * 8000}
    generation = api.state.detente.db.generation

    with pytest.raises(InputError, match=rf"{bad}:3: ") as stopped:
        target.ingest([bad])
    assert "Traceback" not in str(stopped.value)
    health = get(f"{base}/api/health")
    assert get(f"{base}/api/documents/live-1")["doc_id"] == "live-1"  # read before the bad line: kept
    assert api.state.detente.db.generation > generation  # caches keyed on it are dropped

    report = target.ingest([bad, write_jsonl(tmp_path / "big.jsonl", [big])], skip_bad=True)
    assert [str(e).split(": ")[0] for e in report.errors] == [f"{bad}:3"]
    assert (report.documents_added, report.documents_skipped) == (1, 2)  # a 150 kB document passes
    assert get(f"{base}/api/health")["documents"] == health["documents"] + 1
    origin = get(f"{base}/api/documents/big")["origin"]
    assert origin.startswith(str(tmp_path))  # where it was read, as a direct ingest records it


def test_live_endpoints_need_the_secret(live_server: tuple[Path, str, Any]) -> None:
    db, base, _ = live_server
    assert get(f"{base}/api/live", {"authorization": "Bearer per-run-secret"})["db"] == resolved(db)
    for headers in ({}, {"authorization": "Bearer wrong"}):
        with pytest.raises(urllib.error.HTTPError) as refused:
            get(f"{base}/api/live", headers)
        assert refused.value.code == 401
    body = json.dumps({"documents": [{"id": "x", "text": "y" * 100_000, "origin": "o"}]}).encode()
    request = urllib.request.Request(f"{base}/api/live/batch", data=body, headers={"authorization": "Bearer no"})
    with pytest.raises(urllib.error.HTTPError) as too_big:
        urllib.request.urlopen(request, timeout=30)
    assert too_big.value.code == 413  # the larger limit is for the secret's holder only
    assert "/api/live" not in json.dumps(get(f"{base}/openapi.json"))
