"""``briefs eval``: score briefs against references, write reports, gate CI."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from briefs.cli_judge import judge_line, run_judge
from briefs.cli_options import backend_from_options, backend_options
from briefs.errors import BackendError, UsageError
from briefs.storage import atomic_write

if TYPE_CHECKING:
    from briefs.evaluate.report import EvalReport

DEFAULT_REFERENCES = "evals/references"
DEFAULT_SPLITS = "evals/external-splits.json"


def _print_table(report: EvalReport) -> None:
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
    "--split",
    type=click.Choice(["dev", "test"]),
    default=None,
    help="Score only the references in this half of the splits file (tune on dev).",
)
@click.option(
    "--splits",
    "splits_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"Splits file: ids per source and the dev/test halves (default {DEFAULT_SPLITS}"
    " when it exists; it also names each article's source in the report).",
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
    help="Fail (exit 1) when a field's mean is under VALUE (FIELD=VALUE) or, for a "
    "lower-is-better field, over it (FIELD<=VALUE). Repeatable; several may follow one flag.",
)
@click.option(
    "--gate",
    "gate_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help='JSON file of thresholds: "FIELD": floor, "FIELD<=": ceiling (evals/thresholds.json).',
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="An earlier --report JSON: fail when a field's old mean is outside the new 95% "
    "interval on the worse side and it moved more than --max-drop.",
)
@click.option(
    "--max-drop",
    default=0.02,
    show_default=True,
    type=click.FloatRange(0),
    help="Largest change for the worse per field allowed against --baseline, even when "
    "significant.",
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
@click.option(
    "--judge",
    "judge_spec",
    default=None,
    metavar="BACKEND",
    help="Also ask an LLM backend (NAME:MODEL) which summary is better, the brief's or "
    "the reference's. Off by default; reported, never gating.",
)
@click.option(
    "--judge-repeats",
    default=2,
    show_default=True,
    type=click.IntRange(1, 20),
    help="Judgements per article, the shown order alternating.",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print the table.")
@backend_options
def eval_command(
    seeds: tuple[Path, ...],
    backend: str | None,
    briefs_dir: Path | None,
    refs_dir: Path,
    split: str | None,
    splits_path: Path | None,
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
    judge_spec: str | None,
    judge_repeats: int,
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
        load_splits,
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
            floors = load_thresholds(gate_file).merged(floors)
        get_similarity(similarity)
        if briefs_dir is not None and seeds:
            raise UsageError("give either --briefs DIR or SEEDS to generate from, not both")
        if briefs_dir is None and not seeds:
            raise UsageError("nothing to score: give SEEDS (with --backend) or --briefs DIR")
        references = load_briefs(refs_dir)
        sources: dict[str, str] = {}
        if splits_path is None and Path(DEFAULT_SPLITS).is_file():
            splits_path = Path(DEFAULT_SPLITS)
        if splits_path is not None:
            splits = load_splits(splits_path)
            sources = splits.sources
            if split is not None:
                references = splits.select(references, split)
        elif split is not None:
            raise UsageError(f"--split needs a splits file ({DEFAULT_SPLITS} or --splits FILE)")
        errors: list[str] = []
        if briefs_dir is not None:
            kwargs = {} if threshold is None else {"threshold": threshold}
            report = evaluate(
                load_briefs(briefs_dir),
                references,
                texts=article_texts(articles) if articles else None,
                similarity=get_similarity(similarity),
                similarity_name=similarity,
                sources=sources,
                split=split,
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
                sources=sources,
                split=split,
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

    judged = None
    if judge_spec:
        judge_inputs = articles if briefs_dir is not None else seeds
        judged = run_judge(judge_spec, judge_repeats, report, judge_inputs, backend_opts)

    if not quiet:
        _print_table(report)
        if judged is not None:
            click.echo(judge_line(judged))
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
        markdown = to_markdown(report, failures if gated else None)
        if judged is not None:
            markdown += f"\n{judge_line(judged)}\n"
        atomic_write(md_path, markdown)
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
        click.echo(f"gate passed (overall {report.aggregates['overall']})", err=True)
    sys.exit(1 if errors else 0)
