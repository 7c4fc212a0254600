"""Local batches for a CPU-bound backend (``Backend.cpu_bound``: the rules parser).

Threads do not help such a backend (the GIL), so ``generate_batch`` with one runs
``-j N`` (N > 1) as N worker processes, and ``-j 1`` in one worker thread here;
either way the articles go in batches of ``batch_size`` to
``Backend.generate_many`` (one parser batch each). Everything else stays in this
process as in the threaded engine (``briefs.batches``): resume and cache checks
before anything is sent, atomic writes as briefs come back, the manifest (in input
order) every 2 s and at the end, one failing article failing alone.

Workers are forked where the platform allows it (a model this process has loaded
already is then not loaded again) and ignore Ctrl-C: this process handles it,
stops the workers and keeps what is written. A worker that dies (killed, out of
memory) fails the batches it held, with the reason; a new pool takes the rest.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Collection, Iterable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from briefs.backends.base import Backend
from briefs.batches import (
    Batches,
    Completed,
    Progress,
    briefs_of,
    fail_unfinished,
)
from briefs.cache import BriefCache
from briefs.ingest import DEFAULT_MAX_BYTES
from briefs.manifest import BatchResult, write_manifest
from briefs.runs import Run, inputs, prepare
from briefs.schema import Article

__all__ = ["BATCH_SIZE", "generate_batch_pooled"]

BATCH_SIZE = 8  # articles per generate_many call (one parser batch)

_BACKEND: list[Backend] = []  # this worker's backend, set when it starts


def _start(backend: Backend) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _BACKEND[:] = [backend]


def _work(articles: list[Article], strict: bool) -> list[tuple[bool, str]]:
    return briefs_of(_BACKEND[0], articles, strict)


def _processes(backend: Backend, n: int) -> ProcessPoolExecutor:
    context: BaseContext
    if "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
        backend.load()  # once here, shared by the forked workers
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(n, mp_context=context, initializer=_start, initargs=(backend,))


def _stop(pool: Executor, interrupted: bool) -> None:
    """Shut the pool down; after Ctrl-C, without waiting: batches not started are
    cancelled, and a batch under way ends in its worker (workers ignore SIGINT) with
    its briefs not written (a rerun makes them). Workers are never terminated: one
    killed while sending its results leaves half a message in the pool's result pipe,
    and the pool's manager thread then waits for the rest for ever, so the
    interpreter hung at exit (seen once in CI after the Ctrl-C test)."""
    pool.shutdown(wait=not interrupted, cancel_futures=True)


def generate_batch_pooled(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    engine: Backend,
    *,
    concurrency: int = 1,
    cache: BriefCache | str | Path | None = None,
    force: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict_grounding: bool = False,
    on_result: Any = None,
    ids: Collection[str] | None = None,
    batch_size: int = BATCH_SIZE,
) -> BatchResult:
    """:func:`briefs.generate_batch` for a ``cpu_bound`` backend (same options)."""
    store = cache if isinstance(cache, BriefCache) or cache is None else BriefCache(cache)
    result = prepare(out_dir)
    run = Run(engine, result.out_dir, store, force, strict_grounding)
    finish = Progress(result, engine.name, on_result)
    workers = max(1, concurrency)
    pool: Executor = _processes(engine, workers) if workers > 1 else ThreadPoolExecutor(1)

    def send(articles: list[Article]) -> Future[list[tuple[bool, str]]]:
        nonlocal pool
        if workers == 1:
            return pool.submit(briefs_of, engine, articles, strict_grounding)
        try:
            return pool.submit(_work, articles, strict_grounding)
        except BrokenProcessPool:  # a worker died: its batches failed; go on in a new pool
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _processes(engine, workers)
            return pool.submit(_work, articles, strict_grounding)

    name = "worker process" if workers > 1 else "worker"
    flight = Batches(send, Completed(), run, 2 * workers, finish, name)
    try:
        flight.run_all(inputs(paths, max_bytes, result, engine.name, ids), batch_size)
    except BaseException:  # Ctrl-C above all: keep what is done, say what is not
        result.interrupted = True
        for future in flight.close(interrupted=True):
            future.cancel()
        _stop(pool, interrupted=True)
        fail_unfinished(result.entries)
        raise
    else:
        flight.close(interrupted=False)
        _stop(pool, interrupted=False)
    finally:
        write_manifest(result, engine.name)
    return result
