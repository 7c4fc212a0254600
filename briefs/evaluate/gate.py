"""CI gates over an eval report: floors, ceilings, and regressions against a baseline.

A gate item is ``FIELD=VALUE`` or ``FIELD>=VALUE`` (a floor: the mean must not be
under it) or ``FIELD<=VALUE`` (a ceiling, for lower-is-better fields such as
``summary.unsupported``: the mean must not be over it). In a thresholds file the
same keys are used (``{"actors.f1": 0.8, "summary.unsupported<=": 0}``); a plain key
on a lower-is-better field is refused, since a floor on it would gate nothing.

``--baseline`` flags a field only when the earlier mean lies outside the new 95%
interval on the worse side (above it for higher-is-better fields, below it for
lower-is-better ones) *and* the mean moved the wrong way by more than ``max_drop``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefs.errors import InputError, UsageError
from briefs.evaluate.report import EvalReport, load_report
from briefs.evaluate.scores import FIELDS, higher_is_better
from briefs.ingest.files import read_file

__all__ = [
    "Gate",
    "check_baseline",
    "check_fail_under",
    "load_thresholds",
    "looks_like_gate",
    "parse_fail_under",
]

_GATE = re.compile(r"^\s*([A-Za-z0-9_.]+)\s*(<=|>=|=)\s*([0-9]*\.?[0-9]+)\s*$")


@dataclass(frozen=True)
class Gate:
    """Floors (mean >= value) and ceilings (mean <= value) by field."""

    floors: dict[str, float] = field(default_factory=dict)
    ceilings: dict[str, float] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.floors or self.ceilings)

    def merged(self, other: Gate) -> Gate:
        """``other``'s values win."""
        return Gate({**self.floors, **other.floors}, {**self.ceilings, **other.ceilings})


def looks_like_gate(text: str) -> bool:
    """Whether a command-line word is ``FIELD=VALUE`` (or ``<=``, ``>=``) for a known field."""
    match = _GATE.match(text)
    return match is not None and all(
        (m := _GATE.match(part)) is not None and m.group(1) in FIELDS
        for part in text.split(",")
        if part.strip()
    )


def parse_fail_under(items: Iterable[str]) -> Gate:
    """``["actors.f1=0.8", "issues.recall=0.5,summary.unsupported<=0"]`` -> a Gate."""
    floors: dict[str, float] = {}
    ceilings: dict[str, float] = {}
    for item in items:
        for part in item.split(","):
            if not part.strip():
                continue
            match = _GATE.match(part)
            if not match:
                raise UsageError(f"--fail-under expects FIELD=VALUE or FIELD<=VALUE, got {part!r}")
            name, op, value = match.group(1), match.group(2), float(match.group(3))
            if name not in FIELDS:
                raise UsageError(f"unknown field {name!r}; fields: {', '.join(FIELDS)}")
            if op == "<=":
                ceilings[name] = value
            elif higher_is_better(name):
                floors[name] = value
            else:
                raise UsageError(f"{name} is lower-is-better: give a ceiling, {name}<={value:g}")
    return Gate(floors, ceilings)


def load_thresholds(path: str | Path) -> Gate:
    """A JSON file of ``{"field": floor, "field<=": ceiling}`` ("_" keys are comments)."""
    try:
        data = json.loads(read_file(Path(path)))
    except (OSError, ValueError, InputError) as exc:
        raise UsageError(f"{path}: cannot read thresholds ({exc})") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: expected a JSON object of field: floor")
    items = []
    for key, value in data.items():
        if key.startswith("_"):
            continue
        op = "" if key.endswith(("<=", ">=")) else "="
        items.append(f"{key}{op}{value}")
    try:
        return parse_fail_under(items)
    except UsageError as exc:
        raise UsageError(f"{path}: {exc}") from None


def check_fail_under(report: EvalReport, gate: Gate | dict[str, float]) -> list[str]:
    """One message per field whose mean is under its floor or over its ceiling."""
    if isinstance(gate, dict):
        gate = Gate(floors=dict(gate))
    aggs = report.aggregates
    failures = []
    for name, floor in gate.floors.items():
        agg = aggs.get(name)
        if agg is None:
            failures.append(f"{name} not measured (floor {floor:.3f})")
        elif agg.mean < floor:
            failures.append(f"{name} {agg} < {floor:.3f}")
    for name, ceiling in gate.ceilings.items():
        agg = aggs.get(name)
        if agg is None:
            failures.append(f"{name} not measured (ceiling {ceiling:.3f})")
        elif agg.mean > ceiling:
            failures.append(f"{name} {agg} > {ceiling:.3f}")
    return failures


def check_baseline(report: EvalReport, baseline: str | Path, max_drop: float) -> list[str]:
    """One message per field that got worse beyond its 95% interval and ``max_drop``."""
    old = load_report(baseline)
    aggs = report.aggregates
    failures = []
    for name in FIELDS:
        before, now = old.get(name), aggs.get(name)
        if before is None or now is None:
            continue
        up = higher_is_better(name)
        worse_by = (before.mean - now.mean) if up else (now.mean - before.mean)
        outside = before.mean > now.high + 1e-12 if up else before.mean < now.low - 1e-12
        if outside and worse_by > max_drop + 1e-12:
            word = "dropped" if up else "rose"
            failures.append(
                f"{name} {word} {worse_by:.3f} (> {max_drop:.3f}, and {before.mean:.3f} is "
                f"outside the new 95% interval [{now.low:.3f}, {now.high:.3f}]): "
                f"{before.mean:.3f} -> {now.mean:.3f}"
            )
    return failures
