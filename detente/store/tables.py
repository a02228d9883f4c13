"""Plain-text tables for the store commands: a dyad series one row per period, top dyads, and every
column with ``--wide``. Lines are built here and printed by the CLI; nothing here prints.

A table fits ``width`` columns (100 by default) by shortening its last, free-text column; ``width``
None (``--wide``) shortens nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from detente.resources import load_resources
from detente.store.series import DyadSeries, TopDyads

WIDTH = 100
GAP = "  "


@functools.lru_cache(maxsize=1)
def _actor_names() -> dict[str, str]:
    """Code -> name of every country and organisation in the actor tables in force."""
    res = load_resources()
    names = {code.upper(): c.name for code, c in res.countries.items()}
    for code, o in res.organisations.items():
        names.setdefault(code.upper(), o.name or code)
    return names


def actor_name(code: str) -> str:
    """``CHN`` -> ``China``; a code the bundled tables do not name stays as it is."""
    return _actor_names().get(code.upper(), code)


def text_table(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int | None = WIDTH) -> list[str]:
    """Columns padded to their widest cell: the first and last left-aligned, the others (numbers)
    right-aligned; the last column is cut with "…" where a line would pass ``width``."""
    cells = [list(headers), *(list(r) for r in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(headers) - 1)]
    lines = []
    for line in cells:
        head = [line[0].ljust(widths[0]), *(v.rjust(w) for v, w in zip(line[1:-1], widths[1:], strict=True))]
        text = GAP.join([*head, line[-1]]).rstrip()
        lines.append(text if width is None or len(text) <= width else text[: width - 1] + "…")
    return lines


def _number(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _period_label(period: str, by: str) -> str:
    return {"year": period[:4], "month": period[:7]}.get(by, period)


def _top_contexts(row: dict[str, Any], contexts: Sequence[str], most: int = 2) -> str:
    counts = sorted(((row.get(f"ctx_{c}", 0), c) for c in contexts), key=lambda x: (-x[0], x[1]))
    return ", ".join(f"{c} {n}" for n, c in counts[:most] if n) or "-"


def _by_period(series: DyadSeries) -> list[dict[str, dict[str, Any]]]:
    """Rows grouped per period ({direction: row}), from the first to the last period with events."""
    periods: dict[str, dict[str, dict[str, Any]]] = {}
    for row in series.rows:
        periods.setdefault(row["period"], {})[row["direction"]] = row
    grouped = [periods[p] for p in sorted(periods)]
    busy = [i for i, group in enumerate(grouped) if any(r["events"] for r in group.values())]
    return grouped[busy[0] : busy[-1] + 1] if busy else []


def dyad_title(series: DyadSeries) -> list[str]:
    """What the table shows, in words: the names of the pair and what its columns mean."""
    a, b = series.a, series.b
    present = {row["direction"] for row in series.rows}
    only = "" if len(present) != 1 else f", {next(iter(present)).replace('->', '→')} only"
    return [
        f"{actor_name(a)} ({a}) and {actor_name(b)} ({b}): events per {series.by}{only}",
        "cooperation, conflict: verbal and material events together; docs: documents coded in the period",
        f"Goldstein: the mean score of the {series.by}'s events (-10..+10), '-' for a {series.by} without events",
    ]


def dyad_table(series: DyadSeries, width: int | None = WIDTH) -> list[str]:
    """One row per period: events, each direction's events, cooperation, conflict, mean Goldstein,
    documents, the trailing mean of events (with ``--rolling``) and the top contexts."""
    ab, ba, both = series.directions
    present = {row["direction"] for row in series.rows}
    main = both if both in present else next(iter(present), both)  # a --direction keeps one
    arrows = [d for d in (ab, ba) if d in present and main == both]
    rolling = "events_rolling_mean" in series.columns
    headers = ["period", "events", *(d.replace("->", "→") for d in arrows), "cooperation", "conflict"]
    headers += ["Goldstein", "docs", *(["events, rolling"] if rolling else []), "top contexts"]
    rows = []
    for group in _by_period(series):
        row = group[main]
        cells = [_period_label(row["period"], series.by), str(row["events"])]
        cells += [str(group[d]["events"]) for d in arrows]
        cells += [
            str(row["verbal_coop"] + row["material_coop"]),
            str(row["verbal_conflict"] + row["material_conflict"]),
        ]
        cells += [_number(row.get("goldstein_mean")), _number(row.get("documents"))]
        cells += [_number(row["events_rolling_mean"], 2)] if rolling else []
        rows.append([*cells, _top_contexts(row, series.contexts)])
    return text_table(headers, rows, width)


def wide_table(series: DyadSeries) -> list[str]:
    """Every column of every row (period and direction), nothing shortened."""
    columns = [c for c in series.columns if c != "top_contexts"]
    rows = [[_number(row.get(c), 3) for c in columns] for row in series.rows]
    return text_table(columns, rows, width=None)


def top_dyads_table(rows: list[dict[str, Any]], width: int | None = WIDTH) -> list[str]:
    """Pairs with their counts, mean Goldstein, earlier/later halves and change, then their names."""
    headers = ["pair", "events", "reports", "Goldstein", "earlier", "later", "change", "names"]
    cells = []
    for row in rows:
        codes = row["pair"].split("-")
        names = "–".join(actor_name(code) for code in codes)
        numbers = [row["events"], row["reports"], row["goldstein_mean"], row["earlier"], row["later"]]
        cells.append([row["pair"], *(_number(v) for v in numbers), f"{row['change']:+d}", names])
    return text_table(headers, cells, width)


def top_dyads_titles(top: TopDyads) -> tuple[str, str]:
    return (
        f"by activity, {top.start} to {top.end} (Goldstein: mean score of the pair's events, -10..+10)",
        f"by change: events after {top.middle} minus events up to it",
    )
