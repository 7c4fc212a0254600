"""The ``briefs`` command: argument parsing and printing over the library API.

Exit codes: 0 all ok, 1 some articles failed (or a gate failed), 2 usage errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from briefs.backends.registry import list_backends
from briefs.cli_options import backend_from_options, backend_options
from briefs.engine import ManifestEntry, generate_batch
from briefs.ingest import DEFAULT_MAX_BYTES
from briefs.schema import brief_json_schema

DEFAULT_OUT = "briefs-out"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefs")
def cli() -> None:
    """Turn news articles into structured, evidence-grounded briefs."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    default=DEFAULT_OUT,
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the briefs.",
)
@click.option(
    "--backend",
    default="rules",
    show_default=True,
    help="Backend NAME[:MODEL]; see `briefs backends`.",
)
@click.option(
    "--strict-grounding",
    is_flag=True,
    help="Drop items left with no evidence found in the article.",
)
@click.option(
    "--max-bytes",
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    type=click.IntRange(1),
    help="Largest article accepted, in bytes.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@backend_options
def generate(
    paths: tuple[Path, ...],
    out_dir: Path,
    backend: str,
    strict_grounding: bool,
    max_bytes: int,
    quiet: bool,
    **backend_opts: Any,
) -> None:
    """Write <id>.json, <id>.md and manifest.json to --out for every article in PATHS.

    PATHS are files or folders (read recursively): .txt, .md, .html, .json, .jsonl.
    """
    engine = backend_from_options(backend, **backend_opts)
    show_bar = not quiet and sys.stderr.isatty()

    def report(entry: ManifestEntry) -> None:
        if entry.status != "ok":
            line = f"error: {entry.source}: {entry.error}"
            if progress is not None:
                progress.console.print(line, markup=False, highlight=False)
            else:
                click.echo(line, err=True)
        if progress is not None:
            progress.advance(task)

    progress = None
    if show_bar:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        progress = Progress(
            TextColumn("briefs"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            transient=True,
            console=None,
        )
        progress.start()
        task = progress.add_task("", total=None)
    try:
        result = generate_batch(
            paths,
            out_dir,
            engine,
            max_bytes=max_bytes,
            strict_grounding=strict_grounding,
            on_result=report,
        )
    finally:
        if progress is not None:
            progress.stop()
    if not quiet:
        click.echo(
            f"{result.ok} ok, {result.failed} failed, {len(result.entries)} articles"
            f" -> {result.out_dir}/ (manifest: {result.manifest_path})",
            err=True,
        )
    sys.exit(result.exit_code)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a brief."""
    click.echo(json.dumps(brief_json_schema(), indent=2))


@cli.command()
def backends() -> None:
    """List the registered backends and whether each can run here."""
    for info in list_backends():
        state = "ok" if info.available else "unavailable"
        click.echo(f"{info.name:<20} {state:<12} {info.detail}")


def main() -> None:
    cli(prog_name="briefs")


def _register() -> None:
    from briefs.cli_eval import eval_command
    from briefs.cli_prompt import prompt_command

    cli.add_command(eval_command)
    cli.add_command(prompt_command)


_register()


if __name__ == "__main__":
    main()
