"""One article to one brief: backend, grounding, meta."""

from __future__ import annotations

import time

from briefs.backends.base import Backend, Draft
from briefs.backends.registry import get_backend
from briefs.grounding import ground, group_warnings
from briefs.ingest import article_from_text
from briefs.schema import Article, Brief, BriefMeta, Provenance

__all__ = ["brief_from_article", "brief_from_draft", "generate_brief"]


def brief_from_article(
    article: Article, backend: Backend, *, strict_grounding: bool = False
) -> Brief:
    """Run ``backend`` on ``article``, ground every quote, and record how."""
    started = time.perf_counter()
    draft = backend.generate(article)
    return brief_from_draft(
        article, backend, draft, strict_grounding=strict_grounding, started=started
    )


def brief_from_draft(
    article: Article,
    backend: Backend,
    draft: Draft,
    *,
    strict_grounding: bool = False,
    started: float | None = None,
) -> Brief:
    """The brief of ``article`` from the ``draft`` that ``backend`` made of it: every
    quote grounded, provenance recorded (``started``: ``time.perf_counter()`` when the
    drafting began, for ``meta.duration_ms``; now when None)."""
    started = time.perf_counter() if started is None else started
    grounded, report = ground(draft, article.text, strict=strict_grounding)
    usage = draft.usage
    # the provenance the backend reported (a fallback chain names the rung that answered)
    carried = usage.model_dump(include=set(Provenance.model_fields))
    if not usage.backend:
        carried.update(
            backend=backend.name, model=backend.model, prompt_version=backend.prompt_version
        )
    meta = BriefMeta(
        **carried,
        duration_ms=round((time.perf_counter() - started) * 1000, 3),
        source_sha256=article.sha256,
        warnings=group_warnings([*usage.warnings, *report.warnings()]),
    )
    return Brief(
        id=article.id,
        title=article.title,
        date=article.date,
        summary=grounded.summary,
        actors=grounded.actors,
        positions=grounded.positions,
        open_issues=grounded.open_issues,
        meta=meta,
    )


def generate_brief(
    text_or_article: str | Article,
    backend: str | Backend = "rules",
    *,
    id: str = "article",
    strict_grounding: bool = False,
) -> Brief:
    """A brief of one article, given as text or as an Article.

    Text may carry a title line and a ``date YYYY-MM-DD`` header or front matter,
    exactly as a ``.txt``/``.md`` file would.
    """
    article = (
        text_or_article
        if isinstance(text_or_article, Article)
        else article_from_text(text_or_article, id=id)
    )
    return brief_from_article(article, get_backend(backend), strict_grounding=strict_grounding)
