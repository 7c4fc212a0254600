"""The record of a batch: one manifest entry per input, counts, ``manifest.json``."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from briefs.render import to_json, to_markdown
from briefs.schema import Brief, Provenance
from briefs.storage import atomic_write, safe_name

__all__ = ["MANIFEST_NAME", "BatchResult", "ManifestEntry", "write_brief", "write_manifest"]

MANIFEST_NAME = "manifest.json"


@dataclass
class ManifestEntry:
    """One input of a batch in ``manifest.json``: its outcome, and where shown, the
    brief's provenance (same names and meaning as in the brief's ``meta``)."""

    id: str | None
    source: str
    status: str  # "ok" or "failed"
    error: str | None = None
    outputs: list[str] = field(default_factory=list)
    backend: str | None = None
    duration_ms: float = 0.0
    cached: bool = False
    resumed: bool = False
    fallback: bool = False
    retries: int = 0
    tokens_in: int | None = None
    tokens_out: int | None = None
    cost_usd: float | None = None
    cache_key: str | None = None

    def record(self, meta: Provenance) -> None:
        """Take the provenance fields this entry shows from a brief's meta."""
        for name in _PROVENANCE_SHOWN:
            setattr(self, name, getattr(meta, name))
        self.fallback = meta.fallback_reason is not None


# the manifest shows these fields of the provenance record (declared in schema.py)
_PROVENANCE_SHOWN = tuple(
    f.name for f in fields(ManifestEntry) if f.name in Provenance.model_fields
)


@dataclass
class BatchResult:
    out_dir: Path
    entries: list[ManifestEntry] = field(default_factory=list)
    interrupted: bool = False

    def _count(self, test: Callable[[ManifestEntry], bool]) -> int:
        return sum(1 for e in self.entries if test(e))

    @property
    def ok(self) -> int:
        return self._count(lambda e: e.status == "ok")

    @property
    def failed(self) -> int:
        return self._count(lambda e: e.status != "ok")

    @property
    def cached(self) -> int:
        return self._count(lambda e: e.cached)

    @property
    def resumed(self) -> int:
        return self._count(lambda e: e.resumed)

    @property
    def fell_back(self) -> int:
        return self._count(lambda e: e.fallback)

    @property
    def tokens(self) -> tuple[int, int]:
        fresh = [e for e in self.entries if not (e.cached or e.resumed)]
        return (sum(e.tokens_in or 0 for e in fresh), sum(e.tokens_out or 0 for e in fresh))

    @property
    def cost_usd(self) -> float | None:
        costs = [
            e.cost_usd
            for e in self.entries
            if e.cost_usd is not None and not (e.cached or e.resumed)
        ]
        return round(sum(costs), 6) if costs else None

    def briefs(self) -> dict[str, Brief]:
        """The briefs written (or kept) by the batch, by id, read back from ``out_dir``."""
        found: dict[str, Brief] = {}
        for entry in self.entries:
            names = [n for n in entry.outputs if n.endswith(".json")]
            if entry.status == "ok" and entry.id is not None and names:
                text = (self.out_dir / names[0]).read_text(encoding="utf-8")
                found[entry.id] = Brief.model_validate_json(text)
        return found

    @property
    def manifest_path(self) -> Path:
        return self.out_dir / MANIFEST_NAME

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.interrupted else 0

    def counts(self) -> dict[str, Any]:
        tokens_in, tokens_out = self.tokens
        return {
            "ok": self.ok,
            "failed": self.failed,
            "total": len(self.entries),
            "cached": self.cached,
            "resumed": self.resumed,
            "fell_back": self.fell_back,
            "tokens_in": tokens_in,
            "tokens_out": tokens_out,
            "cost_usd": self.cost_usd,
        }


def write_brief(out_dir: Path, brief: Brief) -> list[str]:
    """``<id>.json`` and ``<id>.md`` of a brief in ``out_dir``, atomically; their names."""
    stem = safe_name(brief.id)
    names = [f"{stem}.json", f"{stem}.md"]
    atomic_write(out_dir / names[0], to_json(brief))
    atomic_write(out_dir / names[1], to_markdown(brief))
    return names


def write_manifest(result: BatchResult, backend: str) -> None:
    data = {
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "backend": backend,
        "complete": not result.interrupted,
        "counts": result.counts(),
        "articles": [asdict(e) for e in result.entries],
    }
    atomic_write(result.manifest_path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
