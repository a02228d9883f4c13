"""The dyad plot: legends outside the plotting area, whole-number ticks for counts, and a gap in
the Goldstein line where a period had no events."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from detente.store.plot import draw_dyad, plot_dyad
from detente.store.series import QUADS, DyadSeries

matplotlib = pytest.importorskip("matplotlib")


def _row(period: str, direction: str, coop: int, conflict: int, gold: float | None) -> dict[str, Any]:
    quads = dict.fromkeys(QUADS.values(), 0)
    quads["verbal_coop"], quads["material_conflict"] = coop, conflict
    return {
        "period": period,
        "direction": direction,
        "events": coop + conflict,
        **quads,
        "goldstein_mean": gold,
        "ctx_military": conflict,
        "ctx_energy": coop,
    }


@pytest.fixture
def gappy() -> DyadSeries:
    """Three months of a small store: events, nothing, events (one or two events a month)."""
    series = DyadSeries("CHN", "RUS", "month", columns=[], contexts=["energy", "military"])
    months = [("2015-07-01", 1, 0, 4.0), ("2015-08-01", 0, 0, None), ("2015-09-01", 1, 1, -1.6)]
    for period, coop, conflict, gold in months:
        for direction in ("CHN->RUS", "RUS->CHN", "CHN-RUS"):
            series.rows.append(_row(period, direction, coop, conflict, gold))
    return series


def test_empty_periods_are_gaps_in_the_goldstein_line(gappy: DyadSeries) -> None:
    fig = draw_dyad(gappy)
    try:
        [line] = [ln for ax in fig.axes for ln in ax.get_lines() if ln.get_label() == "Goldstein mean"]
        values = list(line.get_ydata())
        assert values[0] == 4.0 and math.isnan(values[1]) and values[2] == -1.6
    finally:
        matplotlib.pyplot.close(fig)


def test_count_ticks_are_whole_numbers(gappy: DyadSeries) -> None:
    fig = draw_dyad(gappy)
    try:
        fig.canvas.draw()
        count_axes = [ax for ax in fig.axes if "events" in ax.get_ylabel()]
        assert len(count_axes) == 2
        for ax in count_axes:
            low, high = ax.get_ylim()
            ticks = [t for t in ax.get_yticks() if low <= t <= high]
            assert ticks and all(float(t).is_integer() for t in ticks), (ax.get_ylabel(), ticks)
    finally:
        matplotlib.pyplot.close(fig)


def test_legends_sit_outside_every_plotting_area(gappy: DyadSeries) -> None:
    fig = draw_dyad(gappy)
    try:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend())]
        assert len(legends) == 2, "quads with Goldstein, and contexts"
        for legend in legends:
            box = legend.get_window_extent(renderer)
            for ax in fig.axes:
                assert not box.overlaps(ax.get_window_extent(renderer)), legend.get_texts()[0].get_text()
    finally:
        matplotlib.pyplot.close(fig)


def test_a_direction_filter_plots_that_direction(gappy: DyadSeries, tmp_path: Path) -> None:
    gappy.rows = [r for r in gappy.rows if r["direction"] == "RUS->CHN"]
    out = plot_dyad(gappy, tmp_path / "one.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
