"""Issue 10, parts 3 and 4: every bad input, one row each. A row runs the CLI (typer's CliRunner)
or the API (TestClient) and checks the exit code or HTTP status, a one-line message naming the
file/line or field, no traceback, and for ingest that what was stored before is intact."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("duckdb", reason="the ingest and export rows need the store extra")

from detente.cli import app  # noqa: E402
from detente.store import Store  # noqa: E402

DEAL = "Russia and China signed a gas deal in Shanghai on Wednesday, officials said."
runner = CliRunner()
AS_ROOT = os.geteuid() == 0


def line(doc_id: str, text: str = DEAL, **extra: object) -> str:
    return json.dumps({"id": doc_id, "text": text, **extra}) + "\n"


FILES: dict[str, str] = {
    "deep.jsonl": line("ok", date="2014-05-21") + '{"id": "x", "z": ' + "[" * 50_000 + "]" * 50_000 + "}\n",
    "ancient.jsonl": line("old", date="0001-01-01"),
    "zero.jsonl": line("zero", date=0),
    "month.jsonl": line("month", "Russia and China signed a gas deal in Shanghai.", date="2015-05"),
    "twins.jsonl": line("first", date="2014-05-21") + line("second", date="2014-05-21"),
    "bad-line.jsonl": line("good", date="2014-05-21") + '{"id": "broken", "text": \n',
    "undated.txt": "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow.",
    "docs.csv": (
        "id,text,date\na,Russia and China signed a gas deal.,2014-05-21\nb,Iran accused the United States.,2015-03-02\n"
    ),
    "page.html": (
        "<html><head><title>Gas deal</title><meta property='article:published_time' content='2014-05-21'></head>"
        "<body><nav>Home | Sports | Weather</nav><article><p>" + DEAL + " The agreement runs for thirty years "
        "and was signed by the heads of the two state companies.</p></article></body></html>"
    ),
    "big.txt": "Iran condemned Israel. " * 70_000,  # 1.5 MB, over a 1 MB limit
}


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    output: str  # stdout and stderr together
    stderr: str


@dataclass(frozen=True)
class CliCase:
    name: str
    args: Callable[[Path], list[str]]
    exit_code: int
    says: tuple[str, ...]  # every one of these is in the output ({dir} is the input directory)
    check: Callable[[Path, Outcome], None] | None = None


def stored_count(db: Path) -> int:
    with Store(db, create=False) as store:
        return store.counts()["documents"]


def no_markup(root: Path, out: Outcome) -> None:
    events = [json.loads(x) for x in out.output.splitlines() if x.startswith("{")]
    assert events and all("<" not in e["evidence"]["text"] for e in events)
    assert {e["date"] for e in events} == {"2014-05-21"}  # the page's own date


def two_csv_documents(root: Path, out: Outcome) -> None:
    ids = {json.loads(x)["doc_id"] for x in out.output.splitlines() if x.startswith("{")}
    assert ids == {"a", "b"}


def month_precision(root: Path, out: Outcome) -> None:
    events = [json.loads(x) for x in out.output.splitlines() if x.startswith("{")]
    assert events and {(e["date"], e["date_precision"]) for e in events} == {("2015-05", "month")}


def export_in_directory(root: Path, out: Outcome) -> None:
    assert (root / "out" / "events.csv").read_text().startswith("cluster_id,")


def db(root: Path) -> str:
    return str(root / "store.duckdb")


CLI_CASES = [
    CliCase("code: nested JSON", lambda d: ["code", f"{d}/deep.jsonl"], 2, ("{dir}/deep.jsonl:2", "nested")),
    CliCase("ingest: nested JSON", lambda d: ["ingest", f"{d}/deep.jsonl", "--db", db(d)], 2,
            ("{dir}/deep.jsonl:2", "nested", "--skip-bad")),
    CliCase("code: date 0001-01-01", lambda d: ["code", f"{d}/ancient.jsonl"], 2, ("{dir}/ancient.jsonl:1", "outside")),
    CliCase("ingest: date 0001-01-01", lambda d: ["ingest", f"{d}/ancient.jsonl", "--db", db(d)], 2,
            ("{dir}/ancient.jsonl:1", "outside")),
    CliCase("code: date 0", lambda d: ["code", f"{d}/zero.jsonl"], 2, ("{dir}/zero.jsonl:1", "not a date")),
    CliCase("ingest: date 0", lambda d: ["ingest", f"{d}/zero.jsonl", "--db", db(d)], 2,
            ("{dir}/zero.jsonl:1", "not a date")),
    CliCase("code: --date 0", lambda d: ["code", f"{d}/undated.txt", "--date", "0"], 2, ("--date", "'0'")),
    CliCase("code: month-only date", lambda d: ["code", f"{d}/month.jsonl"], 0, (), month_precision),
    CliCase("ingest: month-only date", lambda d: ["ingest", f"{d}/month.jsonl", "--db", db(d)], 0,
            ("1 documents added",)),
    CliCase("code -o: missing directory", lambda d: ["code", f"{d}/docs.csv", "-o", f"{d}/nope/out.jsonl"], 2,
            ("cannot write {dir}/nope/out.jsonl",)),
    CliCase("code -o: full disk", lambda d: ["code", f"{d}/docs.csv", "-o", "/dev/full"], 2,
            ("cannot write /dev/full", "No space left")),
    CliCase("export --out out/", lambda d: ["export", "--format", "csv", "--out", f"{d}/out/", "--db", db(d)], 0,
            ("events",), export_in_directory),
    CliCase("export: missing parent", lambda d: ["export", "--format", "csv", "--out", f"{d}/no/x.csv", "--db", db(d)],
            2, ("{dir}/no/x.csv", "does not exist")),
    CliCase("export parquet: missing parent",
            lambda d: ["export", "--format", "parquet", "--out", f"{d}/no/pq", "--db", db(d)], 2, ("does not exist",)),
    CliCase("export: full disk", lambda d: ["export", "--format", "plover", "--out", "/dev/full", "--db", db(d)], 2,
            ("cannot write /dev/full", "No space left")),
    CliCase("code: HTML page", lambda d: ["code", f"{d}/page.html"], 0, (), no_markup),
    CliCase("code: CSV rows", lambda d: ["code", f"{d}/docs.csv"], 0, (), two_csv_documents),
    CliCase("code: .txt without a date", lambda d: ["code", f"{d}/undated.txt"], 0, ("warning: undated: no date",)),
    CliCase("ingest: .txt without a date", lambda d: ["ingest", f"{d}/undated.txt", "--db", db(d)], 0,
            ("1 documents have no date",)),
    CliCase("ingest: same text, other id", lambda d: ["ingest", f"{d}/twins.jsonl", "--db", db(d)], 0,
            ("duplicate: {dir}/twins.jsonl:2", "'second'", "'first'")),
    CliCase("code: size limit in MB", lambda d: ["code", f"{d}/big.txt", "--max-doc-mb", "1"], 2,
            ("{dir}/big.txt", "1.5 MB, over the 1 MB limit")),
    CliCase("ingest: bad line mentions --skip-bad", lambda d: ["ingest", f"{d}/bad-line.jsonl", "--db", db(d)], 2,
            ("{dir}/bad-line.jsonl:2", "--skip-bad")),
]  # fmt: skip


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture()
def seeded(inputs: Path, tmp_path: Path) -> Path:
    """A copy of the inputs with a store already holding one document, for 'nothing stored is lost'."""
    root = tmp_path / "in"
    shutil.copytree(inputs, root)
    seed = root / "seed.jsonl"
    seed.write_text(line("seed", "Iran accused the United States of spying.", date="2015-03-02"), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(seed), "--db", db(root)])
    assert result.exit_code == 0, result.output
    seed.unlink()
    return root


def invoke(args: list[str]) -> Outcome:
    result = runner.invoke(app, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args}: raised {result.exception!r}") from result.exception
    return Outcome(result.exit_code, result.output, result.stderr)


@pytest.mark.parametrize("case", CLI_CASES, ids=[c.name for c in CLI_CASES])
def test_cli_bad_input(case: CliCase, seeded: Path) -> None:
    before = stored_count(Path(db(seeded)))
    out = invoke(case.args(seeded))
    assert out.exit_code == case.exit_code, out.output
    assert "Traceback" not in out.output
    for text in case.says:
        assert text.format(dir=seeded) in out.output
    if case.exit_code:
        errors = [x for x in out.stderr.splitlines() if x.startswith("error:")]
        assert len(errors) == 1, out.stderr  # one line
    assert stored_count(Path(db(seeded))) >= before  # nothing stored is lost
    if case.check:
        case.check(seeded, out)


@pytest.mark.skipif(AS_ROOT, reason="running as root: chmod cannot make a directory unwritable")
def test_code_output_into_a_read_only_directory(inputs: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        out = invoke(["code", str(inputs / "docs.csv"), "-o", str(locked / "out.jsonl")])
    finally:
        locked.chmod(0o700)
    assert out.exit_code == 2 and f"cannot write {locked / 'out.jsonl'}" in out.output


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs, where mounting is allowed (root in a container); skipped elsewhere."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if not AS_ROOT or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2M", "tmpfs", str(mount)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_ingest_onto_a_full_disk(small_disk: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    words = ["russia", "china", "iran", "signed", "deal", "accused", "attacked", "met", "talks", "minister"]
    with big.open("w") as out:
        for i in range(300):
            text = " ".join(words[(i * 7 + k * k) % len(words)] for k in range(1500)) + f" {i}."
            out.write(line(f"d{i}", text, date="2015-01-01"))
    store_path = small_disk / "full.duckdb"
    out = invoke(["ingest", str(big), "--db", str(store_path)])
    assert out.exit_code == 2 and "disk full" in out.output and "cannot rollback" not in out.output
    with Store(store_path, create=False) as store:  # what was committed before is readable
        assert store.counts()["documents"] >= 0


# ---- the API --------------------------------------------------------------------------------

fastapi = pytest.importorskip("fastapi", reason="the API rows need the serve extra")
from fastapi.testclient import TestClient  # noqa: E402

from detente.serve import ServeConfig, create_app  # noqa: E402
from detente.serve.coding import SharedCoder  # noqa: E402
from tests.serve.serve_helpers import TOKEN, KeywordCoder  # noqa: E402

AUTH = {"Authorization": f"Bearer {TOKEN}"}


class SlowCoder(KeywordCoder):
    """Takes ``seconds`` per document: a request that would hold the coder for long."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds

    def run(self, doc):  # noqa: ANN001, ANN201
        time.sleep(self.seconds)
        return super().run(doc)


