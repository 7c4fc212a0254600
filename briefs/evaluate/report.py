"""Scoring a set of briefs against a set of references, and the report it makes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefs.errors import InputError, UsageError
from briefs.evaluate.metrics import (
    FIELDS,
    MATCH_THRESHOLD,
    WEIGHTS,
    ArticleScore,
    score_brief,
)
from briefs.evaluate.similarity import Similarity, lexical
from briefs.ingest.files import read_file
from briefs.schema import Brief

__all__ = ["EvalReport", "evaluate", "load_briefs"]

REPORT_VERSION = 1


def load_briefs(folder: str | Path) -> dict[str, Brief]:
    """Every ``*.json`` brief in ``folder`` by id (``manifest.json`` is skipped)."""
    path = Path(folder)
    if not path.is_dir():
        raise UsageError(f"{path}: not a folder")
    out: dict[str, Brief] = {}
    for file in sorted(path.glob("*.json")):
        if file.name == "manifest.json":
            continue
        try:
            brief = Brief.model_validate_json(read_file(file))
        except InputError as exc:
            raise UsageError(str(exc)) from None
        except OSError as exc:
            raise UsageError(f"{file}: cannot read: {exc.strerror or exc}") from None
        except ValueError as exc:
            first = str(exc).splitlines()[0]
            raise UsageError(f"{file}: not a brief ({first})") from None
        out[brief.id] = brief
    return out


@dataclass
class EvalReport:
    articles: list[ArticleScore]
    missing: list[str] = field(default_factory=list)  # references with no brief
    unreferenced: list[str] = field(default_factory=list)  # briefs with no reference
    similarity: str = "lexical"
    threshold: float = MATCH_THRESHOLD
    briefs: dict[str, Brief] = field(default_factory=dict, repr=False)
    references: dict[str, Brief] = field(default_factory=dict, repr=False)

    @property
    def means(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for name in FIELDS:
            values = [a.fields[name] for a in self.articles if a.fields.get(name) is not None]
            out[name] = sum(v for v in values if v is not None) / len(values) if values else None
        return out

    @property
    def overall(self) -> float:
        value = self.means.get("overall")
        return float(value) if value is not None else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": REPORT_VERSION,
            "overall": self.overall,
            "fields": self.means,
            "articles": [{"id": a.id, "fields": a.fields} for a in self.articles],
            "count": len(self.articles),
            "missing": self.missing,
            "unreferenced": self.unreferenced,
            "config": {
                "similarity": self.similarity,
                "match_threshold": self.threshold,
                "weights": WEIGHTS,
            },
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=False) + "\n"


def evaluate(
    briefs: dict[str, Brief],
    references: dict[str, Brief],
    *,
    texts: dict[str, str] | None = None,
    similarity: Similarity = lexical,
    similarity_name: str = "lexical",
    threshold: float = MATCH_THRESHOLD,
) -> EvalReport:
    """Score every reference's brief; a reference with no brief scores as an empty brief."""
    if not references:
        raise UsageError("no references to score against")
    texts = texts or {}
    rows: list[ArticleScore] = []
    missing: list[str] = []
    for rid in sorted(references):
        ref = references[rid]
        brief = briefs.get(rid)
        if brief is None:
            missing.append(rid)
            brief = Brief(id=rid, summary="")
        rows.append(
            score_brief(brief, ref, text=texts.get(rid), similarity=similarity, threshold=threshold)
        )
    return EvalReport(
        articles=rows,
        missing=missing,
        unreferenced=sorted(set(briefs) - set(references)),
        similarity=similarity_name,
        threshold=threshold,
        briefs=briefs,
        references=references,
    )
