"""What ``briefs digest`` reads: finished briefs, or articles it briefs first.

An input is a brief when it is a ``.json`` file that validates as a brief, or a folder
whose ``*.json`` files do (``briefs generate``'s output folder: ``manifest.json`` is
skipped). Anything else is an article input: those go through the normal engine
(``generate_batch``: cache, resume, atomic writes) into ``<out>/briefs/``. Order is
kept: briefs by input, then by file name within a folder; articles by input order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from briefs.backends.base import Backend
from briefs.engine import BatchResult, generate_batch
from briefs.schema import Brief

__all__ = ["Collected", "collect_briefs"]


@dataclass
class Collected:
    briefs: list[Brief] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    batch: BatchResult | None = None


def _as_brief(path: Path) -> Brief | None:
    if path.suffix.lower() != ".json" or not path.is_file():
        return None
    try:
        return Brief.model_validate_json(path.read_bytes())
    except (ValidationError, ValueError, OSError):
        return None


def _brief_folder(path: Path) -> list[Brief] | None:
    files = [f for f in sorted(path.glob("*.json")) if f.name != "manifest.json"]
    if not files:
        return None
    found = [_as_brief(f) for f in files]
    return [b for b in found if b is not None] if any(found) else None


def collect_briefs(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    backend: str | Backend = "rules",
    **batch_options: Any,
) -> Collected:
    """Briefs for ``paths`` in input order (see the module docstring)."""
    result = Collected()
    slots: list[list[Brief] | str] = []  # briefs read, or an article input to brief
    for raw in paths:
        path = Path(raw)
        found = _brief_folder(path) if path.is_dir() else None
        if found is None:
            one = _as_brief(path)
            found = [one] if one is not None else None
        slots.append(found if found is not None else str(raw))
    articles = [s for s in slots if isinstance(s, str)]
    made: dict[str, list[Brief]] = {}
    if articles:
        folder = Path(out_dir) / "briefs"
        batch = generate_batch(articles, folder, backend, **batch_options)
        result.batch = batch
        for entry in batch.entries:
            if entry.status != "ok":
                result.errors.append(f"{entry.source}: {entry.error}")
                continue
            brief = next((b for o in entry.outputs if (b := _as_brief(folder / o))), None)
            if brief is not None:
                made.setdefault(_input_of(entry.source, articles), []).append(brief)
    for slot in slots:
        result.briefs.extend(slot if isinstance(slot, list) else made.get(slot, []))
    return result


def _input_of(source: str, inputs: list[str]) -> str:
    """The input (file or folder) a manifest source came from."""
    head, _, tail = source.rpartition(":")
    src = Path(head) if head and tail.isdigit() else Path(source)  # "feed.jsonl:3"
    for raw in inputs:
        root = Path(raw)
        if src == root or root in src.parents:
            return raw
    return inputs[0]
