"""Draw a dyad series: cooperation above zero, conflict below, Goldstein line, context bars."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from detente.store.series import DyadSeries


def plot_dyad(series: DyadSeries, out: str | Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")  # files only; never opens a window
    import matplotlib.pyplot as plt

    combined = series.direction(series.directions[2])
    periods = [dt.date.fromisoformat(r["period"]) for r in combined]
    width = {"day": 0.8, "week": 5, "month": 25, "year": 300}[series.by]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 7), sharex=True, height_ratios=(3, 1.4))
    try:
        coop_v = [r["verbal_coop"] for r in combined]
        coop_m = [r["material_coop"] for r in combined]
        conf_v = [-r["verbal_conflict"] for r in combined]
        conf_m = [-r["material_conflict"] for r in combined]
        top.bar(periods, coop_v, width, color="#8ecae6", label="verbal cooperation")
        top.bar(periods, coop_m, width, bottom=coop_v, color="#219ebc", label="material cooperation")
        top.bar(periods, conf_v, width, color="#f4a261", label="verbal conflict")
        top.bar(periods, conf_m, width, bottom=conf_v, color="#e63946", label="material conflict")
        top.axhline(0, color="black", linewidth=0.6)
        top.set_ylabel("events (conflict below zero)")
        top.set_title(f"{series.a}–{series.b} events per {series.by}")
        twin = top.twinx()
        twin.plot(periods, [r["goldstein_sum"] for r in combined], color="black", marker=".", label="Goldstein sum")
        twin.set_ylabel("Goldstein sum")
        handles = top.get_legend_handles_labels()[0] + twin.get_legend_handles_labels()[0]
        top.legend(handles=handles, loc="upper left", fontsize=8)
        offset = width / max(1, len(series.contexts))
        for i, ctx in enumerate(series.contexts):
            shifted = [p + dt.timedelta(days=i * offset) for p in periods]
            bottom.bar(shifted, [r[f"ctx_{ctx}"] for r in combined], offset, label=ctx)
        bottom.set_ylabel("events by context")
        if series.contexts:
            bottom.legend(loc="upper left", fontsize=8, ncols=min(4, len(series.contexts)))
        fig.autofmt_xdate()
        fig.tight_layout()
        path = Path(out)
        fig.savefig(path, dpi=110)
    finally:
        plt.close(fig)
    return path
