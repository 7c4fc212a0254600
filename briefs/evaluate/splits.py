"""The dev/test split of the references and the source of each id.

A splits file (``evals/external-splits.json``) is
``{"sources": {"bbc": [ids], ...}, "dev": [ids], "dev2": [ids], "test": [ids],
"test2": [ids]}``. Tune on ``dev`` (and ``dev2``, a second dev set written later to check
that what was tuned on ``dev`` carries); measure ``test`` once per change, and ``test2``
(a test set written after ``test`` had been looked at) once per round. Ids missing from
``sources`` have the source "all".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from briefs.errors import UsageError
from briefs.schema import Brief

__all__ = ["DEFAULT_SPLITS", "SPLITS", "Splits", "load_splits"]

DEFAULT_SPLITS = "evals/external-splits.json"
SPLITS = ("dev", "dev2", "test", "test2")


@dataclass(frozen=True)
class Splits:
    sources: dict[str, str] = field(default_factory=dict)  # id -> source
    halves: dict[str, frozenset[str]] = field(default_factory=dict)  # "dev"/"test" -> ids

    def select(self, references: dict[str, Brief], split: str) -> dict[str, Brief]:
        """The references in ``split`` (a usage error when none are)."""
        if split not in self.halves:
            raise UsageError(f"unknown split {split!r}; splits: {', '.join(sorted(self.halves))}")
        chosen = {k: v for k, v in references.items() if k in self.halves[split]}
        if not chosen:
            raise UsageError(f"no reference is in the {split} split")
        return chosen


def load_splits(path: str | Path) -> Splits:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        sources = {
            str(i): str(source)
            for source, ids in dict(data.get("sources", {})).items()
            for i in ids
        }
        halves = {name: frozenset(map(str, data[name])) for name in SPLITS if name in data}
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise UsageError(f"{path}: not a splits file ({exc})") from None
    names = sorted(halves)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            overlap = halves[first] & halves[second]
            if overlap:
                raise UsageError(
                    f"{path}: ids in both {first} and {second}: {', '.join(sorted(overlap))}"
                )
    return Splits(sources, halves)
