"""Synthetic dyads with a known trend, for the relationship summary's tests and benchmark.

A window of 24 periods; each period draws its number of events (Poisson, or overdispersed for
the noisy shape) and each event is cooperative with a probability that follows the shape."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

PERIODS = 24
SIZES = {"small": 6.0, "medium": 15.0, "large": 40.0}  # mean events per period
SPARSE_RATE = 0.3  # mean events per period of a sparse dyad: about 7 in the window


def _ramp(lo: float, hi: float) -> Callable[[np.ndarray], np.ndarray]:
    return lambda t: lo + (hi - lo) * t / (PERIODS - 1)


# shape -> (probability of cooperation per period, expected verdict)
SHAPES: dict[str, tuple[Callable[[np.ndarray], np.ndarray], str]] = {
    "rising": (_ramp(0.2, 0.8), "warming"),
    "falling": (_ramp(0.8, 0.2), "cooling"),
    "flat": (lambda t: np.full(t.shape, 0.6), "no clear change"),
    "step": (lambda t: np.where(t < PERIODS // 2, 0.75, 0.25), "cooling"),
    "noisy-rising": (_ramp(0.2, 0.8), "warming"),
}


def draw(shape: str, rate: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Period index and score (+1 cooperative, -1 conflictual) of every event of one dyad."""
    rng = np.random.default_rng(seed)
    t = np.arange(PERIODS)
    rates = np.full(PERIODS, rate)
    if shape.startswith("noisy"):
        rates = rng.gamma(2.0, rate / 2.0, PERIODS)  # bursty news: some months many times busier
    counts = rng.poisson(rates)
    times = np.repeat(t, counts)
    chance = SHAPES[shape][0](times.astype(float))
    scores = np.where(rng.random(len(times)) < chance, 1, -1)
    return times, scores
