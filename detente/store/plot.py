"""Draw a dyad series: cooperation above zero, conflict below, the mean Goldstein line, context bars.

Counts get whole-number ticks; legends sit outside the plotting area so they never cover bars; a
period without events leaves a gap in the Goldstein line (nothing is drawn across it).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.store.series import DyadSeries
from detente.store.tables import actor_name

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

BAR_DAYS = {"day": 0.8, "week": 5, "month": 25, "year": 300}
QUAD_BARS = (  # (column, colour, label, sign): cooperation stacks up, conflict down
    ("verbal_coop", "#8ecae6", "verbal cooperation", 1),
    ("material_coop", "#219ebc", "material cooperation", 1),
    ("verbal_conflict", "#f4a261", "verbal conflict", -1),
    ("material_conflict", "#e63946", "material conflict", -1),
)
LEGEND_FONT = 8


def _main_rows(series: DyadSeries) -> list[dict[str, Any]]:
    """Both directions together, or the one direction a filter kept."""
    present = {row["direction"] for row in series.rows}
    both = series.directions[2]
    main = both if both in present or not present else sorted(present)[0]
    return series.direction(main)


def _count_axis(axis: Axes, label: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.yaxis.set_major_locator(MaxNLocator(integer=True))
    axis.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{abs(value):.0f}"))  # conflict drawn below 0
    axis.set_ylabel(label)


def _draw_quads(axis: Axes, periods: list[dt.date], rows: list[dict[str, Any]], width: float) -> None:
    bottoms = {1: [0] * len(rows), -1: [0] * len(rows)}
    for column, colour, label, sign in QUAD_BARS:
        heights = [sign * r[column] for r in rows]
        axis.bar(periods, heights, width, bottom=bottoms[sign], color=colour, label=label)
        bottoms[sign] = [b + h for b, h in zip(bottoms[sign], heights, strict=True)]
    axis.axhline(0, color="black", linewidth=0.6)
    _count_axis(axis, "events (conflict below zero)")


def _draw_goldstein(axis: Axes, periods: list[dt.date], rows: list[dict[str, Any]]) -> Axes:
    twin = axis.twinx()
    means = [math.nan if r.get("goldstein_mean") is None else r["goldstein_mean"] for r in rows]
    # NaN breaks the line: an empty period is a gap, never a straight line drawn across it
    twin.plot(periods, means, color="black", marker="o", markersize=3, linewidth=1, label="Goldstein mean")
    twin.set_ylim(-10.5, 10.5)
    twin.set_ylabel("mean Goldstein (-10..+10)")
    return twin


def _draw_contexts(axis: Axes, series: DyadSeries, periods: list[dt.date], rows: list[dict[str, Any]]) -> None:
    width = BAR_DAYS[series.by]
    offset = width / max(1, len(series.contexts))
    for i, ctx in enumerate(series.contexts):
        shifted = [p + dt.timedelta(days=i * offset) for p in periods]
        axis.bar(shifted, [r[f"ctx_{ctx}"] for r in rows], offset, label=ctx)
    _count_axis(axis, "events by context")
    if series.contexts:  # beside the figure, under the first legend: never over the bars
        handles, labels = axis.get_legend_handles_labels()
        axis.figure.legend(handles, labels, loc="outside right lower", fontsize=LEGEND_FONT, title="contexts")


def draw_dyad(series: DyadSeries) -> Figure:
    """The figure for ``series`` (the caller saves and closes it)."""
    import matplotlib

    matplotlib.use("Agg")  # files only; never opens a window
    import matplotlib.pyplot as plt

    rows = _main_rows(series)
    periods = [dt.date.fromisoformat(r["period"]) for r in rows]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(12, 7), sharex=True, height_ratios=(3, 1.4), layout="constrained")
    _draw_quads(top, periods, rows, BAR_DAYS[series.by])
    twin = _draw_goldstein(top, periods, rows)
    top.set_title(f"{actor_name(series.a)}–{actor_name(series.b)} ({series.a}–{series.b}) events per {series.by}")
    handles, labels = top.get_legend_handles_labels()
    more_handles, more_labels = twin.get_legend_handles_labels()
    fig.legend(handles + more_handles, labels + more_labels, loc="outside right upper", fontsize=LEGEND_FONT)
    _draw_contexts(bottom, series, periods, rows)
    fig.autofmt_xdate()
    return fig


def plot_dyad(series: DyadSeries, out: str | Path) -> Path:
    import matplotlib.pyplot as plt

    fig = draw_dyad(series)
    try:
        path = Path(out)
        fig.savefig(path, dpi=110)
    finally:
        plt.close(fig)
    return path
