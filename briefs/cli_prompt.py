"""``briefs prompt ARTICLE``: the exact messages a model would get, and their tokens."""

from __future__ import annotations

from pathlib import Path

import click

from briefs.errors import InputError, UsageError
from briefs.ingest import read_path
from briefs.tokens import count_tokens


@click.command("prompt")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--prompts",
    "prompts_dir",
    default=None,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Folder of prompt templates overriding the shipped ones.",
)
@click.option(
    "--model",
    default="gpt-4o-mini",
    show_default=True,
    help="Model whose tokenizer counts the tokens.",
)
def prompt_command(article: Path, prompts_dir: Path | None, model: str) -> None:
    """Print the rendered messages for ARTICLE and their token count (a dry run)."""
    from briefs.backends.llm import LLMBackend  # langchain-core, only for this command

    items = list(read_path(article))
    if not items:
        raise click.UsageError(f"{article}: no article in the file")
    first = items[0]
    if isinstance(first, InputError):
        raise click.UsageError(str(first))
    try:
        backend = LLMBackend(None, model=model, prompts=str(prompts_dir) if prompts_dir else None)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    messages = backend.messages(first)
    total = 0
    method = ""
    for message in messages:
        counted = count_tokens(str(message.content), model)
        total += counted.tokens
        method = counted.method
        click.echo(f"----- {message.type} ({counted.tokens} tokens) -----")
        click.echo(str(message.content))
    click.echo(
        f"----- total: {total} tokens ({method}); prompt version "
        f"{backend.prompt_version}; {len(backend.split(first))} call(s) -----"
    )
