"""``briefs eval SEEDS``: brief the referenced articles through the batch engine
(cache, manifest, concurrency), then score them. Evaluation itself
(``briefs.evaluate``) only reads briefs; this module is where the two meet."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from briefs.backends.base import Backend
from briefs.cache import BriefCache
from briefs.engine import generate_batch
from briefs.evaluate.report import EvalReport, evaluate
from briefs.ingest import iter_articles
from briefs.schema import Article, Brief
from briefs.text.similarity import get_similarity

__all__ = ["article_texts", "generate_and_evaluate"]


def article_texts(paths: Iterable[str | Path], ids: set[str] | None = None) -> dict[str, str]:
    """Normalised article text by id (for the grounding score)."""
    return {
        a.id: a.text
        for a in iter_articles(paths)
        if isinstance(a, Article) and (ids is None or a.id in ids)
    }


def generate_and_evaluate(
    paths: Iterable[str | Path],
    references: dict[str, Brief],
    backend: str | Backend = "rules",
    *,
    out_dir: str | Path | None = None,
    similarity: str = "lexical",
    threshold: float | None = None,
    on_error: Callable[[str], None] | None = None,
    sources: dict[str, str] | None = None,
    split: str | None = None,
    concurrency: int = 1,
    cache: BriefCache | str | Path | None = None,
) -> tuple[EvalReport, list[str]]:
    """Brief the articles under ``paths`` that have a reference, with ``backend``, and
    score them against ``references`` (articles without one are skipped, so a whole
    corpus file can be given for a few referenced ids).

    The briefs go to ``out_dir`` (a temporary folder when None) with a manifest,
    through :func:`briefs.engine.generate_batch`. Without ``cache`` every article is
    briefed afresh; with one, cached briefs and briefs already in ``out_dir`` are
    reused. Returns the report and the errors met (inputs or articles that failed;
    their references then score as missing briefs).
    """
    paths = list(paths)
    wanted = set(references)
    with tempfile.TemporaryDirectory(prefix="briefs-eval-") as scratch:
        folder = Path(out_dir) if out_dir is not None else Path(scratch)
        result = generate_batch(
            paths,
            folder,
            backend,
            concurrency=concurrency,
            cache=cache,
            force=cache is None,
            ids=wanted,
        )
        briefs = result.briefs()
        errors = [f"{e.source}: {e.error}" for e in result.entries if e.status != "ok"]
    if on_error is not None:
        for e in errors:
            on_error(e)
    texts = article_texts(paths, set(briefs))
    kwargs = {} if threshold is None else {"threshold": threshold}
    report = evaluate(
        briefs,
        references,
        texts=texts,
        similarity=get_similarity(similarity),
        similarity_name=similarity,
        sources=sources,
        split=split,
        **kwargs,
    )
    return report, errors