def make_client(tmp_path: Path, coder: object, **config: object) -> TestClient:
    store_path = tmp_path / "api.duckdb"
    with Store(store_path, coder=KeywordCoder()) as store:
        store.ingest_records([])
    settings = ServeConfig(db=store_path, token=TOKEN, **config)  # type: ignore[arg-type]
    return TestClient(create_app(settings, coder=SharedCoder(coder)))  # type: ignore[arg-type]


def doc(doc_id: str, **extra: object) -> dict[str, object]:
    return {"id": doc_id, "text": "Russia signed a gas deal with China.", **extra}


@dataclass(frozen=True)
class ApiCase:
    name: str
    path: str
    body: dict[str, object]
    status: int
    code: str | None  # the error code of the error shape, or None on success
    field: str | None = None  # the field a 422 names


API_CASES = [
    ApiCase("documents: date 0001-01-01", "/api/documents", {"documents": [doc("a", date="0001-01-01")]}, 422,
            "validation_error", "date"),
    ApiCase("documents: date 0", "/api/documents", {"documents": [doc("a", date=0)]}, 422, "validation_error", "date"),
    ApiCase("documents: month-only date", "/api/documents", {"documents": [doc("a", date="2015-05")]}, 200, None),
    ApiCase("code: date 0", "/api/code", {"text": "Russia signed a deal with China.", "date": 0}, 422,
            "validation_error", "date"),
    ApiCase("code: date 0001-01-01", "/api/code", {"text": "Russia signed a deal.", "date": "0001-01-01"}, 422,
            "validation_error", "date"),
    ApiCase("code: month-only date", "/api/code", {"text": "Russia signed a deal with China.", "date": "2015-05"},
            200, None),
    ApiCase("code: text over the limit", "/api/code", {"text": "Russia met China. " * 7000}, 413, "text_too_long"),
]  # fmt: skip


