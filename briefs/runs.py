"""One batch run's inputs and outputs, whatever runs the backend (threads here,
worker processes in ``briefs.process_pool``, a Dask cluster in
``briefs.dask_executor``): each input's manifest entry, resume from briefs already
on disk, the content-hash cache, and writing each brief atomically.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from briefs.backends.base import Backend
from briefs.cache import BriefCache, cache_key
from briefs.errors import DuplicateId, InputError
from briefs.ingest import iter_articles, read_file
from briefs.manifest import BatchResult, ManifestEntry, write_brief
from briefs.pipeline import brief_from_article
from briefs.render import to_json
from briefs.schema import Article, Brief
from briefs.storage import safe_name

__all__ = ["Run", "existing", "inputs", "prepare"]


def existing(out_dir: Path, stem: str, key: str) -> Brief | None:
    """The brief already on disk for this key (resume), if any and readable."""
    path = out_dir / f"{stem}.json"
    try:
        brief = Brief.model_validate_json(read_file(path))
    except (OSError, ValueError, InputError):
        return None
    if brief.meta is None or brief.meta.cache_key != key or not (out_dir / f"{stem}.md").exists():
        return None
    return brief


def prepare(out_dir: str | Path) -> BatchResult:
    """A batch's result, its output folder made and cleared of temporary files
    a killed run left."""
    result = BatchResult(Path(out_dir))
    result.out_dir.mkdir(parents=True, exist_ok=True)
    for stale in result.out_dir.glob(".*.tmp"):  # left by a run killed mid-write
        stale.unlink(missing_ok=True)
    return result


def inputs(
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


class Run:
    """One batch's way of making a brief: reuse it (on disk or cached) or make it,
    then write it atomically and cache it."""

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
        if (done := existing(self.out_dir, stem, key)) is not None:
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
