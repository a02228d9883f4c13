"""README.md's and docs/*.md's Python examples run as written.

Every ```python block is executed in a fresh namespace inside a temporary directory. A block whose
fence says ``python skip: <reason>`` (cluster set-up that needs Slurm or Kubernetes) is reported
as skipped with that reason; shell blocks are not run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```python(?P<info>[^\n]*)\n(?P<code>.*?)^```", re.S | re.M)


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    info: str
    code: str

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def python_blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    return [Block(page, text.count("\n", 0, m.start()) + 1, m["info"].strip(), m["code"]) for m in FENCE.finditer(text)]


BLOCKS = [block for page in PAGES for block in python_blocks(page)]


def test_the_readme_has_python_examples_and_none_is_skipped() -> None:
    readme = [b for b in BLOCKS if b.page.name == "README.md"]
    assert len(readme) >= 2, "README.md should show the Python API and the store from Python"
    assert not [b.name for b in readme if b.info], "README examples must all run"


def test_the_fence_pattern_finds_blocks() -> None:
    page = "text\n```python\nx = 1\n```\n```bash\nls\n```\n```python skip: needs a cluster\ny = 2\n```\n"
    found = [(m["info"].strip(), m["code"]) for m in FENCE.finditer(page)]
    assert found == [("", "x = 1\n"), ("skip: needs a cluster", "y = 2\n")]


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.name)
def test_block_runs(block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if block.info.startswith("skip:"):
        pytest.skip(f"{block.name}: {block.info.removeprefix('skip:').strip()}")
    assert not block.info, f"{block.name}: unknown fence words {block.info!r} (use 'python skip: reason')"
    monkeypatch.chdir(tmp_path)
    exec(compile(block.code, block.name, "exec"), {"__name__": "__readme__"})  # noqa: S102
