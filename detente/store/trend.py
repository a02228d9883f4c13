"""The trend test behind ``detente relation``: is net cooperation rising or falling, and how sure?

Each event scores +1 when cooperative (QuadClass 1-2) and -1 when conflictual (3-4). Net
cooperation of a period is the mean score of its events (-1..+1): the share of cooperation
minus the share of conflict, so more news about a pair does not by itself read as warming.
The trend is the least-squares slope of the event scores on the period index (empty periods
carry no events and so no weight; nothing is interpolated). Events of one period are reported
together and move together, so uncertainty is measured over periods, not events: the interval
resamples periods with replacement (bootstrap), and the p-value shuffles periods in time
(permutation test). A change is claimed only when both agree and it is large enough to matter.
See docs/relation.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LEVEL = 0.95  # the interval's coverage; the permutation test runs at 1 - LEVEL
MIN_EVENTS = 20  # fewer scored events than this: "not enough events"
MIN_PERIODS = 6  # fewer periods with events than this: "not enough events"
MIN_CHANGE = 0.2  # smallest change over the whole window (on the -1..+1 scale) called a change
RESAMPLES = 1999
SEED = 11  # fixed, so the same events always give the same interval

WARMING, COOLING, NO_CHANGE, NOT_ENOUGH = "warming", "cooling", "no clear change", "not enough events"


@dataclass(frozen=True, slots=True)
class Trend:
    slope: float  # change of net cooperation per period
    interval: tuple[float, float]
    level: float
    p_value: float
    change: float  # slope times the window's length in periods, minus one

    def as_dict(self, unit: str) -> dict[str, object]:
        return {
            "slope": round(self.slope, 5),
            "interval": [round(self.interval[0], 5), round(self.interval[1], 5)],
            "level": self.level,
            "p_value": round(self.p_value, 4),
            "change_over_window": round(self.change, 3),
            "unit": unit,
        }


@dataclass(frozen=True, slots=True)
class Assessment:
    verdict: str
    trend: Trend | None
    events: int
    periods_with_events: int


def _period_sums(t: np.ndarray, s: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per non-empty period: its index, its number of events, the sum of its scores."""
    times, inverse = np.unique(t, return_inverse=True)
    counts = np.bincount(inverse).astype(float)
    sums = np.bincount(inverse, weights=s.astype(float))
    return times.astype(float), counts, sums


def _slopes(times: np.ndarray, counts: np.ndarray, sums: np.ndarray) -> np.ndarray:
    """Event-level least-squares slopes, one per row of ``times``/``counts``/``sums`` (2-D:
    resamples x periods); NaN where all events sit in one period."""
    n = counts.sum(axis=-1)
    st = (counts * times).sum(axis=-1)
    stt = (counts * times * times).sum(axis=-1)
    sy = sums.sum(axis=-1)
    sty = (times * sums).sum(axis=-1)
    denominator = n * stt - st * st
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 1e-9, (n * sty - st * sy) / np.where(denominator > 1e-9, denominator, 1), np.nan)


def event_weights(t: np.ndarray) -> np.ndarray:
    """w with slope = sum(w * s): each event's share in the slope, for the drivers."""
    centred = t.astype(float) - t.mean()
    total = float((centred * centred).sum())
    return centred / total if total > 0 else np.zeros_like(centred)


def fit_trend(t: np.ndarray, s: np.ndarray, n_periods: int, level: float = LEVEL) -> Trend | None:
    """Slope, period-bootstrap interval and two-sided permutation p-value; None when the events
    fall in fewer than two periods (no slope exists)."""
    times, counts, sums = _period_sums(t, s)
    if len(times) < 2:
        return None
    slope = float(_slopes(times[None, :], counts[None, :], sums[None, :])[0])
    rng = np.random.default_rng(SEED)
    k = len(times)
    picks = rng.integers(0, k, size=(RESAMPLES, k))
    boot = _slopes(times[picks], counts[picks], sums[picks])
    boot = boot[~np.isnan(boot)]
    tail = (1 - level) / 2
    lo, hi = (float(np.quantile(boot, tail)), float(np.quantile(boot, 1 - tail))) if len(boot) else (slope, slope)
    shuffled = np.argsort(rng.random((RESAMPLES, k)), axis=1)
    perm = _slopes(times[shuffled], counts[None, :].repeat(RESAMPLES, 0), sums[None, :].repeat(RESAMPLES, 0))
    extreme = int(np.sum(np.abs(perm) >= abs(slope) - 1e-12))
    p_value = (extreme + 1) / (RESAMPLES + 1)
    return Trend(slope, (lo, hi), level, p_value, slope * max(n_periods - 1, 1))


def verdict_of(trend: Trend | None, events: int, periods_with_events: int) -> str:
    """The rule of docs/relation.md, in one place."""
    if events < MIN_EVENTS or periods_with_events < MIN_PERIODS or trend is None:
        return NOT_ENOUGH
    significant = trend.p_value < 1 - trend.level and (trend.interval[0] > 0 or trend.interval[1] < 0)
    if not significant or abs(trend.change) < MIN_CHANGE:
        return NO_CHANGE
    return WARMING if trend.slope > 0 else COOLING


def assess(t: np.ndarray, s: np.ndarray, n_periods: int) -> Assessment:
    """Verdict and trend for events at period indexes ``t`` (0 .. n_periods-1) with scores ``s``."""
    t, s = np.asarray(t), np.asarray(s)
    trend = fit_trend(t, s, n_periods) if len(t) else None
    busy = len(np.unique(t))
    return Assessment(verdict_of(trend, len(t), busy), trend, len(t), busy)
