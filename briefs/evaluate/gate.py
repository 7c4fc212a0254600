"""CI gates over an eval report: absolute floors and regressions against a baseline."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from briefs.errors import InputError, UsageError
from briefs.evaluate.metrics import FIELDS
from briefs.evaluate.report import EvalReport
from briefs.ingest.files import read_file

__all__ = [
    "check_baseline",
    "check_fail_under",
    "load_thresholds",
    "looks_like_gate",
    "parse_fail_under",
]

_GATE = re.compile(r"^\s*([A-Za-z0-9_.]+)\s*=\s*([0-9]*\.?[0-9]+)\s*$")


def looks_like_gate(text: str) -> bool:
    """Whether a command-line word is ``FIELD=VALUE`` for a known field."""
    match = _GATE.match(text)
    return match is not None and all(
        (m := _GATE.match(part)) is not None and m.group(1) in FIELDS
        for part in text.split(",")
        if part.strip()
    )


def parse_fail_under(items: Iterable[str]) -> dict[str, float]:
    """``["actors.f1=0.8", "issues.recall=0.5,overall=0.6"]`` -> {field: floor}."""
    out: dict[str, float] = {}
    for item in items:
        for part in item.split(","):
            if not part.strip():
                continue
            match = _GATE.match(part)
            if not match:
                raise UsageError(f"--fail-under expects FIELD=VALUE, got {part!r}")
            name, value = match.group(1), float(match.group(2))
            if name not in FIELDS:
                raise UsageError(f"unknown field {name!r}; fields: {', '.join(FIELDS)}")
            out[name] = value
    return out


def load_thresholds(path: str | Path) -> dict[str, float]:
    """A JSON file of ``{"field": floor}`` (keys starting with "_" are comments)."""
    try:
        data = json.loads(read_file(Path(path)))
    except (OSError, ValueError, InputError) as exc:
        raise UsageError(f"{path}: cannot read thresholds ({exc})") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: expected a JSON object of field: floor")
    return parse_fail_under(f"{k}={v}" for k, v in data.items() if not k.startswith("_"))


def check_fail_under(report: EvalReport, floors: dict[str, float]) -> list[str]:
    """One message per field whose mean is under its floor."""
    means = report.means
    failures = []
    for name, floor in floors.items():
        value = means.get(name)
        if value is None:
            failures.append(f"{name} not measured (floor {floor:.3f})")
        elif value < floor:
            failures.append(f"{name} {value:.3f} < {floor:.3f}")
    return failures


def check_baseline(report: EvalReport, baseline: str | Path, max_drop: float) -> list[str]:
    """One message per field that dropped more than ``max_drop`` below the baseline report."""
    try:
        old = json.loads(read_file(Path(baseline)))
        old_fields: dict[str, float | None] = dict(old["fields"])
    except (OSError, ValueError, KeyError, TypeError, InputError) as exc:
        raise UsageError(f"{baseline}: not an eval report ({exc})") from None
    means = report.means
    failures = []
    for name in FIELDS:
        before, now = old_fields.get(name), means.get(name)
        if before is None or now is None:
            continue
        if before - now > max_drop + 1e-12:
            failures.append(
                f"{name} dropped {before - now:.3f} (> {max_drop:.3f}): {before:.3f} -> {now:.3f}"
            )
    return failures
