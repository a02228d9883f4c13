"""The package's layers: a module may import from its own layer and those below, never from one
above. The order is written down here and in docs/architecture.md; the test reads the import
statements of every module under detente/ (top-level and function-level imports alike)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "detente"

# Lowest first. Each entry is a top-level module or sub-package of detente.
LAYERS: list[set[str]] = [
    {"errors"},
    {"lexicon"},
    {"model"},
    {"ingest", "output", "documents"},
    {"resources"},
    {"normalize", "actors", "dedupe"},
    {"segment", "events", "parse"},
    {"resolve"},
    {"windows", "pipeline"},
    {"explain", "bench", "__init__"},
    {"store"},
    {"scale"},
    {"serve"},
    {"cli"},
]
LAYER_OF = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _unit(module: str) -> str:
    """``detente.store.series`` -> ``store``; ``detente`` -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    return ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("detente")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            if name.startswith("detente"):
                found.append((node.lineno, name))
    return found


def test_every_module_has_a_layer() -> None:
    units = {_unit(_module_name(p)) for p in PACKAGE.rglob("*.py")}
    assert units - set(LAYER_OF) == set(), "add new modules to LAYERS (and docs/architecture.md)"


def test_no_module_imports_from_a_layer_above() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _unit(_module_name(path))
        for line, name in _imports(path):
            there = _unit(name)
            if LAYER_OF.get(there, -1) > LAYER_OF[here]:
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name} ({here} < {there})")
    assert upward == []