@pytest.mark.parametrize("case", API_CASES, ids=[c.name for c in API_CASES])
def test_api_bad_input(case: ApiCase, tmp_path: Path) -> None:
    with make_client(tmp_path, KeywordCoder()) as client:
        answer = client.post(case.path, json=case.body, headers=AUTH)
    assert answer.status_code == case.status, answer.text
    if case.code is None:
        return
    error = answer.json()["error"]
    assert error["code"] == case.code and "Traceback" not in answer.text
    if case.field:
        assert any(case.field in item["loc"] for item in error["detail"])


def test_api_same_text_other_id_is_reported_and_origin_is_no_server_path(tmp_path: Path) -> None:
    with make_client(tmp_path, KeywordCoder()) as client:
        answer = client.post("/api/documents", json={"documents": [doc("one"), doc("two")]}, headers=AUTH).json()
        assert answer["documents_added"] == 1 and answer["documents_skipped"] == 1
        (duplicate,) = answer["duplicates"]
        assert "posted:2" in duplicate and "'two'" in duplicate and "'one'" in duplicate
        origin = client.get("/api/documents/one").json()["origin"]
    assert origin == "posted:1"


def test_api_coding_has_a_deadline_and_others_are_not_starved(tmp_path: Path) -> None:
    slow = SlowCoder(1.5)
    with make_client(tmp_path, slow, max_code_seconds=0.3, code_wait_seconds=0.2) as client:
        answers: list[tuple[int, dict]] = []

        def post() -> None:
            started = time.monotonic()
            answer = client.post("/api/code", json={"text": "Russia met China."})
            answers.append((answer.status_code, answer.json(), time.monotonic() - started))  # type: ignore[arg-type]

        first = threading.Thread(target=post)
        first.start()
        time.sleep(0.1)
        post()  # arrives while the first holds the coder
        first.join()
    codes = sorted(a[1]["error"]["code"] for a in answers)
    assert [a[0] for a in answers] == [503, 503] and codes == ["coder_busy", "coding_timeout"]
    assert all(a[2] < 1.4 for a in answers)  # answered before the slow run ended
