"""briefs: news articles to structured, evidence-grounded briefs.

Public API::

    import briefs
    brief = briefs.generate_brief(text)                 # one article, rules backend
    result = briefs.generate_batch(["seeds/"], "out")   # many, written to disk
"""

from __future__ import annotations

from briefs.backends.base import Backend
from briefs.backends.registry import get_backend, list_backends
from briefs.draft import Draft, Usage
from briefs.engine import BatchResult, ManifestEntry, generate_batch
from briefs.errors import BriefsError
from briefs.grounding import ground, locate
from briefs.ingest import article_from_text, iter_articles
from briefs.pipeline import brief_from_article, generate_brief
from briefs.render import to_json, to_markdown
from briefs.schema import (
    Actor,
    Article,
    Brief,
    BriefMeta,
    Digest,
    Evidence,
    OpenIssue,
    Position,
    brief_json_schema,
    digest_json_schema,
)
from briefs.version import __version__

# Imported on first use: they pull in langchain-core, which `briefs --help` and the
# rules backend do not need.
_LAZY = {
    "as_runnable": ("briefs.runnable", "as_runnable"),
    "LLMBackend": ("briefs.backends.llm.backend", "LLMBackend"),
    "FallbackBackend": ("briefs.backends.fallback", "FallbackBackend"),
    "digest": ("briefs.story", "make_digest"),
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'briefs' has no attribute {name!r}")


__all__ = [
    "Actor",
    "Article",
    "Backend",
    "BatchResult",
    "Brief",
    "BriefMeta",
    "BriefsError",
    "Digest",
    "Draft",
    "Evidence",
    "FallbackBackend",
    "LLMBackend",
    "ManifestEntry",
    "OpenIssue",
    "Position",
    "Usage",
    "__version__",
    "article_from_text",
    "as_runnable",
    "brief_from_article",
    "brief_json_schema",
    "digest",
    "digest_json_schema",
    "generate_batch",
    "generate_brief",
    "get_backend",
    "ground",
    "iter_articles",
    "list_backends",
    "locate",
    "to_json",
    "to_markdown",
]
