"""Reports as text tables and Markdown (fits a CI job summary)."""

from __future__ import annotations

from briefs.evaluate.report import EvalReport

__all__ = ["TABLE_FIELDS", "to_markdown", "to_rows"]

TABLE_FIELDS = (
    ("actors.f1", "actors F1"),
    ("actors.primary_recall", "primary R"),
    ("positions.strict_f1", "pos strict F1"),
    ("positions.lenient_f1", "pos lenient F1"),
    ("issues.recall", "issues R"),
    ("issues.f1", "issues F1"),
    ("summary.rouge1", "ROUGE-1"),
    ("summary.rougeL", "ROUGE-L"),
    ("summary.score", "summary"),
    ("grounding.exact", "grounded"),
    ("overall", "overall"),
)


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def to_rows(report: EvalReport) -> tuple[list[str], list[list[str]]]:
    """Header and rows (one per article, then the mean) for a table."""
    header = ["article", *[label for _, label in TABLE_FIELDS]]
    rows = [[a.id, *[_fmt(a.fields.get(k)) for k, _ in TABLE_FIELDS]] for a in report.articles]
    means = report.means
    rows.append(["mean", *[_fmt(means.get(k)) for k, _ in TABLE_FIELDS]])
    return header, rows


def to_markdown(report: EvalReport, failures: list[str] | None = None) -> str:
    header, rows = to_rows(report)
    lines = [f"## briefs eval: overall {report.overall:.3f}", ""]
    if failures is not None:
        if failures:
            lines += ["**Gate failed:**", *[f"- {f}" for f in failures], ""]
        else:
            lines += ["**Gate passed.**", ""]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        cells = [f"**{c}**" if row[0] == "mean" else c for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "<details><summary>All fields (means)</summary>",
        "",
        "| field | mean |",
        "|---|---|",
    ]
    lines += [f"| {k} | {_fmt(v)} |" for k, v in report.means.items()]
    lines += ["", "</details>", ""]
    if report.missing:
        lines.append(f"Missing briefs (scored as empty): {', '.join(report.missing)}")
    return "\n".join(lines) + "\n"
