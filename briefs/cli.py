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
from briefs.cache import BriefCache
from briefs.cli_options import backend_from_options, backend_options
from briefs.engine import BatchResult, ManifestEntry, generate_batch
from briefs.ingest import DEFAULT_MAX_BYTES
from briefs.schema import brief_json_schema, digest_json_schema

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
@click.option(
    "-j",
    "--concurrency",
    default=4,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Articles briefed at once.",
)
@click.option(
    "--cache",
    "cache_path",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite cache file (default ~/.cache/briefs/cache.sqlite).",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option(
    "--force",
    is_flag=True,
    help="Brief every article again: ignore briefs on disk and in the cache.",
)
@backend_options
def generate(
    paths: tuple[Path, ...],
    out_dir: Path,
    backend: str,
    strict_grounding: bool,
    max_bytes: int,
    quiet: bool,
    concurrency: int,
    cache_path: Path | None,
    no_cache: bool,
    force: bool,
    **backend_opts: Any,
) -> None:
    """Write <id>.json, <id>.md and manifest.json to --out for every article in PATHS.

    PATHS are files or folders (read recursively): .txt, .md, .html, .json, .jsonl.
    A rerun skips articles already briefed the same way and serves unchanged ones
    from the cache; Ctrl-C stops cleanly and keeps every finished brief.
    """
    engine = backend_from_options(backend, **backend_opts)
    cache = None if no_cache else BriefCache(cache_path)
    progress = _progress() if not quiet and sys.stderr.isatty() else None
    task = progress.add_task("", total=None) if progress is not None else None

    def report(entry: ManifestEntry) -> None:
        if entry.status != "ok":
            line = f"error: {entry.source}: {entry.error}"
            if progress is not None:
                progress.console.print(line, markup=False, highlight=False)
            else:
                click.echo(line, err=True)
        if progress is not None and task is not None:
            progress.advance(task)

    try:
        result = generate_batch(
            paths,
            out_dir,
            engine,
            concurrency=concurrency,
            cache=cache,
            force=force,
            max_bytes=max_bytes,
            strict_grounding=strict_grounding,
            on_result=report,
        )
    except KeyboardInterrupt:
        if progress is not None:
            progress.stop()
        click.echo(
            f"interrupted: finished briefs are kept in {out_dir}/; "
            "run the same command again to finish the rest",
            err=True,
        )
        sys.exit(130)
    finally:
        if progress is not None:
            progress.stop()
        if cache is not None:
            cache.close()
    if not quiet:
        click.echo(_summary(result), err=True)
    sys.exit(result.exit_code)


def _progress() -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("briefs"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        transient=True,
        console=Console(stderr=True),
    )
    progress.start()
    return progress


def _summary(result: BatchResult) -> str:
    c = result.counts()
    tokens = (
        f"; tokens {c['tokens_in']:,} in / {c['tokens_out']:,} out"
        if (c["tokens_in"] or c["tokens_out"])
        else ""
    )
    cost = f"; est. cost ${c['cost_usd']:.4f}" if c["cost_usd"] is not None else ""
    return (
        f"{c['ok']} ok, {c['failed']} failed, {c['total']} articles "
        f"({c['cached']} cached, {c['resumed']} already done, {c['fell_back']} fell back)"
        f"{tokens}{cost} -> {result.out_dir}/ (manifest: {result.manifest_path})"
    )


@cli.command()
@click.option("--digest", "digest", is_flag=True, help="The schema of a digest instead.")
def schema(digest: bool) -> None:
    """Print the JSON Schema of a brief (or, with --digest, of a digest)."""
    click.echo(json.dumps(digest_json_schema() if digest else brief_json_schema(), indent=2))


@cli.command()
def backends() -> None:
    """List the registered backends and whether each can run here."""
    for info in list_backends():
        state = "ok" if info.available else "unavailable"
        click.echo(f"{info.name:<20} {state:<12} {info.detail}")


def main() -> None:
    cli(prog_name="briefs")


def _register() -> None:
    from briefs.cli_digest import digest_command
    from briefs.cli_digest_eval import digest_eval_command
    from briefs.cli_eval import eval_command
    from briefs.cli_prompt import prompt_command

    cli.add_command(eval_command)
    cli.add_command(prompt_command)
    cli.add_command(digest_command)
    cli.add_command(digest_eval_command)


_register()


if __name__ == "__main__":
    main()
