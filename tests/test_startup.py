"""What start-up leaves out must not change results: the parser without its saved tokenizer,
lemma lookups from a table, spaCy without its CLI, core commands without the store's imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from detente.lexicon import lemmas
from detente.parse.stage import MODEL_DIR

_WORDS = ["signed", "held", "talks", "met", "ministers", "russia", "xyzzy", "2014", "u", "s", "was", "led", "fed"]


def test_the_saved_tokenizer_is_the_default_one_the_parser_loads_without() -> None:
    spacy = pytest.importorskip("spacy")
    default = spacy.blank("en").tokenizer
    saved = spacy.blank("en").tokenizer.from_disk(MODEL_DIR / "tokenizer")
    assert saved.to_bytes() == default.to_bytes(), "retrained with another tokenizer: drop exclude in load_parser"


def test_lemma_lookups_answer_as_lemminflect_does() -> None:
    real = lemmas._lemminflect()
    table_words = sorted(lemmas._lemma_table())[::97]  # a spread of the table, plus odd cases
    for word in [*_WORDS, *table_words, "Russia", "HELD", "Signed"]:
        assert lemmas.getAllLemmas(word) == real.getAllLemmas(word), word
    assert lemmas.getAllLemmas("signed", "VERB") == real.getAllLemmas("signed", "VERB")


def test_spacy_imported_without_its_cli_still_has_it_on_demand() -> None:
    code = (
        "from detente.parse.spacy_import import import_spacy\n"
        "spacy = import_spacy()\n"
        "import sys\n"
        "print('weasel' in sys.modules)\n"
        "import spacy.cli\n"
        "print(hasattr(spacy.cli, 'setup_cli'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


_CODE_RUN = """
import sys
sys.argv = ["detente", "code", sys.argv[1], "--date", "2024-01-01"]
from detente.cli import app
try:
    app()
except SystemExit as stop:
    assert not stop.code, stop.code
heavy = [m for m in ("duckdb", "fastapi", "pyarrow", "spacy") if m in sys.modules]
print("imported:", ",".join(heavy) or "-", file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The weather in the capital was mild.\n", "-"), ("Russia and China signed a trade deal.\n", "spacy")],
)
def test_code_imports_only_what_the_text_needs(tmp_path: Path, text: str, expected: str) -> None:
    source = tmp_path / "one.txt"
    source.write_text(text, encoding="utf-8")
    env = {**os.environ, "DETENTE_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", _CODE_RUN, str(source)], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == f"imported: {expected}"
    assert ('"cameo"' in done.stdout) == (expected == "spacy")  # the event is still coded
