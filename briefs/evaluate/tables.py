"""Reports as text tables and Markdown (fits a CI job summary).

Every aggregate shows its mean and bootstrap 95% interval, ``0.812 [0.74, 0.88]``;
lower-is-better fields are marked with a down arrow.
"""

from __future__ import annotations

from briefs.evaluate.report import EvalReport
from briefs.evaluate.scores import higher_is_better
from briefs.evaluate.stats import Aggregate

__all__ = ["TABLE_FIELDS", "fmt_aggregate", "label", "to_markdown", "to_rows", "to_source_rows"]

TABLE_FIELDS = (
    ("actors.f1", "actors F1"),
    ("actors.primary_recall", "primary R"),
    ("positions.strict_f1", "pos strict F1"),
    ("positions.lenient_f1", "pos lenient F1"),
    ("issues.recall", "issues R"),
    ("issues.f1", "issues F1"),
    ("issues.restated", "restated"),
    ("summary.rouge1", "ROUGE-1"),
    ("summary.rougeL", "ROUGE-L"),
    ("summary.unsupported", "unsupported"),
    ("summary.score", "summary"),
    ("grounding.exact", "grounded"),
    ("overall", "overall"),
)


def label(name: str, text: str) -> str:
    return text if higher_is_better(name) else f"{text} ↓"


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def fmt_aggregate(agg: Aggregate | None) -> str:
    return "–" if agg is None else f"{agg.mean:.3f} [{agg.low:.2f}, {agg.high:.2f}]"


def to_rows(report: EvalReport) -> tuple[list[str], list[list[str]]]:
    """Header and rows (one per article, then the mean with its 95% interval)."""
    header = ["article", *[label(k, text) for k, text in TABLE_FIELDS]]
    rows = [[a.id, *[_fmt(a.fields.get(k)) for k, _ in TABLE_FIELDS]] for a in report.articles]
    aggs = report.aggregates
    rows.append(["mean", *[fmt_aggregate(aggs.get(k)) for k, _ in TABLE_FIELDS]])
    return header, rows


def to_source_rows(report: EvalReport) -> tuple[list[str], list[list[str]]]:
    """One row per source (and "all sources" when there are several), with intervals."""
    header = ["source", "n", *[label(k, text) for k, text in TABLE_FIELDS]]
    groups = list(report.by_source.items())
    if len(groups) > 1:
        groups.append(("all sources", report.aggregates))
    rows = []
    for source, aggs in groups:
        n = max((a.n for a in aggs.values() if a is not None), default=0)
        rows.append([source, str(n), *[fmt_aggregate(aggs.get(k)) for k, _ in TABLE_FIELDS]])
    return header, rows


def _table(header: list[str], rows: list[list[str]], bold: str) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        cells = [f"**{c}**" if row[0] == bold else c for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def to_markdown(report: EvalReport, failures: list[str] | None = None) -> str:
    header, rows = to_rows(report)
    split = f" ({report.split} split)" if report.split else ""
    lines = [f"## briefs eval{split}: overall {fmt_aggregate(report.aggregates['overall'])}", ""]
    if failures is not None:
        if failures:
            lines += ["**Gate failed:**", *[f"- {f}" for f in failures], ""]
        else:
            lines += ["**Gate passed.**", ""]
    lines += ["Means with bootstrap 95% intervals over articles; ↓ lower is better.", ""]
    lines += _table(header, rows, "mean")
    s_header, s_rows = to_source_rows(report)
    lines += ["", "### By source", "", *_table(s_header, s_rows, "all sources")]
    lines += [
        "",
        "<details><summary>All fields (means, 95% intervals)</summary>",
        "",
        "| field | mean [95% interval] |",
        "|---|---|",
    ]
    lines += [f"| {label(k, k)} | {fmt_aggregate(v)} |" for k, v in report.aggregates.items()]
    lines += ["", "</details>", ""]
    if report.missing:
        lines.append(f"Missing briefs (scored as empty): {', '.join(report.missing)}")
    return "\n".join(lines) + "\n"
