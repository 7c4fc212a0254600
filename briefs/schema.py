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


class Provenance(_Model):
    """Who made a brief, how, and at what cost: the one provenance record. Its fields
    are declared here only; a brief's ``meta`` (BriefMeta) extends it, and each
    ``manifest.json`` entry takes the ones it shows from it (``ManifestEntry.record``)."""

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


class BriefMeta(Provenance):
    """How a brief was made."""

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


ChangeKind = Literal["reversed", "softened", "hardened", "new demand", "new position"]
IssueStatus = Literal["open", "resolved"]


class DigestArticle(_Model):
    """One article of a digest, in story order."""

    id: str
    title: str | None = None
    date: str | None = Field(default=None, pattern=_DATE_PATTERN)
    order: int = Field(ge=0, description="Place in the story (0 = first).")
    undated: bool = Field(
        default=False, description="No date: placed by input order among the dated ones."
    )


class DigestActor(_Model):
    """One actor across the articles: every name it went by, and where it appears."""

    name: str = Field(min_length=1)
    kind: ActorKind
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list, description="Article ids, story order.")


class TimelineEntry(_Model):
    """A position an actor took in one article, with what changed since its earlier ones."""

    actor: str = Field(description="A digest actors[].name.")
    article: str = Field(description="The article id.")
    date: str | None = Field(default=None, pattern=_DATE_PATTERN)
    undated: bool = False
    stance: str = Field(min_length=1)
    change: ChangeKind | None = Field(
        default=None, description="How it differs from the actor's earlier positions."
    )
    change_from: str | None = Field(
        default=None, description="The earlier stance it changed from, when it changed one."
    )
    evidence: list[Evidence] = Field(
        default_factory=list, description="Spans of that article's text."
    )


class DigestIssue(_Model):
    """An open issue raised in one article, and whether a later article answered it."""

    issue: str = Field(min_length=1)
    actors: list[str] = Field(default_factory=list)
    raised_in: str = Field(description="Id of the article that first raised it.")
    status: IssueStatus = "open"
    resolved_in: str | None = None
    resolution: str | None = Field(default=None, description="What answered it.")
    evidence: list[Evidence] = Field(
        default_factory=list, description="Spans of the resolving article's text."
    )


class DigestMeta(_Model):
    briefs: int = 0
    change_method: str = "rules"
    duration_ms: float = 0.0
    schema_version: str = SCHEMA_VERSION
    warnings: list[str] = Field(default_factory=list)


class Digest(_Model):
    """One story across many articles: actors merged, positions in time, issues tracked."""

    title: str | None = None
    summary: str
    articles: list[DigestArticle] = Field(default_factory=list)
    actors: list[DigestActor] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    issues: list[DigestIssue] = Field(default_factory=list)
    meta: DigestMeta | None = None


def digest_json_schema() -> dict[str, object]:
    """The JSON Schema of a digest, as ``briefs schema --digest`` prints it."""
    return Digest.model_json_schema()


def brief_json_schema() -> dict[str, object]:
    """The JSON Schema of a brief, as ``briefs schema`` prints it."""
    return Brief.model_json_schema()
