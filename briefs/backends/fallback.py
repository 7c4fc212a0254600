"""A fallback ladder: try backends in order; the first draft wins, every attempt counts.

``--backend openai:gpt-4o-mini --fallback rules`` turns a model that keeps failing
into a rules brief instead of a failed article; ``meta.fallback_reason`` says why,
and ``meta.attempts`` / tokens include the failed attempts.
"""

from __future__ import annotations

from typing import Any, ClassVar

from briefs.backends.base import Backend
from briefs.backends.registry import get_backend
from briefs.draft import Draft, Usage
from briefs.errors import BackendError
from briefs.schema import Article

__all__ = ["FallbackBackend", "with_fallbacks"]


def _label(backend: Backend) -> str:
    return f"{backend.name}:{backend.model}" if backend.model else backend.name


class FallbackBackend(Backend):
    name: ClassVar[str] = "fallback"

    def __init__(self, backends: list[Backend]) -> None:
        if not backends:
            raise BackendError("a fallback ladder needs at least one backend")
        self.backends = backends
        self.model = backends[0].model
        self.prompt_version = backends[0].prompt_version

    def identity(self) -> str:
        return " > ".join(b.identity() for b in self.backends)

    def generate(self, article: Article) -> Draft:
        total = Usage(attempts=0, calls=0)
        cost: float | None = None
        reasons: list[str] = []
        tokens_seen = False
        for backend in self.backends:
            try:
                draft = backend.generate(article)
                used: Usage | None = draft.usage
                failed = None
            except BackendError as exc:
                draft, used, failed = None, getattr(exc, "usage", None), exc
            if used is not None:
                total.attempts += used.attempts
                total.calls += used.calls
                total.retries += used.retries
                total.warnings += used.warnings
                if used.tokens_in is not None or used.tokens_out is not None:
                    tokens_seen = True
                    total.tokens_in = (total.tokens_in or 0) + (used.tokens_in or 0)
                    total.tokens_out = (total.tokens_out or 0) + (used.tokens_out or 0)
                    step_cost = used.cost_usd
                    if step_cost is not None:
                        cost = (cost or 0.0) + step_cost
            elif failed is not None:
                total.attempts += 1
            if draft is None:
                reasons.append(f"{_label(backend)} failed: {failed}")
                continue
            draft.usage = total.model_copy(
                update={
                    "backend": backend.name,
                    "model": backend.model,
                    "prompt_version": backend.prompt_version,
                    "fallback_reason": "; ".join(reasons) or None,
                    "cost_usd": cost,
                    "tokens_in": total.tokens_in if tokens_seen else None,
                    "tokens_out": total.tokens_out if tokens_seen else None,
                }
            )
            return draft
        raise BackendError("every backend failed: " + "; ".join(reasons))


def with_fallbacks(
    primary: str | Backend, fallbacks: list[str] | None = None, **options: Any
) -> Backend:
    """``primary``, or a FallbackBackend of it and ``fallbacks`` (specs such as "rules")."""
    first = get_backend(primary, **options)
    if not fallbacks:
        return first
    return FallbackBackend([first, *(get_backend(spec, **options) for spec in fallbacks)])
