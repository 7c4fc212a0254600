"""briefs as a langchain-core Runnable: article (or text) in, Brief out; composes with LCEL."""

from __future__ import annotations

import asyncio
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import Runnable, RunnableLambda

from briefs.backends.base import Backend
from briefs.backends.llm.backend import LLMBackend
from briefs.backends.registry import get_backend
from briefs.ingest import article_from_text
from briefs.pipeline import brief_from_article
from briefs.schema import Article, Brief

__all__ = ["as_runnable"]


def _article(value: Any) -> Article:
    if isinstance(value, Article):
        return value
    if isinstance(value, str):
        return article_from_text(value)
    if isinstance(value, dict):
        if "text" not in value:
            raise TypeError("a dict input needs a 'text' key")
        if value.get("id") or value.get("title") or value.get("date"):
            return Article.model_validate({"id": "article", **value})
        return article_from_text(value["text"])
    raise TypeError(f"briefs runnable takes an Article, a str or a dict, not {type(value)}")


def as_runnable(
    model: BaseChatModel | Backend | str = "rules",
    *,
    strict_grounding: bool = False,
    **options: Any,
) -> Runnable[Any, Brief]:
    """A Runnable from any chat model (or backend, or backend spec) to grounded Briefs.

    ``invoke``/``batch`` run synchronously; ``ainvoke``/``abatch`` run the same work in
    threads so an event loop is never blocked.
    """
    if isinstance(model, BaseChatModel):
        backend: Backend = LLMBackend(model, **options)
    else:
        backend = get_backend(model, **options)

    def run(value: Any) -> Brief:
        return brief_from_article(_article(value), backend, strict_grounding=strict_grounding)

    async def arun(value: Any) -> Brief:
        return await asyncio.to_thread(run, value)

    return RunnableLambda(run, afunc=arun, name="briefs")
