"""What a model is asked to return: a pydantic model, the source of the prompt's schema.

The model gives evidence as plain quotes; offsets are found later by grounding.
The field descriptions below are the output instructions the model sees (through
the JSON Schema), so there is no second, hand-written list to drift from it.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from briefs.backends.llm.repair import repair_caps
from briefs.draft import Draft
from briefs.errors import ReplyError
from briefs.schema import Actor, ActorKind, Evidence, OpenIssue, Position
from briefs.text.replies import json_object_text

__all__ = [
    "BriefOut",
    "grammar_schema",
    "output_schema",
    "parse_repaired",
    "parse_reply",
    "repair",
    "schema_response_format",
    "to_draft",
    "validate_repaired",
]

_QUOTES: Any = Field(
    default_factory=list,
    max_length=4,
    description="Short passages copied verbatim from the article that support this item.",
)
# Bounds keep replies (and bills) short, and let grammar-constrained servers stop.
# They are generous for real articles (the longest in evals/: a role of 87
# characters, 6 aliases, 10 actors); a reply over one is repaired, not re-asked
# (llm_repair.py).
_NAME = 160
_ROLE = 240
_SENTENCE = 600


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ActorOut(_Out):
    name: str = Field(
        min_length=1,
        max_length=_NAME,
        description="Canonical name: full name for people, common name for states and bodies.",
    )
    kind: ActorKind
    role: str | None = Field(
        default=None, max_length=_ROLE, description="Title or function in the story."
    )
    aliases: list[str] = Field(
        default_factory=list,
        max_length=12,
        description="Other ways the article names this actor.",
    )
    evidence: list[str] = _QUOTES


class PositionOut(_Out):
    actor: str = Field(max_length=_NAME, description="An actors[].name.")
    stance: str = Field(
        min_length=1,
        max_length=_SENTENCE,
        description="What the actor claims, demands, denies or does, in one sentence.",
    )
    evidence: list[str] = _QUOTES


class OpenIssueOut(_Out):
    issue: str = Field(
        min_length=1,
        max_length=_SENTENCE,
        description="A question the article leaves unresolved, in one sentence.",
    )
    actors: list[str] = Field(
        default_factory=list, max_length=12, description="actors[].name values involved."
    )
    evidence: list[str] = _QUOTES


class BriefOut(_Out):
    """A structured brief of one news article."""

    summary: str = Field(
        min_length=1,
        max_length=2000,
        description="2 to 4 sentences: what happened, who is on which side, what is unresolved.",
    )
    actors: list[ActorOut] = Field(
        min_length=1, max_length=20, description="The key actors, most important first."
    )
    positions: list[PositionOut] = Field(
        max_length=30, description="What each actor claims, demands, denies or does."
    )
    open_issues: list[OpenIssueOut] = Field(
        max_length=12,
        description="Disputes, pending decisions and risks the article leaves unresolved.",
    )

    @model_validator(mode="after")
    def _actors_named(self) -> BriefOut:
        names = {a.name for a in self.actors}
        unknown = sorted(
            {p.actor for p in self.positions if p.actor not in names}
            | {n for i in self.open_issues for n in i.actors if n not in names}
        )
        if unknown:
            raise ValueError(f"names not in actors[].name: {', '.join(unknown)}")
        return self


def _compact(node: Any) -> Any:
    """The schema without its "title" annotations (they cost tokens and say nothing)."""
    if isinstance(node, dict):
        return {
            k: _compact(v) for k, v in node.items() if not (k == "title" and isinstance(v, str))
        }
    if isinstance(node, list):
        return [_compact(v) for v in node]
    return node


def output_schema() -> dict[str, Any]:
    compact: dict[str, Any] = _compact(BriefOut.model_json_schema())
    return compact


_NOT_FOR_GRAMMARS = frozenset({"maxLength", "minLength", "description", "default"})


def _strip(node: Any) -> Any:
    if isinstance(node, dict):
        out = {
            k: _strip(v)
            for k, v in node.items()
            if not (k in _NOT_FOR_GRAMMARS and not isinstance(v, dict))
        }
        if isinstance(out.get("properties"), dict) and out.get("type") == "object":
            # every key present (a grammar then always asks for evidence), no others
            out["required"] = list(out["properties"])
            out["additionalProperties"] = False
        return out
    if isinstance(node, list):
        return [_strip(v) for v in node]
    return node


def grammar_schema() -> dict[str, Any]:
    """The reply schema as sent to servers that constrain output to it (llama.cpp's
    grammar, vLLM, Ollama): structure, types, enums and ``maxItems`` kept. String
    lengths are dropped: llama.cpp spells ``maxLength`` out one character at a time
    (35 kB of grammar for this schema, where 4.5 kB do without it; it crashed older
    servers), and an over-long string is repaired, not re-asked. Descriptions are
    dropped too (the prompt carries them). Every property is required and no other
    allowed, so the output always has its evidence lists and OpenAI-style strict
    mode accepts the schema."""
    stripped: dict[str, Any] = _strip(output_schema())
    return stripped


def schema_response_format(style: str) -> dict[str, Any]:
    """The ``response_format`` that carries the reply schema: ``"openai"`` (type
    json_schema: llama.cpp server, vLLM, Ollama, OpenAI) or ``"llamacpp"``
    (llama-cpp-python's json_object with a schema, turned into a grammar)."""
    if style == "llamacpp":
        return {"type": "json_object", "schema": grammar_schema()}
    return {
        "type": "json_schema",
        "json_schema": {"name": "brief", "schema": grammar_schema(), "strict": True},
    }


_MAX_ERROR_CHARS = 600


def _short(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "(root)"
        parts.append(f"{where}: {err['msg']}")
    more = len(exc.errors()) - 5
    text = "; ".join(parts) + (f"; and {more} more" if more > 0 else "")
    return text[:_MAX_ERROR_CHARS]


def repair(data: Any) -> tuple[Any, list[str]]:
    """Drop positions naming no listed actor and unknown names in issues (last resort)."""
    notes: list[str] = []
    if not isinstance(data, dict):
        return data, notes
    names = {a.get("name") for a in data.get("actors") or [] if isinstance(a, dict)}
    positions = [p for p in data.get("positions") or [] if isinstance(p, dict)]
    kept = [p for p in positions if p.get("actor") in names]
    if len(kept) < len(positions):
        notes.append(
            f"repaired: dropped {len(positions) - len(kept)} position(s) naming no listed actor"
        )
    data = {**data, "positions": kept}
    issues = []
    for issue in data.get("open_issues") or []:
        if isinstance(issue, dict):
            issue = {**issue, "actors": [n for n in issue.get("actors") or [] if n in names]}
        issues.append(issue)
    data["open_issues"] = issues
    return data, notes


def _load_json(content: Any) -> Any:
    _, found = json_object_text(content)
    if found is None:
        raise ReplyError("the reply holds no JSON object")
    try:
        return json.loads(found)
    except json.JSONDecodeError as exc:
        raise ReplyError(f"invalid JSON: {exc.msg} at char {exc.pos}") from None


def parse_reply(content: Any) -> tuple[BriefOut, list[str]]:
    """A BriefOut from a model's reply text (JSON, possibly fenced or wrapped in prose),
    over-long strings and lists repaired, with one note per repair."""
    return validate_repaired(_load_json(content))


def validate_repaired(data: Any) -> tuple[BriefOut, list[str]]:
    """``validate``, after cutting what breaks a cap (``llm_repair``): what cannot be
    repaired raises ReplyError naming only the errors left."""
    try:
        return validate(data), []
    except ReplyError:
        fixed, notes = repair_caps(BriefOut, data)
        return validate(fixed), notes


def parse_repaired(content: Any) -> tuple[BriefOut, list[str]]:
    """Last resort: the reply with items naming unlisted actors removed, and notes."""
    data, notes = repair(_load_json(content))
    out, more = validate_repaired(data)
    return out, notes + more


def validate(data: Any) -> BriefOut:
    if isinstance(data, BriefOut):
        return data
    try:
        return BriefOut.model_validate(data)
    except ValidationError as exc:
        raise ReplyError(f"schema errors: {_short(exc)}") from None


def _evidence(quotes: list[str]) -> list[Evidence]:
    # offsets are unknown here; grounding finds them (start=end=0 never slices a quote)
    return [Evidence(quote=q, start=0, end=0) for q in quotes if q.strip()]


def to_draft(out: BriefOut) -> Draft:
    return Draft(
        summary=out.summary,
        actors=[
            Actor(
                name=a.name,
                kind=a.kind,
                role=a.role,
                aliases=a.aliases,
                evidence=_evidence(a.evidence),
            )
            for a in out.actors
        ],
        positions=[
            Position(actor=p.actor, stance=p.stance, evidence=_evidence(p.evidence))
            for p in out.positions
        ],
        open_issues=[
            OpenIssue(issue=i.issue, actors=i.actors, evidence=_evidence(i.evidence))
            for i in out.open_issues
        ],
    )
