"""Scoring briefs against hand-written references, field by field.

It reads only the schema: it scores any brief in the brief format, whoever wrote it.

    from briefs.evaluate import evaluate, load_briefs
    report = evaluate(load_briefs("out"), load_briefs("evals/references"))
    report.overall, report.means["positions.strict_f1"]
"""

from __future__ import annotations

from briefs.evaluate.gate import (
    check_baseline,
    check_fail_under,
    load_thresholds,
    parse_fail_under,
)
from briefs.evaluate.html import to_html
from briefs.evaluate.metrics import (
    FIELDS,
    MATCH_THRESHOLD,
    WEIGHTS,
    ArticleScore,
    Matches,
    score_brief,
)
from briefs.evaluate.names import match_score, normalize_name
from briefs.evaluate.report import EvalReport, evaluate, load_briefs
from briefs.evaluate.run import article_texts, generate_and_evaluate
from briefs.evaluate.similarity import get_similarity, lexical, register
from briefs.evaluate.tables import to_markdown, to_rows

__all__ = [
    "FIELDS",
    "MATCH_THRESHOLD",
    "WEIGHTS",
    "ArticleScore",
    "EvalReport",
    "Matches",
    "article_texts",
    "check_baseline",
    "check_fail_under",
    "evaluate",
    "generate_and_evaluate",
    "get_similarity",
    "lexical",
    "load_briefs",
    "load_thresholds",
    "match_score",
    "normalize_name",
    "parse_fail_under",
    "register",
    "score_brief",
    "to_html",
    "to_markdown",
    "to_rows",
]
