"""``briefs digest``: one story across many articles or briefs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from briefs.cache import BriefCache
from briefs.cli_options import backend_from_options, backend_options, run_options
from briefs.errors import BriefsError
from briefs.storage import atomic_write

__all__ = ["digest_command"]


@click.command("digest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    default="digest-out",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for digest.json, digest.md, digest.html (and briefs/ when articles are given).",
)
@click.option("--title", default=None, help="The story's title (default: the first article's).")
@click.option(
    "--backend",
    default="rules",
    show_default=True,
    help="Backend that briefs article inputs; an LLM backend also labels changes of position.",
)
@click.option(
    "--changes",
    type=click.Choice(["auto", "rules", "model"]),
    default="auto",
    show_default=True,
    help="Who labels changes of position: the documented rule, or the backend's model "
    "(auto: the model for LLM backends).",
)
@run_options
@click.option("-q", "--quiet", is_flag=True, help="No summary line.")
@backend_options
def digest_command(
    paths: tuple[Path, ...],
    out_dir: Path,
    title: str | None,
    backend: str,
    changes: str,
    concurrency: int,
    cache_path: Path | None,
    no_cache: bool,
    quiet: bool,
    **backend_opts: Any,
) -> None:
    """Write digest.json, digest.md and digest.html to --out for the story in PATHS.

    PATHS are briefs (a `briefs generate` output folder, or brief .json files) or
    articles, which are briefed first through the normal engine and cache.
    """
    from briefs.story import make_digest
    from briefs.story.collect import collect_briefs
    from briefs.story.render import digest_to_html, digest_to_json, digest_to_markdown

    engine = backend_from_options(backend, **backend_opts)
    cache = None if no_cache else BriefCache(cache_path)
    try:
        collected = collect_briefs(
            list(paths), out_dir, engine, concurrency=concurrency, cache=cache
        )
    finally:
        if cache is not None:
            cache.close()
    for error in collected.errors:
        click.echo(f"error: {error}", err=True)
    if not collected.briefs:
        raise click.UsageError("no briefs to digest (every input failed or none was given)")
    try:
        digest = make_digest(collected.briefs, title=title)
        use_model = changes == "model" or (changes == "auto" and _chat_model(engine) is not None)
        if use_model:
            from briefs.story.model import relabel_changes

            chat = _chat_model(engine)
            if chat is None:
                raise click.UsageError(
                    "--changes model needs an LLM backend (--backend NAME:MODEL)"
                )
            digest = relabel_changes(digest, chat)
    except BriefsError as exc:
        raise click.UsageError(str(exc)) from None
    atomic_write(out_dir / "digest.json", digest_to_json(digest))
    atomic_write(out_dir / "digest.md", digest_to_markdown(digest))
    atomic_write(out_dir / "digest.html", digest_to_html(digest))
    if not quiet:
        opened = sum(1 for i in digest.issues if i.status == "open")
        click.echo(
            f"digest of {len(digest.articles)} articles: {len(digest.actors)} actors, "
            f"{len(digest.timeline)} positions, {opened} open / "
            f"{len(digest.issues) - opened} resolved issues; "
            f"{len(collected.errors)} failed -> {out_dir}/digest.json, digest.md, digest.html",
            err=True,
        )
    sys.exit(1 if collected.errors else 0)


def _chat_model(engine: object) -> Any:
    """The chat model behind an LLM backend (first of a fallback chain), else None."""
    for backend in [engine, *getattr(engine, "backends", [])]:
        build = getattr(backend, "chat_model", None)
        if callable(build):
            return build()
    return None
