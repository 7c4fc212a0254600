"""Scores as small typed values: one article's fields, and the fields' directions.

``ArticleScore`` holds typed groups (``actors``, ``positions``, ``issues``,
``summary``) instead of a dict keyed by dotted strings; ``ArticleScore.fields`` is a
read-only view by dotted name, for reports, gates and old callers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = [
    "FIELDS",
    "FIELD_SPECS",
    "PRF",
    "ActorScores",
    "ArticleScore",
    "FieldScore",
    "FieldSpec",
    "IssueScores",
    "Matches",
    "PositionScores",
    "SummaryScores",
    "higher_is_better",
]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    higher_is_better: bool = True


FIELD_SPECS: tuple[FieldSpec, ...] = (
    FieldSpec("actors.precision"),
    FieldSpec("actors.recall"),
    FieldSpec("actors.f1"),
    FieldSpec("actors.primary_recall"),
    FieldSpec("positions.strict_precision"),
    FieldSpec("positions.strict_recall"),
    FieldSpec("positions.strict_f1"),
    FieldSpec("positions.lenient_precision"),
    FieldSpec("positions.lenient_recall"),
    FieldSpec("positions.lenient_f1"),
    FieldSpec("issues.precision"),
    FieldSpec("issues.recall"),
    FieldSpec("issues.f1"),
    FieldSpec("issues.restated", higher_is_better=False),
    FieldSpec("summary.rouge1"),
    FieldSpec("summary.rouge2"),
    FieldSpec("summary.rougeL"),
    FieldSpec("summary.score"),
    FieldSpec("summary.unsupported", higher_is_better=False),
    FieldSpec("grounding.exact"),
    FieldSpec("overall"),
)
FIELDS = tuple(s.name for s in FIELD_SPECS)
_DIRECTION = {s.name: s.higher_is_better for s in FIELD_SPECS}


def higher_is_better(name: str) -> bool:
    """Direction of a field (unknown fields: higher is better)."""
    return _DIRECTION.get(name, True)


@dataclass(frozen=True)
class FieldScore:
    name: str
    value: float | None
    higher_is_better: bool = True


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class ActorScores(PRF):
    primary_recall: float


@dataclass(frozen=True)
class PositionScores:
    strict: PRF
    lenient: PRF


@dataclass(frozen=True)
class IssueScores(PRF):
    restated: float  # share of the brief's issues that restate a position or a fact


@dataclass(frozen=True)
class SummaryScores:
    rouge1: float
    rouge2: float
    rougeL: float
    unsupported: float | None = None  # count of unsupported names, numbers, sentences
    score: float | None = None  # summary_metric.summary_score (needs the article)


@dataclass(frozen=True)
class Matches:
    """Which items matched which, for reports (indices into each brief's lists)."""

    actors: dict[int, int] = field(default_factory=dict)  # brief actor -> reference actor
    positions_strict: dict[int, int] = field(default_factory=dict)
    positions_lenient: dict[int, int] = field(default_factory=dict)
    issues: dict[int, int] = field(default_factory=dict)
    restated: frozenset[int] = frozenset()  # brief issues that restate a position or fact
    contradicted: frozenset[int] = frozenset()  # brief positions negating a reference one
    unsupported: tuple[str, ...] = ()  # summary names, numbers, sentences not in the article


@dataclass(frozen=True)
class ArticleScore:
    id: str
    actors: ActorScores
    positions: PositionScores
    issues: IssueScores
    summary: SummaryScores
    grounding: float | None
    overall: float
    matches: Matches = field(default_factory=Matches)
    source: str = "all"

    @property
    def fields(self) -> Mapping[str, float | None]:
        """Every field by dotted name, in ``FIELDS`` order (read-only)."""
        a, p, i, s = self.actors, self.positions, self.issues, self.summary
        values: dict[str, float | None] = {
            "actors.precision": a.precision,
            "actors.recall": a.recall,
            "actors.f1": a.f1,
            "actors.primary_recall": a.primary_recall,
            "positions.strict_precision": p.strict.precision,
            "positions.strict_recall": p.strict.recall,
            "positions.strict_f1": p.strict.f1,
            "positions.lenient_precision": p.lenient.precision,
            "positions.lenient_recall": p.lenient.recall,
            "positions.lenient_f1": p.lenient.f1,
            "issues.precision": i.precision,
            "issues.recall": i.recall,
            "issues.f1": i.f1,
            "issues.restated": i.restated,
            "summary.rouge1": s.rouge1,
            "summary.rouge2": s.rouge2,
            "summary.rougeL": s.rougeL,
            "summary.score": s.score,
            "summary.unsupported": s.unsupported,
            "grounding.exact": self.grounding,
            "overall": self.overall,
        }
        return MappingProxyType(values)

    def scores(self) -> tuple[FieldScore, ...]:
        return tuple(
            FieldScore(name, value, higher_is_better(name)) for name, value in self.fields.items()
        )
