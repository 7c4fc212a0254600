"""Digest references: a hand-written digest plus the inputs it was written from.

A reference file is a digest (``briefs schema --digest``) with one more field,
``inputs``: ``{"corpus": [JSONL paths, relative to the current folder], "ids": [article
ids in story order]}``. The articles are read from the corpus at run time (never
committed), briefed with the chosen backend, given to the digest in that order, and
the digest is scored against the reference (``briefs.evaluate.digest``).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefs.backends.base import Backend
from briefs.engine import generate_batch
from briefs.errors import BackendError, InputError, UsageError
from briefs.evaluate.digest import score_digest
from briefs.ingest import iter_articles
from briefs.schema import Article, Digest
from briefs.story import make_digest

__all__ = ["DigestScore", "load_reference", "score_reference"]


@dataclass(frozen=True)
class DigestScore:
    story: str
    digest: Digest
    fields: dict[str, float]


def load_reference(path: Path) -> tuple[Digest, list[Path], list[str]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        inputs = raw["inputs"]
        corpus = [Path(p) for p in inputs["corpus"]]
        ids = [str(i) for i in inputs["ids"]]
        return Digest.model_validate(raw), corpus, ids
    except (OSError, ValueError, KeyError, TypeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UsageError(f"{path}: not a digest reference ({first})") from None


def score_reference(path: Path, backend: str | Backend = "rules") -> DigestScore:
    """Brief the reference's articles, digest them in its order, score the digest."""
    reference, corpus, ids = load_reference(path)
    missing = [str(p) for p in corpus if not p.exists()]
    if missing:
        raise UsageError(f"{path}: corpus not found: {', '.join(missing)}")
    wanted = set(ids)
    found: dict[str, Article] = {}
    for item in iter_articles(corpus):
        if isinstance(item, InputError):
            continue
        if item.id in wanted:
            found[item.id] = item
    absent = [i for i in ids if i not in found]
    if absent:
        raise UsageError(f"{path}: articles not in the corpus: {', '.join(absent)}")
    with tempfile.TemporaryDirectory(prefix="briefs-digest-eval-") as scratch:
        result = generate_batch(corpus, scratch, backend, cache=None, force=True, ids=wanted)
        made = result.briefs()
    failed = [
        f"{e.source}: {e.error}" for e in result.entries if e.id in wanted and e.status != "ok"
    ]
    if failed:
        raise BackendError("; ".join(failed))
    briefs = [made[i] for i in ids]
    digest = make_digest(briefs, title=reference.title)
    return DigestScore(story=path.stem, digest=digest, fields=score_digest(digest, reference))
