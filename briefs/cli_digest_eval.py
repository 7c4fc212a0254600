"""``briefs digest-eval``: score digests against hand-written digest references."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from briefs.errors import BriefsError
from briefs.evaluate.digest import DIGEST_FIELDS
from briefs.storage import atomic_write

__all__ = ["digest_eval_command"]


@click.command("digest-eval")
@click.argument(
    "references",
    nargs=-1,
    type=click.Path(exists=True, path_type=Path),
)
@click.option(
    "--backend", default="rules", show_default=True, help="Backend that briefs the articles."
)
@click.option(
    "--out",
    "out_dir",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write each digest (<story>.json) here.",
)
@click.option(
    "--report",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the scores as JSON.",
)
@click.option(
    "--fail-under",
    "floors",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Exit 1 when the mean of FIELD is below VALUE (repeatable).",
)
def digest_eval_command(
    references: tuple[Path, ...],
    backend: str,
    out_dir: Path | None,
    report: Path | None,
    floors: tuple[str, ...],
) -> None:
    """Score digests of the stories in REFERENCES (files or folders; default evals/digests/)."""
    from briefs.story.references import score_reference

    files: list[Path] = []
    for ref in references or (Path("evals/digests"),):
        files.extend(sorted(ref.glob("*.json")) if ref.is_dir() else [ref])
    if not files:
        raise click.UsageError("no digest references found")
    gates: dict[str, float] = {}
    for item in floors:
        name, _, value = item.partition("=")
        if name not in DIGEST_FIELDS or not value:
            raise click.UsageError(
                f"--fail-under {item!r}: want FIELD=VALUE, FIELD one of {', '.join(DIGEST_FIELDS)}"
            )
        gates[name] = float(value)
    rows = []
    try:
        for file in files:
            rows.append(score_reference(file, backend))
    except BriefsError as exc:
        raise click.UsageError(str(exc)) from None
    means = {f: sum(r.fields[f] for r in rows) / len(rows) for f in DIGEST_FIELDS}
    width = max(5, *(len(r.story) for r in rows))
    click.echo(f"{'story':<{width}}  " + "  ".join(f"{f:>16}" for f in DIGEST_FIELDS))
    for r in rows:
        click.echo(
            f"{r.story:<{width}}  " + "  ".join(f"{r.fields[f]:>16.3f}" for f in DIGEST_FIELDS)
        )
    click.echo(f"{'mean':<{width}}  " + "  ".join(f"{means[f]:>16.3f}" for f in DIGEST_FIELDS))
    if out_dir is not None:
        for r in rows:
            atomic_write(out_dir / f"{r.story}.json", r.digest.model_dump_json(indent=2) + "\n")
    if report is not None:
        data = {"fields": means, "stories": {r.story: r.fields for r in rows}}
        atomic_write(report, json.dumps(data, indent=2) + "\n")
    failed = [f"{f} {means[f]:.3f} < {v}" for f, v in gates.items() if means[f] < v]
    for line in failed:
        click.echo(f"gate failed: {line}", err=True)
    sys.exit(1 if failed else 0)
