"""Names for codes: CAMEO event codes and PLOVER types, read from the bundled data files, so
every reader (CLI, API, dashboard) shows "sign formal agreement", not "057"."""

from __future__ import annotations

import functools

from detente.resources import load_resources


@functools.lru_cache(maxsize=1)
def cameo_table() -> dict[str, dict[str, object]]:
    """CAMEO code -> {label, plover, goldstein, quad_class}, from the CAMEO table in force."""
    return {
        code: {"label": r.label, "plover": r.plover, "goldstein": r.goldstein, "quad_class": r.quad_class}
        for code, r in load_resources().cameo.items()
    }


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
    """The contexts (spheres) the coder tags events with, from the context table in force."""
    return sorted(load_resources().context_names)
