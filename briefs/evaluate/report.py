"""Scoring a set of briefs against a set of references, and the report it makes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from briefs.errors import InputError, UsageError
from briefs.evaluate.metrics import MATCH_THRESHOLD, WEIGHTS, score_brief
from briefs.evaluate.scores import FIELDS, ArticleScore, higher_is_better
from briefs.evaluate.stats import RESAMPLES, SEED, Aggregate, bootstrap
from briefs.ingest.files import read_file
from briefs.schema import Brief
from briefs.text.similarity import Similarity, lexical

__all__ = ["BaselineField", "EvalReport", "aggregate", "evaluate", "load_briefs", "load_report"]

REPORT_VERSION = 2  # 2: intervals, by_source, per-article source; "fields" still the means


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


def aggregate(articles: list[ArticleScore]) -> dict[str, Aggregate | None]:
    """Every field's mean over ``articles`` with its bootstrap 95% interval."""
    out: dict[str, Aggregate | None] = {}
    for name in FIELDS:
        values = [v for a in articles if (v := a.fields.get(name)) is not None]
        out[name] = bootstrap(values)
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
    split: str | None = None

    @cached_property
    def aggregates(self) -> dict[str, Aggregate | None]:
        """Per field: mean over articles and its 95% interval (None: never measured)."""
        return aggregate(self.articles)

    @cached_property
    def by_source(self) -> dict[str, dict[str, Aggregate | None]]:
        """The same per source (bbc, cnndm, xsum, ... or "all"), sources in sorted order."""
        sources = sorted({a.source for a in self.articles})
        return {s: aggregate([a for a in self.articles if a.source == s]) for s in sources}

    @property
    def means(self) -> dict[str, float | None]:
        return {k: (v.mean if v is not None else None) for k, v in self.aggregates.items()}

    @property
    def overall(self) -> float:
        value = self.means.get("overall")
        return float(value) if value is not None else 0.0

    def to_dict(self) -> dict[str, Any]:
        def intervals(aggs: dict[str, Aggregate | None]) -> dict[str, Any]:
            return {k: (v.to_dict() if v is not None else None) for k, v in aggs.items()}

        return {
            "version": REPORT_VERSION,
            "overall": self.overall,
            "fields": self.means,
            "intervals": intervals(self.aggregates),
            "lower_is_better": [k for k in FIELDS if not higher_is_better(k)],
            "by_source": {s: intervals(a) for s, a in self.by_source.items()},
            "articles": [
                {"id": a.id, "source": a.source, "fields": dict(a.fields)} for a in self.articles
            ],
            "count": len(self.articles),
            "split": self.split,
            "missing": self.missing,
            "unreferenced": self.unreferenced,
            "config": {
                "similarity": self.similarity,
                "match_threshold": self.threshold,
                "weights": WEIGHTS,
                "bootstrap": {"resamples": RESAMPLES, "seed": SEED, "level": 0.95},
            },
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=False) + "\n"


@dataclass(frozen=True)
class BaselineField:
    """One field of an earlier report: its mean, and its interval when it had one."""

    mean: float
    interval: Aggregate | None = None


def load_report(path: str | Path) -> dict[str, BaselineField]:
    """The per-field means (and intervals, from version 2 on) of a ``--report`` JSON.

    Reports of version 1 (means only) load too."""
    try:
        data = json.loads(read_file(Path(path)))
        fields: dict[str, Any] = dict(data["fields"])
        intervals: dict[str, Any] = dict(data.get("intervals") or {})
    except (OSError, ValueError, KeyError, TypeError, AttributeError, InputError) as exc:
        raise UsageError(f"{path}: not an eval report ({exc})") from None
    out: dict[str, BaselineField] = {}
    for name, value in fields.items():
        if not isinstance(value, int | float):
            continue
        iv = intervals.get(name)
        agg = None
        if isinstance(iv, dict) and {"mean", "low", "high", "n"} <= iv.keys():
            agg = Aggregate(float(iv["mean"]), float(iv["low"]), float(iv["high"]), int(iv["n"]))
        out[name] = BaselineField(float(value), agg)
    return out


def evaluate(
    briefs: dict[str, Brief],
    references: dict[str, Brief],
    *,
    texts: dict[str, str] | None = None,
    similarity: Similarity = lexical,
    similarity_name: str = "lexical",
    threshold: float = MATCH_THRESHOLD,
    sources: dict[str, str] | None = None,
    split: str | None = None,
) -> EvalReport:
    """Score every reference's brief; a reference with no brief scores as an empty brief.

    ``sources`` maps ids to their source (bbc, cnndm, ...); others are "all"."""
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
        score = score_brief(
            brief, ref, text=texts.get(rid), similarity=similarity, threshold=threshold
        )
        rows.append(replace(score, source=(sources or {}).get(rid, "all")))
    return EvalReport(
        articles=rows,
        missing=missing,
        unreferenced=sorted(set(briefs) - set(references)),
        similarity=similarity_name,
        threshold=threshold,
        briefs=briefs,
        references=references,
        split=split,
    )
