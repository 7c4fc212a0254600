"""Aggregates over articles with a percentile-bootstrap 95% interval.

``bootstrap(values)`` resamples the articles with replacement ``RESAMPLES`` (1,000)
times with a fixed seed, so the same values always give the same interval; the
interval is the 2.5th and 97.5th percentile of the resampled means.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["RESAMPLES", "SEED", "Aggregate", "bootstrap"]

RESAMPLES = 1000
SEED = 20261203


@dataclass(frozen=True)
class Aggregate:
    """Mean of a field over ``n`` articles, with its 95% interval [low, high]."""

    mean: float
    low: float
    high: float
    n: int

    def excludes(self, value: float) -> bool:
        return value < self.low - 1e-12 or value > self.high + 1e-12

    def to_dict(self) -> dict[str, float | int]:
        return {"mean": self.mean, "low": self.low, "high": self.high, "n": self.n}

    def __str__(self) -> str:
        return f"{self.mean:.3f} [{self.low:.3f}, {self.high:.3f}]"


def _percentile(sorted_values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    pos = q * (len(sorted_values) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def bootstrap(
    values: Sequence[float], *, resamples: int = RESAMPLES, seed: int = SEED, level: float = 0.95
) -> Aggregate | None:
    """Mean and percentile-bootstrap interval of ``values`` (None when empty)."""
    n = len(values)
    if n == 0:
        return None
    mean = sum(values) / n
    if n == 1 or max(values) == min(values):
        return Aggregate(mean, mean, mean, n)
    rng = random.Random(seed)
    data = list(values)
    means = sorted(sum(rng.choices(data, k=n)) / n for _ in range(resamples))
    tail = (1 - level) / 2
    return Aggregate(mean, _percentile(means, tail), _percentile(means, 1 - tail), n)
