"""Generate briefs for a set of articles and score them, in one pass."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from briefs.backends.base import Backend
from briefs.backends.registry import get_backend
from briefs.engine import write_brief
from briefs.errors import BriefsError, InputError
from briefs.evaluate.report import EvalReport, evaluate
from briefs.ingest import iter_articles
from briefs.pipeline import brief_from_article
from briefs.schema import Article, Brief
from briefs.text.similarity import get_similarity

__all__ = ["article_texts", "generate_and_evaluate"]


def article_texts(paths: Iterable[str | Path]) -> dict[str, str]:
    """Normalised article text by id (for the grounding score)."""
    return {a.id: a.text for a in iter_articles(paths) if isinstance(a, Article)}


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
) -> tuple[EvalReport, list[str]]:
    """Brief the articles under ``paths`` that have a reference, with ``backend``, and
    score them against ``references`` (articles without one are skipped, so a whole
    corpus file can be given for a few referenced ids).

    Returns the report and the errors met (inputs or articles that failed; their
    references then score as missing briefs).
    """
    engine = get_backend(backend)
    briefs: dict[str, Brief] = {}
    texts: dict[str, str] = {}
    errors: list[str] = []
    for item in iter_articles(paths):
        if isinstance(item, InputError):
            errors.append(str(item))
        elif item.id not in references:
            continue  # nothing to score it against (e.g. the rest of a corpus file)
        else:
            try:
                brief = brief_from_article(item, engine)
            except BriefsError as exc:
                errors.append(f"{item.source}: {exc}")
                continue
            briefs[item.id] = brief
            texts[item.id] = item.text
            if out_dir is not None:
                write_brief(Path(out_dir), brief)
    if on_error is not None:
        for e in errors:
            on_error(e)
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
