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
from collections.abc import Callable, Collection, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from briefs.backends.base import Backend
from briefs.backends.registry import get_backend
from briefs.batches import MANIFEST_EVERY_S, Progress, fail_unfinished
from briefs.cache import BriefCache
from briefs.errors import BriefsError, UsageError
from briefs.ingest import DEFAULT_MAX_BYTES
from briefs.manifest import MANIFEST_NAME, BatchResult, ManifestEntry, write_brief, write_manifest
from briefs.runs import Run, inputs, prepare
from briefs.schema import Article

__all__ = [
    "MANIFEST_EVERY_S",
    "MANIFEST_NAME",
    "BatchResult",
    "ManifestEntry",
    "agenerate_batch",
    "generate_batch",
    "write_brief",
]


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
    result = prepare(out_dir)
    run = Run(engine, result.out_dir, store, force, strict_grounding)
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
        for item, entry, started in inputs(paths, max_bytes, result, engine.name, ids):
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
