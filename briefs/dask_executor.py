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
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from briefs.backends.base import Backend
from briefs.backends.registry import get_backend
from briefs.batches import (
    Batches,
    Progress,
    briefs_of,
    fail_unfinished,
)
from briefs.cache import BriefCache
from briefs.errors import BackendUnavailable, UsageError
from briefs.ingest import DEFAULT_MAX_BYTES
from briefs.manifest import BatchResult, ManifestEntry, write_manifest
from briefs.runs import Run, inputs, prepare
from briefs.schema import Article

__all__ = ["DEFAULT_BATCH_SIZE", "brief_batch", "generate_batch_dask"]

DEFAULT_BATCH_SIZE = 8
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
    return briefs_of(_build(token, blob), articles, strict)


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
    result = prepare(out_dir)
    client, cluster = _client(scheduler, workers, threads)
    run = Run(engine, result.out_dir, store, force, strict_grounding)
    finish = Progress(result, engine.name, on_result)
    token = hashlib.sha256(blob).hexdigest()[:16]

    def send(articles: list[Article]) -> Any:
        return client.submit(brief_batch, token, blob, articles, strict_grounding, pure=False)

    flight: Batches | None = None
    try:
        from distributed import as_completed

        slots = max(1, sum(client.nthreads().values()))
        flight = Batches(send, as_completed(), run, 2 * slots, finish, "dask")
        flight.run_all(inputs(paths, max_bytes, result, engine.name), batch_size)
    except BaseException:  # Ctrl-C above all: keep what is done, say what is not
        result.interrupted = True
        if flight is not None:
            client.cancel(flight.close(interrupted=True))
        fail_unfinished(result.entries)
        raise
    else:
        flight.close(interrupted=False)
    finally:
        write_manifest(result, engine.name)
        client.close()
        if cluster is not None:
            cluster.close()
    return result
