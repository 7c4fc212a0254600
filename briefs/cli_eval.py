"""``briefs eval``: score briefs against references, write reports, gate CI."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from briefs.cli_config import project_defaults
from briefs.cli_eval_table import print_table, write_reports
from briefs.cli_judge import judge_line, run_judge
from briefs.cli_options import backend_from_options, backend_options
from briefs.errors import BackendError, UsageError

DEFAULT_REFERENCES = "evals/references"
DEFAULT_SPLITS = "evals/external-splits.json"


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
    type=click.Choice(["dev", "dev2", "test", "test2"]),  # briefs.evaluate.splits.SPLITS
    default=None,
    help="Score only the references in this part of the splits file (tune on dev, dev2).",
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
    help="With SEEDS: also write the generated briefs here (with manifest.json).",
)
@click.option(
    "-j",
    "--concurrency",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="With SEEDS: articles briefed at once.",
)
@click.option(
    "--cache",
    "cache_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With SEEDS: reuse briefs from this SQLite cache and from --out, and fill it "
    "(default: brief every article afresh).",
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
    "lower-is-better field, over it (FIELD<=VALUE). Repeatable, or comma-separated.",
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
@project_defaults(ignore=("out", "cache"))  # eval's --out is not generate's; cache: opt-in
def eval_command(
    seeds: tuple[Path, ...],
    backend: str | None,
    briefs_dir: Path | None,
    refs_dir: Path,
    split: str | None,
    splits_path: Path | None,
    articles: tuple[Path, ...],
    out_dir: Path | None,
    concurrency: int,
    cache_path: Path | None,
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
    from briefs.eval_run import article_texts, generate_and_evaluate
    from briefs.evaluate import (
        check_baseline,
        check_fail_under,
        evaluate,
        get_similarity,
        load_briefs,
        load_splits,
        load_thresholds,
        parse_fail_under,
    )
    from briefs.evaluate.gate import looks_like_gate

    for seed in seeds:
        if looks_like_gate(str(seed)) and not seed.exists():
            raise click.UsageError(f"{seed}: a gate goes after --fail-under (--fail-under {seed})")
    try:
        floors = parse_fail_under(list(fail_under))
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
                concurrency=concurrency,
                cache=cache_path,
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
        print_table(report)
        if judged is not None:
            click.echo(judge_line(judged))
    write_reports(report, judged, failures if gated else None, report_path, md_path, html_path)
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
