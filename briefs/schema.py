"""The brief format as pydantic models: the single source of the schema.

Field names follow ``brief-format.md`` (a contract shared with hand-written
references). Unknown fields are ignored on input, so references written by
anyone, with extra fields, still load.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "1"

ActorKind = Literal["person", "organization", "country", "group", "other"]
Salience = Literal["primary", "secondary"]

_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class Article(_Model):
    """One news article after ingest: normalised text plus metadata."""

    id: str = Field(min_length=1)
    title: str | None = None
    date: str | None = Field(default=None, pattern=_DATE_PATTERN)
    text: str = Field(min_length=1, description="Normalised article text; offsets index it.")
    source: str | None = Field(default=None, description="Path (and line) it was read from.")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class Evidence(_Model):
    """A verbatim span of the article text: ``text[start:end] == quote``."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)  # exact spans

    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Actor(_Model):
    name: str = Field(min_length=1, description="Canonical name.")
    kind: ActorKind
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)
    salience: Salience | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Position(_Model):
    actor: str = Field(description="An actors[].name.")
    stance: str = Field(min_length=1, description="The position in one sentence.")
    evidence: list[Evidence] = Field(default_factory=list)


class OpenIssue(_Model):
    issue: str = Field(min_length=1, description="The unresolved question in one sentence.")
    actors: list[str] = Field(default_factory=list, description="actors[].name values involved.")
    evidence: list[Evidence] = Field(default_factory=list)


class BriefMeta(_Model):
    """How a brief was made."""

    backend: str
    model: str | None = None
    prompt_version: str | None = None
    attempts: int = 1
    retries: int = 0
    tokens_in: int | None = None
    tokens_out: int | None = None
    cost_usd: float | None = None
    cached: bool = False
    fallback_reason: str | None = None
    duration_ms: float = 0.0
    source_sha256: str | None = None
    cache_key: str | None = None
    schema_version: str = SCHEMA_VERSION
    warnings: list[str] = Field(default_factory=list)


class Brief(_Model):
    """A brief of one article. Generated briefs and references share this model."""

    id: str
    title: str | None = None
    date: str | None = Field(default=None, pattern=_DATE_PATTERN)
    summary: str
    summaries: list[str] = Field(
        default_factory=list, description="Further reference summaries (references only)."
    )
    actors: list[Actor] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    open_issues: list[OpenIssue] = Field(default_factory=list)
    meta: BriefMeta | None = None

    @field_validator("summaries")
    @classmethod
    def _drop_blank(cls, value: list[str]) -> list[str]:
        return [s for s in value if s.strip()]

    def actor_names(self) -> list[str]:
        return [a.name for a in self.actors]


def brief_json_schema() -> dict[str, object]:
    """The JSON Schema of a brief, as ``briefs schema`` prints it."""
    return Brief.model_json_schema()
