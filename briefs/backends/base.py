"""The one interface every backend implements: Article in, Draft out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from pydantic import BaseModel, Field

from briefs.schema import Actor, Article, OpenIssue, Position

__all__ = ["Backend", "Draft", "Usage"]


class Usage(BaseModel):
    """What producing one draft cost."""

    attempts: int = 1
    tokens_in: int | None = None
    tokens_out: int | None = None
    cost_usd: float | None = None
    warnings: list[str] = Field(default_factory=list)


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

    @abstractmethod
    def generate(self, article: Article) -> Draft:
        """A draft brief of ``article``; raises BackendError when it cannot."""
