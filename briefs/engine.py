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
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from briefs.backends.base import Backend
from briefs.backends.registry import get_backend
from briefs.batches import MANIFEST_EVERY_S, Progress, fail_unfinished
from briefs.cache import BriefCache, cache_key
from briefs.errors import BriefsError, DuplicateId, InputError, UsageError
from briefs.ingest import DEFAULT_MAX_BYTES, iter_articles, read_file
from briefs.manifest import MANIFEST_NAME, BatchResult, ManifestEntry, write_brief, write_manifest
from briefs.pipeline import brief_from_article
from briefs.render import to_json
from briefs.schema import Article, Brief
from briefs.storage import safe_name

__all__ = [
    "MANIFEST_EVERY_S",
    "MANIFEST_NAME",
    "BatchResult",
    "ManifestEntry",
    "agenerate_batch",
    "generate_batch",
    "write_brief",
]


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


def _prepare(out_dir: str | Path) -> BatchResult:
    result = BatchResult(Path(out_dir))
    result.out_dir.mkdir(parents=True, exist_ok=True)
    for stale in result.out_dir.glob(".*.tmp"):  # left by a run killed mid-write
        stale.unlink(missing_ok=True)
    return result


def _inputs(
    paths: Iterable[str | Path],
    max_bytes: int,
    result: BatchResult,
    backend: str,
    ids: Collection[str] | None = None,
) -> Iterator[tuple[Article | None, ManifestEntry, float]]:
    """Each input's manifest entry (appended to ``result``, in input order), its
    Article (None when it cannot be read, the entry then failed) and its start time.
    With ``ids``, articles with another id are skipped (no entry)."""
    seen: dict[str, str] = {}
    for item in iter_articles(paths, max_bytes=max_bytes):
        if ids is not None and isinstance(item, Article) and item.id not in ids:
            continue
        started = time.perf_counter()
        if isinstance(item, Article) and safe_name(item.id) in seen:
            item = DuplicateId(
                item.source or item.id,
                f"duplicate id {item.id!r} (first seen in {seen[safe_name(item.id)]})",
            )
        if isinstance(item, InputError):
            entry = ManifestEntry(None, item.source, "failed", item.reason)
            result.entries.append(entry)
            yield None, entry, started
            continue
        seen[safe_name(item.id)] = item.source or item.id
        entry = ManifestEntry(item.id, item.source or "", "ok", backend=backend)
        result.entries.append(entry)
        yield item, entry, started


class _Run:
    def __init__(
        self, engine: Backend, out_dir: Path, cache: BriefCache | None, force: bool, strict: bool
    ) -> None:
        self.engine, self.out_dir, self.cache = engine, out_dir, cache
        self.force, self.strict = force, strict

    def brief(self, article: Article, entry: ManifestEntry) -> None:
        """Make (or reuse) one brief and write it; runs in a worker thread."""
        if not self.reuse(article, entry):
            brief = brief_from_article(article, self.engine, strict_grounding=self.strict)
            self.keep(article, brief, entry)

    def reuse(self, article: Article, entry: ManifestEntry) -> bool:
        """Whether the brief is done with no model call: already on disk (resume) or
        written now from the cache."""
        stem = safe_name(article.id)
        key = cache_key(article, self.engine, self.strict)
        entry.cache_key = key
        if self.force:
            return False
        if (done := _existing(self.out_dir, stem, key)) is not None:
            entry.resumed, entry.backend = True, done.meta.backend if done.meta else None
            entry.outputs = [f"{stem}.json", f"{stem}.md"]
            return True
        if self.cache is not None and (hit := self.cache.get(key)) is not None:
            # the key is the text: the same text may come under another id or title
            brief = Brief.model_validate_json(hit).model_copy(
                update={"id": article.id, "title": article.title, "date": article.date}
            )
            if brief.meta is not None:
                brief.meta.cached = True
            entry.cached = True
            self._write(brief, stem, entry)
            return True
        return False

    def keep(self, article: Article, brief: Brief, entry: ManifestEntry) -> None:
        """Write a brief just made (after ``reuse`` said no), and cache it."""
        assert brief.meta is not None
        brief.meta.cache_key = entry.cache_key
        self._write(brief, safe_name(article.id), entry)
        if self.cache is not None and entry.cache_key and brief.meta.fallback_reason is None:
            self.cache.put(entry.cache_key, to_json(brief))  # fallbacks are retried next run

    def _write(self, brief: Brief, stem: str, entry: ManifestEntry) -> None:
        entry.outputs = write_brief(self.out_dir, brief)
        if brief.meta is not None:
            entry.record(brief.meta)


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
    ids: Collection[str] | None = None,
) -> BatchResult:
    """Async form of :func:`generate_batch`: briefs are made in worker threads, one
    article per ``generate`` call, whatever the backend."""
    engine = get_backend(backend)
    store = cache if isinstance(cache, BriefCache) or cache is None else BriefCache(cache)
    result = _prepare(out_dir)
    run = _Run(engine, result.out_dir, store, force, strict_grounding)
    slots = asyncio.Semaphore(max(1, concurrency))
    tasks: set[asyncio.Task[None]] = set()
    finish = Progress(result, engine.name, on_result)

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
        for item, entry, started in _inputs(paths, max_bytes, result, engine.name, ids):
            if item is None:
                finish(entry, started)
                continue
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
        fail_unfinished(result.entries)
        raise
    finally:
        pool.shutdown(wait=not result.interrupted, cancel_futures=True)
        write_manifest(result, engine.name)
    return result


def generate_batch(
    paths: Iterable[str | Path],
    out_dir: str | Path = "briefs-out",
    backend: str | Backend | Callable[[], Backend] = "rules",
    *,
    executor: str = "local",
    **options: Any,
) -> BatchResult:
    """Brief every article under ``paths`` into ``out_dir``; see ``manifest.json`` there.

    Options: ``concurrency`` (articles in flight), ``cache`` (a BriefCache or a path;
    None for no cache), ``force`` (ignore briefs on disk and cached ones),
    ``max_bytes``, ``strict_grounding``, ``on_result`` (called once per input),
    ``ids`` (brief only the articles with these ids; local executor).
    A backend that says it is ``cpu_bound`` (rules) is run in batches of articles
    (``generate_many``), under ``concurrency`` N > 1 in N worker processes
    (``briefs.process_pool``); others in ``concurrency`` threads.
    ``executor="dask"`` briefs the articles on a Dask cluster instead of in local
    threads, with the same guarantees (``briefs.dask_executor``; its extra options:
    ``scheduler``, ``workers``, ``batch_size``; ``backend`` may then also be a
    zero-argument callable that builds the backend on each worker).
    """
    if executor == "dask":
        from briefs.dask_executor import generate_batch_dask

        return generate_batch_dask(paths, out_dir, backend, **options)
    if executor != "local":
        raise UsageError(f"unknown executor {executor!r}; executors: local, dask")
    if callable(backend) and not isinstance(backend, Backend):
        backend = backend()
    engine = get_backend(backend)
    if engine.cpu_bound:
        from briefs.process_pool import generate_batch_pooled

        return generate_batch_pooled(paths, out_dir, engine, **options)
    return asyncio.run(agenerate_batch(paths, out_dir, engine, **options))
