"""Briefs made elsewhere in batches, written here: what the process pool (local
``-j N`` with a CPU-bound backend) and the Dask executor share.

Only the pure work leaves this process: a list of Articles goes to a worker, brief
JSON (or an error) comes back for each. Reading the inputs, the resume check and
cache lookups, atomic writes, the cache, the manifest and Ctrl-C stay here, as in
the threaded engine, so its promises hold unchanged.
"""

from __future__ import annotations

import queue
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from briefs.backends.base import Backend
from briefs.errors import BriefsError
from briefs.manifest import BatchResult, ManifestEntry, write_manifest
from briefs.pipeline import brief_from_draft
from briefs.schema import Article, Brief

__all__ = [
    "BatchItem",
    "Batches",
    "Completed",
    "Progress",
    "briefs_of",
    "fail_unfinished",
    "needs_model",
]

WRITERS = 4  # threads writing briefs as they come back (each write is fsynced)
MAX_QUEUED_WRITES = 512  # briefs back from the workers, waiting to be written
MANIFEST_EVERY_S = 2.0
BatchItem = tuple[Article, ManifestEntry, float]
Input = tuple[Article | None, ManifestEntry, float]  # as ``briefs.runs.inputs`` yields


def briefs_of(
    backend: Backend, articles: Sequence[Article], strict: bool
) -> list[tuple[bool, str]]:
    """In a worker: (True, brief JSON) or (False, error) for each article, in order.
    The drafts come from one ``generate_many`` call (one parser batch); each article's
    ``duration_ms`` is its share of that call plus its own grounding."""
    started = time.perf_counter()
    drafts = backend.generate_many(articles)
    share = (time.perf_counter() - started) / max(1, len(articles))
    out: list[tuple[bool, str]] = []
    for article, draft in zip(articles, drafts, strict=True):
        try:
            if isinstance(draft, Exception):
                raise draft
            brief = brief_from_draft(
                article,
                backend,
                draft,
                strict_grounding=strict,
                started=time.perf_counter() - share,
            )
            out.append((True, brief.model_dump_json()))
        except BriefsError as exc:
            out.append((False, str(exc)))
        except Exception as exc:  # a bug on one article must not sink the batch
            out.append((False, f"internal error: {exc!r}"))
    return out


class Progress:
    """Called once per finished input: its duration, the caller's ``on_result``, and
    the manifest rewritten every ``MANIFEST_EVERY_S`` seconds."""

    def __init__(
        self,
        result: BatchResult,
        backend: str,
        on_result: Callable[[ManifestEntry], None] | None,
    ) -> None:
        self.result, self.backend, self.on_result = result, backend, on_result
        self.last_manifest = time.monotonic()

    def __call__(self, entry: ManifestEntry, started: float) -> None:
        entry.duration_ms = round((time.perf_counter() - started) * 1000, 3)
        if self.on_result is not None:
            self.on_result(entry)
        if time.monotonic() - self.last_manifest > MANIFEST_EVERY_S:
            write_manifest(self.result, self.backend)
            self.last_manifest = time.monotonic()


def needs_model(run: Any, article: Article, entry: ManifestEntry) -> bool:
    """False when the brief is done already (``run.reuse``: resumed, or written from
    the cache), or when reusing it failed (the entry then says why)."""
    try:
        return not run.reuse(article, entry)
    except BriefsError as exc:
        entry.status, entry.error = "failed", str(exc)
    except Exception as exc:
        entry.status, entry.error = "failed", f"internal error: {exc!r}"
    return False


def fail_unfinished(entries: list[ManifestEntry]) -> None:
    """After an interruption: each entry still "ok" with no brief written is failed."""
    for entry in entries:
        if entry.status == "ok" and not entry.outputs:
            entry.status, entry.error = "failed", "interrupted before it finished"


class Completed:
    """Futures in the order they finish (``add`` one, ``next`` waits for one), for
    ``concurrent.futures``; Dask's ``as_completed`` does the same for its own."""

    def __init__(self) -> None:
        self.finished: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def add(self, future: Any) -> None:
        future.add_done_callback(self.finished.put)

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        return self.finished.get()


Submit = Callable[[list[Article]], Any]  # a batch's Articles -> a future of briefs_of


class Batches:
    """Batches in flight on the workers; their briefs written by a few threads here
    (each write is fsynced: one thread alone would cap the whole pool's rate)."""

    def __init__(
        self,
        submit: Submit,
        done: Any,
        run: Any,
        limit: int,
        finish: Callable[[ManifestEntry, float], None],
        name: str,
    ) -> None:
        self.send, self.done, self.run, self.name = submit, done, run, name
        self.limit, self.finish = limit, finish
        self.pending: dict[Any, list[BatchItem]] = {}
        self.pool = ThreadPoolExecutor(max_workers=WRITERS, thread_name_prefix="briefs-write")
        self.writes: deque[Future[tuple[ManifestEntry, float]]] = deque()

    def submit(self, batch: list[BatchItem]) -> None:
        if not batch:
            return
        future = self.send([a for a, _, _ in batch])
        self.pending[future] = batch
        self.done.add(future)
        while len(self.pending) >= self.limit:
            self._collect(next(self.done))

    def run_all(self, inputs: Iterable[Input], size: int) -> None:
        """Each input that needs the model, sent in batches of ``size``; the others
        (resumed, from the cache, unreadable) finished at once; then all awaited."""
        batch: list[BatchItem] = []
        for article, entry, started in inputs:
            if article is not None and needs_model(self.run, article, entry):
                batch.append((article, entry, started))
                if len(batch) >= size:
                    self.submit(batch)
                    batch = []
            else:
                self.finish(entry, started)
        self.submit(batch)
        self.drain()

    def drain(self) -> None:
        while self.pending:
            self._collect(next(self.done))
        self._reap(everything=True)

    def _collect(self, future: Any) -> None:
        batch = self.pending.pop(future)
        try:
            results = future.result()
        except Exception as exc:  # the batch itself failed (e.g. its worker died)
            results = [(False, f"{self.name}: {type(exc).__name__}: {exc}")] * len(batch)
        for item, result in zip(batch, results, strict=True):
            self.writes.append(self.pool.submit(self._keep, item, result))
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
        """Report the briefs written so far, in the order they were sent (on this thread:
        with one worker, that is the input order); wait when too many queue."""
        if everything:
            wait(self.writes)
        elif len(self.writes) > MAX_QUEUED_WRITES:
            wait([self.writes[0]])
        while self.writes and self.writes[0].done():
            self.finish(*self.writes.popleft().result())

    def close(self, interrupted: bool) -> list[Any]:
        """Stop writing (a write under way is finished: it is atomic anyway; queued ones
        are dropped when ``interrupted``); the futures still pending, to cancel."""
        self.pool.shutdown(wait=True, cancel_futures=interrupted)
        return list(self.pending) if interrupted else []
