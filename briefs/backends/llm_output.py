"""What a model is asked to return: a pydantic model, the source of the prompt's schema.

The model gives evidence as plain quotes; offsets are found later by grounding.
The field descriptions below are the output instructions the model sees (through
the JSON Schema), so there is no second, hand-written list to drift from it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from briefs.backends.base import Draft
from briefs.schema import Actor, ActorKind, Evidence, OpenIssue, Position

__all__ = ["BriefOut", "OutputError", "output_schema", "parse_reply", "to_draft"]

_QUOTES: Any = Field(
    default_factory=list,
    description="Short passages copied verbatim from the article that support this item.",
)


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ActorOut(_Out):
    name: str = Field(min_length=1, description="Canonical name: full name for people, "
                      "common name for states and bodies.")
    kind: ActorKind
    role: str | None = Field(default=None, description="Title or function in the story.")
    aliases: list[str] = Field(default_factory=list,
                               description="Other ways the article names this actor.")
    evidence: list[str] = _QUOTES


class PositionOut(_Out):
    actor: str = Field(description="An actors[].name.")
    stance: str = Field(min_length=1, description="What the actor claims, demands, denies or "
                        "does, in one sentence.")
    evidence: list[str] = _QUOTES


class OpenIssueOut(_Out):
    issue: str = Field(min_length=1, description="A question the article leaves unresolved, "
                       "in one sentence.")
    actors: list[str] = Field(default_factory=list, description="actors[].name values involved.")
    evidence: list[str] = _QUOTES


class BriefOut(_Out):
    """A structured brief of one news article."""

    summary: str = Field(min_length=1, description="2 to 4 sentences: what happened, who is "
                         "on which side, what is unresolved.")
    actors: list[ActorOut] = Field(description="The key actors, most important first.")
    positions: list[PositionOut] = Field(description="What each actor claims, demands, "
                                         "denies or does.")
    open_issues: list[OpenIssueOut] = Field(description="Disputes, pending decisions and "
                                            "risks the article leaves unresolved.")

    @model_validator(mode="after")
    def _actors_named(self) -> BriefOut:
        names = {a.name for a in self.actors}
        unknown = sorted({p.actor for p in self.positions if p.actor not in names}
                         | {n for i in self.open_issues for n in i.actors if n not in names})
        if unknown:
            raise ValueError(f"names not in actors[].name: {', '.join(unknown)}")
        return self


def _compact(node: Any) -> Any:
    """The schema without its "title" annotations (they cost tokens and say nothing)."""
    if isinstance(node, dict):
        return {k: _compact(v) for k, v in node.items()
                if not (k == "title" and isinstance(v, str))}
    if isinstance(node, list):
        return [_compact(v) for v in node]
    return node


def output_schema() -> dict[str, Any]:
    compact: dict[str, Any] = _compact(BriefOut.model_json_schema())
    return compact


class OutputError(ValueError):
    """A reply that is not a valid brief; ``str()`` is short enough to send back."""


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.S)
_MAX_ERROR_CHARS = 600


def _short(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "(root)"
        parts.append(f"{where}: {err['msg']}")
    more = len(exc.errors()) - 5
    text = "; ".join(parts) + (f"; and {more} more" if more > 0 else "")
    return text[:_MAX_ERROR_CHARS]


def parse_reply(content: Any) -> BriefOut:
    """A BriefOut from a model's reply text (JSON, possibly fenced or wrapped in prose)."""
    if isinstance(content, list):  # content blocks
        content = "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    text = _FENCE.sub("", str(content).strip())
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise OutputError("the reply holds no JSON object")
    try:
        data = json.loads(text[start : end + 1])
    except json.JSONDecodeError as exc:
        raise OutputError(f"invalid JSON: {exc.msg} at char {exc.pos}") from None
    return validate(data)


def validate(data: Any) -> BriefOut:
    if isinstance(data, BriefOut):
        return data
    try:
        return BriefOut.model_validate(data)
    except ValidationError as exc:
        raise OutputError(f"schema errors: {_short(exc)}") from None


def _evidence(quotes: list[str]) -> list[Evidence]:
    # offsets are unknown here; grounding finds them (start=end=0 never slices a quote)
    return [Evidence(quote=q, start=0, end=0) for q in quotes if q.strip()]


def to_draft(out: BriefOut) -> Draft:
    return Draft(
        summary=out.summary,
        actors=[Actor(name=a.name, kind=a.kind, role=a.role, aliases=a.aliases,
                      evidence=_evidence(a.evidence)) for a in out.actors],
        positions=[Position(actor=p.actor, stance=p.stance, evidence=_evidence(p.evidence))
                   for p in out.positions],
        open_issues=[OpenIssue(issue=i.issue, actors=i.actors, evidence=_evidence(i.evidence))
                     for i in out.open_issues],
    )
