"""A backend's output before grounding (``Draft``) and what producing it cost (``Usage``).

Beside the schema: backends produce these, grounding and the pipeline read them.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from briefs.schema import Actor, OpenIssue, Position

__all__ = ["Draft", "Usage"]


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
