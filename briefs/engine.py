"""Batches: many inputs to briefs on disk, with a manifest; one bad input never stops the rest."""

from __future__ import annotations

import datetime as _dt
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from briefs.backends.base import Backend
from briefs.backends.registry import get_backend
from briefs.errors import BriefsError, DuplicateId, InputError
from briefs.ingest import DEFAULT_MAX_BYTES, iter_articles
from briefs.pipeline import brief_from_article
from briefs.render import to_json, to_markdown
from briefs.schema import Article
from briefs.storage import atomic_write, safe_name

__all__ = ["MANIFEST_NAME", "BatchResult", "ManifestEntry", "generate_batch"]

MANIFEST_NAME = "manifest.json"


@dataclass
class ManifestEntry:
    id: str | None
    source: str
    status: str  # "ok" or "failed"
    error: str | None = None
    outputs: list[str] = field(default_factory=list)
    backend: str | None = None
    duration_ms: float = 0.0


@dataclass
class BatchResult:
    out_dir: Path
    entries: list[ManifestEntry] = field(default_factory=list)

    @property
    def ok(self) -> int:
        return sum(e.status == "ok" for e in self.entries)

    @property
    def failed(self) -> int:
        return sum(e.status != "ok" for e in self.entries)

    @property
    def manifest_path(self) -> Path:
        return self.out_dir / MANIFEST_NAME

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def _write_brief(article: Article, backend: Backend, out_dir: Path, strict: bool) -> list[str]:
    brief = brief_from_article(article, backend, strict_grounding=strict)
    stem = safe_name(article.id)
    json_path, md_path = out_dir / f"{stem}.json", out_dir / f"{stem}.md"
    atomic_write(json_path, to_json(brief))
    atomic_write(md_path, to_markdown(brief))
    return [json_path.name, md_path.name]


def _write_manifest(result: BatchResult, backend: str) -> None:
    data = {
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "backend": backend,
        "counts": {"ok": result.ok, "failed": result.failed, "total": len(result.entries)},
        "articles": [asdict(e) for e in result.entries],
    }
    atomic_write(result.manifest_path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def generate_batch(
    paths: Iterable[str | Path],
    out_dir: str | Path = "briefs-out",
    backend: str | Backend = "rules",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict_grounding: bool = False,
    on_result: Callable[[ManifestEntry], None] | None = None,
) -> BatchResult:
    """Brief every article under ``paths`` into ``out_dir``; see ``manifest.json`` there.

    Each finished brief is on disk (written atomically) before the next begins;
    the manifest is written at the end, also when the run is interrupted.
    """
    engine = get_backend(backend)
    result = BatchResult(Path(out_dir))
    result.out_dir.mkdir(parents=True, exist_ok=True)
    seen: dict[str, str] = {}
    try:
        for item in iter_articles(paths, max_bytes=max_bytes):
            started = time.perf_counter()
            if isinstance(item, Article) and safe_name(item.id) in seen:
                item = DuplicateId(
                    item.source or item.id,
                    f"duplicate id {item.id!r} (first seen in {seen[safe_name(item.id)]})",
                )
            if isinstance(item, InputError):
                entry = ManifestEntry(None, item.source, "failed", item.reason)
            else:
                seen[safe_name(item.id)] = item.source or item.id
                entry = ManifestEntry(item.id, item.source or "", "ok", backend=engine.name)
                try:
                    entry.outputs = _write_brief(item, engine, result.out_dir, strict_grounding)
                except BriefsError as exc:
                    entry.status, entry.error = "failed", str(exc)
                except Exception as exc:  # a bug on one article must not sink the batch
                    entry.status, entry.error = "failed", f"internal error: {exc!r}"
            entry.duration_ms = round((time.perf_counter() - started) * 1000, 3)
            result.entries.append(entry)
            if on_result is not None:
                on_result(entry)
    finally:
        _write_manifest(result, engine.name)
    return result
