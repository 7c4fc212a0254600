"""The Dask executor: articles briefed on a ``dask.distributed`` cluster.

Only the pure work leaves this process: an Article goes to a worker, brief JSON
comes back. Everything else stays on the client, exactly as in the local engine:
reading the inputs, the resume check and cache lookups (done before anything is
sent, so a rerun sends nothing), atomic writes as results arrive, the cache, the
manifest (every 2 s and at the end), Ctrl-C. So its promises hold unchanged.

- Articles stream to the workers in batches of ``batch_size``, at most two
  batches per worker thread in flight: memory stays bounded however many there are.
- Each worker builds the backend once per process from a picklable recipe: a spec
  string, a zero-argument callable, or a (picklable) Backend instance.
- An article that fails fails alone (its error comes back as a result). A worker
  that dies mid-batch: the scheduler runs the batch again on another worker (up
  to ``distributed.scheduler.allowed-failures`` times, 3 by default); a brief is a
  pure function of its article, so nothing is lost or written twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from briefs.backends.base import Backend
from briefs.backends.registry import get_backend
from briefs.cache import BriefCache
from briefs.engine import MANIFEST_EVERY_S, _inputs, _prepare, _Run
from briefs.errors import BackendUnavailable, BriefsError, UsageError
from briefs.ingest import DEFAULT_MAX_BYTES
from briefs.manifest import BatchResult, ManifestEntry, write_manifest
from briefs.pipeline import brief_from_article
from briefs.schema import Article, Brief

__all__ = ["DEFAULT_BATCH_SIZE", "brief_batch", "generate_batch_dask"]

DEFAULT_BATCH_SIZE = 8
WRITERS = 4  # client threads writing briefs as they come back
MAX_QUEUED_WRITES = 512  # briefs back from the cluster, waiting to be written
BatchItem = tuple[Article, ManifestEntry, float]
Finish = Callable[[ManifestEntry, float], None]
Recipe = str | Backend | Callable[[], Backend]

_BUILT: dict[str, Backend] = {}
_BUILD_LOCK = threading.Lock()


def _build(token: str, blob: bytes) -> Backend:
    """The backend of a recipe, built once per worker process."""
    with _BUILD_LOCK:
        if token not in _BUILT:
            import cloudpickle

            recipe = cloudpickle.loads(blob)
            if isinstance(recipe, str):
                _BUILT[token] = get_backend(recipe)
            elif isinstance(recipe, Backend):
                _BUILT[token] = recipe
            else:
                _BUILT[token] = recipe()
        return _BUILT[token]


def brief_batch(
    token: str, blob: bytes, articles: list[Article], strict: bool
) -> list[tuple[bool, str]]:
    """On a worker: (True, brief JSON) or (False, error) for each article, in order."""
    backend = _build(token, blob)
    out: list[tuple[bool, str]] = []
    for article in articles:
        try:
            brief = brief_from_article(article, backend, strict_grounding=strict)
            out.append((True, brief.model_dump_json()))
        except BriefsError as exc:
            out.append((False, str(exc)))
        except Exception as exc:  # a bug on one article must not sink the batch
            out.append((False, f"internal error: {exc!r}"))
    return out


def _client(scheduler: str | None, workers: int | None, threads: int) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BackendUnavailable(
            "the dask executor needs dask.distributed: pip install 'briefs[dask]'"
        ) from None
    if scheduler:
        if workers is not None:
            raise UsageError("workers is for the local cluster; a scheduler has its own")
        try:
            return Client(scheduler), None
        except (OSError, ValueError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with _workers_ignore_ctrl_c():
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=threads,
            processes=True,
            host="127.0.0.1",  # a cluster on this machine listens on loopback only
            dashboard_address="127.0.0.1:0",
            silence_logs=40,  # logging.ERROR: a restarted worker is reported by the manifest
        )
    return Client(cluster), cluster


@contextlib.contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Ctrl-C reaches every process of the terminal's group: the worker processes,
    started while SIGINT is ignored, keep ignoring it (no tracebacks from them); this
    process handles it and stops the cluster itself."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _recipe(backend: Recipe) -> tuple[Backend, bytes]:
    """The backend for this process (cache keys, names), and its recipe, pickled."""
    import cloudpickle

    if isinstance(backend, str):
        engine = get_backend(backend)
    elif isinstance(backend, Backend):
        engine = backend
    else:
        engine = backend()
    return engine, cloudpickle.dumps(backend)


class _Batches:
    """Batches in flight on the cluster; their briefs written by a few threads here
    (each write is fsynced: one thread alone would cap the whole cluster's rate)."""

    def __init__(
        self, client: Any, run: _Run, blob: bytes, strict: bool, limit: int, finish: Finish
    ) -> None:
        from distributed import as_completed

        self.client, self.run, self.blob, self.strict = client, run, blob, strict
        self.token = hashlib.sha256(blob).hexdigest()[:16]
        self.limit, self.finish = limit, finish
        self.pending: dict[Any, list[BatchItem]] = {}
        self.done = as_completed()
        self.pool = ThreadPoolExecutor(max_workers=WRITERS, thread_name_prefix="briefs-write")
        self.writes: set[Future[tuple[ManifestEntry, float]]] = set()

    def submit(self, batch: list[BatchItem]) -> None:
        if not batch:
            return
        future = self.client.submit(
            brief_batch, self.token, self.blob, [a for a, _, _ in batch], self.strict, pure=False
        )
        self.pending[future] = batch
        self.done.add(future)
        while len(self.pending) >= self.limit:
            self._collect(next(self.done))

    def drain(self) -> None:
        while self.pending:
            self._collect(next(self.done))
        self._reap(everything=True)

    def _collect(self, future: Any) -> None:
        batch = self.pending.pop(future)
        try:
            results = future.result()
        except Exception as exc:  # the batch itself failed (e.g. its workers kept dying)
            results = [(False, f"dask: {type(exc).__name__}: {exc}")] * len(batch)
        for item, result in zip(batch, results, strict=True):
            self.writes.add(self.pool.submit(self._keep, item, result))
        self._reap()

    def _keep(self, item: BatchItem, result: tuple[bool, str]) -> tuple[ManifestEntry, float]:
        """In a writer thread: write one brief (and cache it), or record its error."""
        (article, entry, started), (ok, payload) = item, result
        try:
            if not ok:
                raise BriefsError(payload)
            self.run.keep(article, Brief.model_validate_json(payload), entry)
        except BriefsError as exc:
            entry.status, entry.error = "failed", str(exc)
        except Exception as exc:
            entry.status, entry.error = "failed", f"internal error: {exc!r}"
        return entry, started

    def _reap(self, everything: bool = False) -> None:
        """Report the briefs written so far (on this thread); wait when too many queue."""
        if everything:
            wait(self.writes)
        elif len(self.writes) > MAX_QUEUED_WRITES:
            wait(self.writes, return_when=FIRST_COMPLETED)
        finished = {f for f in self.writes if f.done()}
        self.writes -= finished
        for future in finished:
            self.finish(*future.result())

    def close(self, interrupted: bool) -> None:
        if interrupted:
            self.client.cancel(list(self.pending))
        # a write under way is finished (it is atomic anyway); queued ones are dropped
        self.pool.shutdown(wait=True, cancel_futures=interrupted)


def _needs_model(run: _Run, article: Article, entry: ManifestEntry) -> bool:
    """False when the brief is done already (resumed, or written from the cache), or
    when reusing it failed (the entry then says why)."""
    try:
        return not run.reuse(article, entry)
    except BriefsError as exc:
        entry.status, entry.error = "failed", str(exc)
    except Exception as exc:
        entry.status, entry.error = "failed", f"internal error: {exc!r}"
    return False


def generate_batch_dask(
    paths: Iterable[str | Path],
    out_dir: str | Path = "briefs-out",
    backend: Recipe = "rules",
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    concurrency: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    cache: BriefCache | str | Path | None = None,
    force: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict_grounding: bool = False,
    on_result: Callable[[ManifestEntry], None] | None = None,
) -> BatchResult:
    """:func:`briefs.generate_batch` with ``executor="dask"``.

    ``scheduler``: the address of a running Dask scheduler; without one a
    ``LocalCluster`` of ``workers`` processes (default: the CPU count) starts here,
    each with ``concurrency / workers`` threads (at least one), and stops at the end.
    """
    engine, blob = _recipe(backend)
    store = cache if isinstance(cache, BriefCache) or cache is None else BriefCache(cache)
    threads = max(1, math.ceil(concurrency / (workers or os.cpu_count() or 1)))
    result = _prepare(out_dir)
    client, cluster = _client(scheduler, workers, threads)
    run = _Run(engine, result.out_dir, store, force, strict_grounding)
    last_manifest = time.monotonic()

    def finish(entry: ManifestEntry, started: float) -> None:
        nonlocal last_manifest
        entry.duration_ms = round((time.perf_counter() - started) * 1000, 3)
        if on_result is not None:
            on_result(entry)
        if time.monotonic() - last_manifest > MANIFEST_EVERY_S:
            write_manifest(result, engine.name)
            last_manifest = time.monotonic()

    flight: _Batches | None = None
    try:
        slots = max(1, sum(client.nthreads().values()))
        flight = _Batches(client, run, blob, strict_grounding, 2 * slots, finish)
        batch: list[BatchItem] = []
        for article, entry, started in _inputs(paths, max_bytes, result, engine.name):
            if article is not None and _needs_model(run, article, entry):
                batch.append((article, entry, started))
                if len(batch) >= batch_size:
                    flight.submit(batch)
                    batch = []
            else:
                finish(entry, started)
        flight.submit(batch)
        flight.drain()
    except BaseException:  # Ctrl-C above all: keep what is done, say what is not
        result.interrupted = True
        if flight is not None:
            flight.close(interrupted=True)
        for entry in result.entries:
            if entry.status == "ok" and not entry.outputs:
                entry.status, entry.error = "failed", "interrupted before it finished"
        raise
    else:
        flight.close(interrupted=False)
    finally:
        write_manifest(result, engine.name)
        client.close()
        if cluster is not None:
            cluster.close()
    return result
