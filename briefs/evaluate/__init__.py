"""Scoring briefs against hand-written references, field by field.

It reads only the schema: it scores any brief in the brief format, whoever wrote it.

    from briefs.evaluate import evaluate, load_briefs
    report = evaluate(load_briefs("out"), load_briefs("evals/references"))
    report.overall, report.aggregates["positions.strict_f1"]  # Aggregate(mean, low, high, n)
"""

from __future__ import annotations

from briefs.evaluate.gate import (
    Gate,
    check_baseline,
    check_fail_under,
    load_thresholds,
    parse_fail_under,
)
from briefs.evaluate.html import to_html
from briefs.evaluate.metrics import MATCH_THRESHOLD, WEIGHTS, score_brief
from briefs.evaluate.polarity import polarity
from briefs.evaluate.report import EvalReport, evaluate, load_briefs, load_report
from briefs.evaluate.scores import FIELDS, ArticleScore, FieldScore, Matches, higher_is_better
from briefs.evaluate.splits import Splits, load_splits
from briefs.evaluate.stats import Aggregate, bootstrap
from briefs.evaluate.tables import to_markdown, to_rows
from briefs.text.names import match_score, normalize_name
from briefs.text.similarity import get_similarity, lexical, register

__all__ = [
    "FIELDS",
    "MATCH_THRESHOLD",
    "WEIGHTS",
    "Aggregate",
    "ArticleScore",
    "EvalReport",
    "FieldScore",
    "Gate",
    "Matches",
    "Splits",
    "bootstrap",
    "check_baseline",
    "check_fail_under",
    "evaluate",
    "get_similarity",
    "higher_is_better",
    "lexical",
    "load_briefs",
    "load_report",
    "load_splits",
    "load_thresholds",
    "match_score",
    "normalize_name",
    "parse_fail_under",
    "polarity",
    "register",
    "score_brief",
    "to_html",
    "to_markdown",
    "to_rows",
]
