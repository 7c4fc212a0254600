"""What ``briefs eval`` shows and writes: the table (articles x fields, then by source)
and the JSON, Markdown and HTML reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefs.cli_judge import judge_line
from briefs.storage import atomic_write

if TYPE_CHECKING:
    from briefs.evaluate.report import EvalReport

__all__ = ["print_table", "write_reports"]


def print_table(report: EvalReport) -> None:
    from rich.console import Console
    from rich.table import Table

    from briefs.evaluate import to_rows
    from briefs.evaluate.tables import fmt_aggregate, to_source_rows

    console = Console(soft_wrap=True, width=max(200, Console().width))
    split = f" ({report.split} split)" if report.split else ""
    title = f"briefs eval{split}: overall {fmt_aggregate(report.aggregates['overall'])}"
    for (header, rows), caption, bold in (
        (to_rows(report), title, "mean"),
        (to_source_rows(report), "by source (means, bootstrap 95% intervals)", "all sources"),
    ):
        table = Table(title=caption, title_justify="left")
        for i, name in enumerate(header):
            table.add_column(name, justify="left" if i == 0 else "right", no_wrap=i == 0)
        for row in rows:
            table.add_row(*row, style="bold" if row[0] == bold else None)
        console.print(table)


def write_reports(
    report: EvalReport,
    judged: Any,
    failures: list[str] | None,
    report_path: Path | None,
    md_path: Path | None,
    html_path: Path | None,
) -> None:
    """The reports asked for; ``failures`` is None when no gate was set."""
    from briefs.evaluate import to_html, to_markdown

    if report_path is not None:
        text = report.to_json()
        if judged is not None:
            data = {
                **report.to_dict(),
                "judge": judged if isinstance(judged, dict) else judged.to_dict(),
            }
            text = json.dumps(data, indent=2) + "\n"
        atomic_write(report_path, text)
    if md_path is not None:
        markdown = to_markdown(report, failures)
        if judged is not None:
            markdown += f"\n{judge_line(judged)}\n"
        atomic_write(md_path, markdown)
    if html_path is not None:
        atomic_write(html_path, to_html(report, failures))
