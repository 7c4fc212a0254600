"""``briefs eval``: score briefs against references, write reports, gate CI."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from briefs.cli_config import project_defaults
from briefs.cli_options import backend_from_options, backend_options
from briefs.errors import BackendError, UsageError
from briefs.storage import atomic_write

if TYPE_CHECKING:
    from briefs.evaluate.report import EvalReport

DEFAULT_REFERENCES = "evals/references"


def _print_table(report: EvalReport) -> None:
    from rich.console import Console
    from rich.table import Table

    from briefs.evaluate import to_rows

    header, rows = to_rows(report)
    table = Table(title=f"briefs eval: overall {report.overall:.3f}", title_justify="left")
    for i, name in enumerate(header):
        table.add_column(name, justify="left" if i == 0 else "right", no_wrap=i == 0)
    for row in rows:
        table.add_row(*row, style="bold" if row[0] == "mean" else None)
    Console(soft_wrap=True, width=max(160, Console().width)).print(table)


@click.command("eval")
@click.argument("seeds", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--backend",
    default=None,
    help="Generate briefs for SEEDS with this backend, then score them (default rules).",
)
@click.option(
    "--briefs",
    "briefs_dir",
    type=click.Path(path_type=Path),
    help="Score the briefs already in this folder instead of generating.",
)
@click.option(
    "--references",
    "refs_dir",
    default=DEFAULT_REFERENCES,
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder of hand-written reference briefs.",
)
@click.option(
    "--articles",
    multiple=True,
    type=click.Path(path_type=Path),
    help="With --briefs: the articles, to score grounding (repeatable).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="With SEEDS: also write the generated briefs here.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the JSON report (overall, per-field means, per-article rows).",
)
@click.option(
    "--markdown",
    "md_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a Markdown report (fits a CI job summary).",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a self-contained HTML page: each brief beside its reference.",
)
@click.option(
    "--fail-under",
    "fail_under",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Fail (exit 1) when a field's mean is under VALUE. Repeatable; "
    "several may follow one flag.",
)
@click.option(
    "--gate",
    "gate_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSON file of FIELD: floor thresholds (e.g. evals/thresholds.json).",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="An earlier --report JSON: fail when a field drops more than --max-drop.",
)
@click.option(
    "--max-drop",
    default=0.02,
    show_default=True,
    type=click.FloatRange(0),
    help="Largest drop per field allowed against --baseline.",
)
@click.option(
    "--similarity", default="lexical", show_default=True, help="Stance/issue similarity function."
)
@click.option(
    "--threshold",
    default=None,
    type=click.FloatRange(0, 1),
    help="Similarity at which a stance or issue matches (default 0.25).",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print the table.")
@backend_options
@project_defaults(ignore=("out",))  # eval's --out is not generate's
def eval_command(
    seeds: tuple[Path, ...],
    backend: str | None,
    briefs_dir: Path | None,
    refs_dir: Path,
    articles: tuple[Path, ...],
    out_dir: Path | None,
    report_path: Path | None,
    md_path: Path | None,
    html_path: Path | None,
    fail_under: tuple[str, ...],
    gate_file: Path | None,
    baseline: Path | None,
    max_drop: float,
    similarity: str,
    threshold: float | None,
    quiet: bool,
    **backend_opts: Any,
) -> None:
    """Score briefs field by field against hand-written references.

    \b
    briefs eval --briefs DIR --references DIR      score existing briefs
    briefs eval SEEDS --backend NAME               generate, then score
    """
    from briefs.evaluate import (
        article_texts,
        check_baseline,
        check_fail_under,
        evaluate,
        generate_and_evaluate,
        get_similarity,
        load_briefs,
        load_thresholds,
        parse_fail_under,
        to_html,
        to_markdown,
    )
    from briefs.evaluate.gate import looks_like_gate

    gates = [s for s in seeds if looks_like_gate(str(s)) and not s.exists()]
    seeds = tuple(s for s in seeds if s not in gates)
    try:
        floors = parse_fail_under([*fail_under, *map(str, gates)])
        if gate_file is not None:
            floors = {**load_thresholds(gate_file), **floors}
        get_similarity(similarity)
        if briefs_dir is not None and seeds:
            raise UsageError("give either --briefs DIR or SEEDS to generate from, not both")
        if briefs_dir is None and not seeds:
            raise UsageError("nothing to score: give SEEDS (with --backend) or --briefs DIR")
        references = load_briefs(refs_dir)
        errors: list[str] = []
        if briefs_dir is not None:
            kwargs = {} if threshold is None else {"threshold": threshold}
            report = evaluate(
                load_briefs(briefs_dir),
                references,
                texts=article_texts(articles) if articles else None,
                similarity=get_similarity(similarity),
                similarity_name=similarity,
                **kwargs,
            )
        else:
            engine = backend_from_options(backend or "rules", **backend_opts)
            report, errors = generate_and_evaluate(
                seeds,
                references,
                engine,
                out_dir=out_dir,
                similarity=similarity,
                threshold=threshold,
            )
    except (UsageError, BackendError, KeyError) as exc:
        raise click.UsageError(str(exc).strip("'\"")) from None

    for line in errors:
        click.echo(f"error: {line}", err=True)
    failures = check_fail_under(report, floors)
    if baseline is not None:
        try:
            failures += check_baseline(report, baseline, max_drop)
        except UsageError as exc:
            raise click.UsageError(str(exc)) from None
    gated = bool(floors) or baseline is not None

    if not quiet:
        _print_table(report)
    if report_path is not None:
        atomic_write(report_path, report.to_json())
    if md_path is not None:
        atomic_write(md_path, to_markdown(report, failures if gated else None))
    if html_path is not None:
        atomic_write(html_path, to_html(report, failures if gated else None))
    if report.missing:
        click.echo(
            f"warning: no brief for {len(report.missing)} reference(s): "
            f"{', '.join(report.missing)}",
            err=True,
        )
    if failures:
        click.echo("gate failed: " + "; ".join(failures), err=True)
        sys.exit(1)
    if gated:
        click.echo(f"gate passed (overall {report.overall:.3f})", err=True)
    sys.exit(1 if errors else 0)
