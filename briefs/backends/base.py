"""The one interface every backend implements: Article in, Draft out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from pydantic import BaseModel, Field

from briefs.schema import Actor, Article, OpenIssue, Position

__all__ = ["Backend", "Draft", "Usage"]


class Usage(BaseModel):
    """What producing one draft cost, and who produced it (for ``BriefMeta``)."""

    attempts: int = 1
    tokens_in: int | None = None
    tokens_out: int | None = None
    cost_usd: float | None = None
    calls: int = 0  # model calls made (0 for backends that call no model)
    retries: int = 0  # transient failures retried (429, 5xx, timeouts)
    warnings: list[str] = Field(default_factory=list)
    # set by wrappers such as the fallback chain; None means "the backend itself"
    backend: str | None = None
    model: str | None = None
    prompt_version: str | None = None
    fallback_reason: str | None = None


class Draft(BaseModel):
    """A backend's brief before grounding: content only, no id or meta."""

    summary: str
    actors: list[Actor] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    open_issues: list[OpenIssue] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage, exclude=True)


class Backend(ABC):
    """Turns an Article into a Draft. Subclasses are registered as entry points
    in the ``briefs.backends`` group; the entry point's name is what users pass
    as ``--backend NAME[:MODEL]``."""

    name: ClassVar[str] = "backend"
    model: str | None = None
    prompt_version: str | None = None

    @classmethod
    def availability(cls) -> tuple[bool, str]:
        """Whether this backend can run here, and why not."""
        return True, "ready"

    def identity(self) -> str:
        """What determines this backend's output, for cache keys."""
        return f"{self.name}|{self.model}|{self.prompt_version}"

    @abstractmethod
    def generate(self, article: Article) -> Draft:
        """A draft brief of ``article``; raises BackendError when it cannot."""
