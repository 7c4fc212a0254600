"""Batches: many inputs to briefs on disk, concurrently, cached, resumable.

- Inputs stream from ``iter_articles`` and at most ``concurrency`` articles are in
  flight, so memory stays bounded however many there are.
- Each brief is written atomically the moment it is done; the manifest is
  rewritten atomically every few seconds and at the end (also after Ctrl-C), so a
  killed run leaves every finished brief and a readable manifest.
- A rerun skips articles whose brief on disk was made from the same text with the
  same backend (resume), and serves the rest from the content-hash cache when it
  can: unchanged articles cost no model call.
- One bad input, or one failing article, never stops the rest.
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import json
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefs.backends.base import Backend
from briefs.backends.registry import get_backend
from briefs.cache import BriefCache, cache_key
from briefs.errors import BriefsError, DuplicateId, InputError
from briefs.ingest import DEFAULT_MAX_BYTES, iter_articles, read_file
from briefs.pipeline import brief_from_article
from briefs.render import to_json, to_markdown
from briefs.schema import Article, Brief
from briefs.storage import atomic_write, safe_name

__all__ = [
    "MANIFEST_NAME",
    "BatchResult",
    "ManifestEntry",
    "agenerate_batch",
    "generate_batch",
    "write_brief",
]

MANIFEST_NAME = "manifest.json"
MANIFEST_EVERY_S = 2.0


@dataclass
class ManifestEntry:
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


def _write_manifest(result: BatchResult, backend: str) -> None:
    data = {
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "backend": backend,
        "complete": not result.interrupted,
        "counts": result.counts(),
        "articles": [asdict(e) for e in result.entries],
    }
    atomic_write(result.manifest_path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _existing(out_dir: Path, stem: str, key: str) -> Brief | None:
    """The brief already on disk for this key (resume), if any and readable."""
    path = out_dir / f"{stem}.json"
    try:
        brief = Brief.model_validate_json(read_file(path))
    except (OSError, ValueError, InputError):
        return None
    if brief.meta is None or brief.meta.cache_key != key or not (out_dir / f"{stem}.md").exists():
        return None
    return brief


class _Run:
    def __init__(
        self, engine: Backend, out_dir: Path, cache: BriefCache | None, force: bool, strict: bool
    ) -> None:
        self.engine, self.out_dir, self.cache = engine, out_dir, cache
        self.force, self.strict = force, strict

    def brief(self, article: Article, entry: ManifestEntry) -> None:
        """Make (or reuse) one brief and write it; runs in a worker thread."""
        stem = safe_name(article.id)
        key = cache_key(article, self.engine, self.strict)
        entry.cache_key = key
        if not self.force:
            if (done := _existing(self.out_dir, stem, key)) is not None:
                entry.resumed, entry.backend = True, done.meta.backend if done.meta else None
                entry.outputs = [f"{stem}.json", f"{stem}.md"]
                return
            if self.cache is not None and (hit := self.cache.get(key)) is not None:
                # the key is the text: the same text may come under another id or title
                brief = Brief.model_validate_json(hit).model_copy(
                    update={"id": article.id, "title": article.title, "date": article.date}
                )
                if brief.meta is not None:
                    brief.meta.cached = True
                entry.cached = True
                self._write(brief, stem, entry)
                return
        brief = brief_from_article(article, self.engine, strict_grounding=self.strict)
        assert brief.meta is not None
        brief.meta.cache_key = key
        self._write(brief, stem, entry)
        if self.cache is not None and brief.meta.fallback_reason is None:
            self.cache.put(key, to_json(brief))  # fallbacks are retried on the next run

    def _write(self, brief: Brief, stem: str, entry: ManifestEntry) -> None:
        entry.outputs = write_brief(self.out_dir, brief)
        meta = brief.meta
        if meta is not None:
            entry.backend = meta.backend
            entry.fallback = meta.fallback_reason is not None
            entry.retries = meta.retries
            entry.tokens_in, entry.tokens_out = meta.tokens_in, meta.tokens_out
            entry.cost_usd = meta.cost_usd


async def agenerate_batch(
    paths: Iterable[str | Path],
    out_dir: str | Path = "briefs-out",
    backend: str | Backend = "rules",
    *,
    concurrency: int = 1,
    cache: BriefCache | str | Path | None = None,
    force: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict_grounding: bool = False,
    on_result: Callable[[ManifestEntry], None] | None = None,
) -> BatchResult:
    """Async form of :func:`generate_batch` (briefs are made in worker threads)."""
    engine = get_backend(backend)
    store = cache if isinstance(cache, BriefCache) or cache is None else BriefCache(cache)
    result = BatchResult(Path(out_dir))
    result.out_dir.mkdir(parents=True, exist_ok=True)
    for stale in result.out_dir.glob(".*.tmp"):  # left by a run killed mid-write
        stale.unlink(missing_ok=True)
    run = _Run(engine, result.out_dir, store, force, strict_grounding)
    slots = asyncio.Semaphore(max(1, concurrency))
    seen: dict[str, str] = {}
    tasks: set[asyncio.Task[None]] = set()
    last_manifest = time.monotonic()

    def finish(entry: ManifestEntry, started: float) -> None:
        nonlocal last_manifest
        entry.duration_ms = round((time.perf_counter() - started) * 1000, 3)
        if on_result is not None:
            on_result(entry)
        if time.monotonic() - last_manifest > MANIFEST_EVERY_S:
            _write_manifest(result, engine.name)
            last_manifest = time.monotonic()

    # a pool as wide as --concurrency (asyncio's default one has only cores + 4 threads)
    pool = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="briefs")
    loop = asyncio.get_running_loop()

    async def work(article: Article, entry: ManifestEntry, started: float) -> None:
        try:
            await loop.run_in_executor(pool, run.brief, article, entry)
        except BriefsError as exc:
            entry.status, entry.error = "failed", str(exc)
        except Exception as exc:  # a bug on one article must not sink the batch
            entry.status, entry.error = "failed", f"internal error: {exc!r}"
        finally:
            slots.release()
            finish(entry, started)

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
                result.entries.append(entry)
                finish(entry, started)
                continue
            seen[safe_name(item.id)] = item.source or item.id
            entry = ManifestEntry(item.id, item.source or "", "ok", backend=engine.name)
            result.entries.append(entry)
            await slots.acquire()
            task = asyncio.create_task(work(item, entry, started))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        if tasks:
            await asyncio.gather(*tasks)
    except (KeyboardInterrupt, asyncio.CancelledError):
        result.interrupted = True
        for task in tasks:
            task.cancel()
        for entry in result.entries:
            if entry.status == "ok" and not entry.outputs:
                entry.status, entry.error = "failed", "interrupted before it finished"
        raise
    finally:
        pool.shutdown(wait=not result.interrupted, cancel_futures=True)
        _write_manifest(result, engine.name)
    return result


def generate_batch(
    paths: Iterable[str | Path],
    out_dir: str | Path = "briefs-out",
    backend: str | Backend = "rules",
    **options: Any,
) -> BatchResult:
    """Brief every article under ``paths`` into ``out_dir``; see ``manifest.json`` there.

    Options: ``concurrency`` (articles in flight), ``cache`` (a BriefCache or a path;
    None for no cache), ``force`` (ignore briefs on disk and cached ones),
    ``max_bytes``, ``strict_grounding``, ``on_result`` (called once per input).
    """
    return asyncio.run(agenerate_batch(paths, out_dir, backend, **options))
