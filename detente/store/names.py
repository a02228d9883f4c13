"""Names for codes: CAMEO event codes and PLOVER types, read from the bundled data files, so
every reader (CLI, API, dashboard) shows "sign formal agreement", not "057"."""

from __future__ import annotations

import functools
import json

from detente.resources import DATA_DIR


@functools.lru_cache(maxsize=1)
def cameo_table() -> dict[str, dict[str, object]]:
    """CAMEO code -> {label, plover, goldstein, quad_class} from ``data/events/cameo.jsonl``."""
    table: dict[str, dict[str, object]] = {}
    path = DATA_DIR / "events" / "cameo.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            table[record["code"]] = {k: record.get(k) for k in ("label", "plover", "goldstein", "quad_class")}
    return table


def cameo_name(code: str | None) -> str | None:
    """The label of a CAMEO code, or of its nearest parent code the table knows ("0571" -> "057")."""
    table = cameo_table()
    while code:
        if code in table:
            return str(table[code]["label"])
        code = code[:-1] if len(code) > 2 else None
    return None


def plover_types() -> list[str]:
    """Every PLOVER type the CAMEO table maps to, sorted."""
    return sorted({str(r["plover"]) for r in cameo_table().values() if r["plover"]})


def plover_name(plover: str | None) -> str | None:
    """A PLOVER type as words: ``REDUCE_RELATIONS`` -> ``reduce relations``."""
    return plover.replace("_", " ").lower() if plover else None


def context_names() -> list[str]:
    """The contexts (spheres) the coder tags events with, from ``data/events/contexts.jsonl``."""
    path = DATA_DIR / "events" / "contexts.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted({json.loads(line)["context"] for line in lines if line.startswith("{")})
