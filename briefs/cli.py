"""The ``briefs`` command: argument parsing and printing over the library API.

Exit codes: 0 all ok, 1 some articles failed (or a gate failed), 2 usage errors.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from briefs.backends.registry import list_backends
from briefs.cache import BriefCache
from briefs.cli_config import project_defaults
from briefs.cli_executor import executor_args, executor_options
from briefs.cli_options import backend_options, run_options
from briefs.engine import BatchResult, ManifestEntry, generate_batch
from briefs.errors import BackendUnavailable, UsageError
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
    "--strict-grounding/--lenient-grounding",
    default=False,
    help="Drop items left with no evidence found in the article (default: lenient).",
)
@click.option(
    "--max-bytes",
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    type=click.IntRange(1),
    help="Largest article accepted, in bytes.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@run_options
@click.option(
    "--force",
    is_flag=True,
    help="Brief every article again: ignore briefs on disk and in the cache.",
)
@click.option(
    "--stdout",
    "to_stdout",
    is_flag=True,
    help="Write the briefs to stdout as JSON Lines (no files unless --out is given).",
)
@executor_options
@backend_options
@project_defaults()
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
    to_stdout: bool,
    executor: str,
    scheduler: str | None,
    workers: int | None,
    batch_size: int,
    **backend_opts: Any,
) -> None:
    """Write <id>.json, <id>.md and manifest.json to --out for every article in PATHS.

    PATHS are files or folders (read recursively): .txt, .md, .html, .json, .jsonl;
    `-` is one article read from stdin. A rerun skips articles already briefed the
    same way and serves unchanged ones from the cache; Ctrl-C stops cleanly and keeps
    every finished brief. Options not given take their value from the nearest
    briefs.toml or pyproject.toml [tool.briefs] (see `briefs config`).
    """
    engine, executor_kw = executor_args(
        executor, scheduler, workers, batch_size, backend, backend_opts
    )
    scratch = _scratch_out(to_stdout)
    out_dir = scratch or out_dir
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
        elif to_stdout:
            _echo_jsonl(out_dir, entry)
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
            **executor_kw,
        )
    except (UsageError, BackendUnavailable) as exc:  # e.g. dask missing, scheduler unreachable
        raise click.UsageError(str(exc)) from None
    except KeyboardInterrupt:
        if progress is not None:
            progress.stop()
        if _STDOUT["closed"]:
            sys.exit(141)  # what a shell shows for a writer whose pipe closed (128 + SIGPIPE)
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
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    if not quiet:
        click.echo(_summary(result, to_stdout=scratch is not None), err=True)
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


def _scratch_out(to_stdout: bool) -> Path | None:
    """With --stdout and no --out on the command line, a temporary folder for the
    run's files (removed at the end): the briefs go to stdout only."""
    ctx = click.get_current_context()
    if not to_stdout or ctx.get_parameter_source("out_dir") is ParameterSource.COMMANDLINE:
        return None
    return Path(tempfile.mkdtemp(prefix="briefs-stdout-"))


_STDOUT = {"closed": False}


def _echo_jsonl(out_dir: Path, entry: ManifestEntry) -> None:
    """One brief, just written, as one line of JSON on stdout."""
    if not entry.outputs or _STDOUT["closed"]:
        return
    text = (out_dir / entry.outputs[0]).read_text(encoding="utf-8")
    try:
        click.echo(json.dumps(json.loads(text), ensure_ascii=False))
    except BrokenPipeError:  # the reader is gone (`| head -1`): stop as Ctrl-C would
        _STDOUT["closed"] = True
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        signal.raise_signal(signal.SIGINT)


def _summary(result: BatchResult, to_stdout: bool = False) -> str:
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
        f"{tokens}{cost} -> "
        + ("stdout" if to_stdout else f"{result.out_dir}/ (manifest: {result.manifest_path})")
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
    from briefs.cli_config import make_config_command
    from briefs.cli_digest import digest_command
    from briefs.cli_digest_eval import digest_eval_command
    from briefs.cli_eval import eval_command
    from briefs.cli_prompt import prompt_command

    cli.add_command(eval_command)
    cli.add_command(prompt_command)
    cli.add_command(digest_command)
    cli.add_command(digest_eval_command)
    cli.add_command(make_config_command(generate))


_register()


if __name__ == "__main__":
    main()
