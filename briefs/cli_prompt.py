"""``briefs prompt ARTICLE``: the exact messages a model would get, their tokens, and
the ``response_format`` (schema, or the grammar it becomes) sent with them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from briefs.backends.llm.tokens import count_tokens
from briefs.errors import InputError, UsageError
from briefs.ingest import read_path

_NATIVE = (
    "provider-native structured output (with_structured_output) of the reply schema "
    "shown in the instructions; no response_format of ours"
)


def response_format_for(backend: str, json_schema: str) -> tuple[str, dict[str, Any] | None]:
    """What a backend sends as ``response_format``, and a one-line description."""
    from briefs.backends.llm.output import schema_response_format

    name = backend.partition(":")[0]
    if name == "llamacpp":
        if json_schema == "off":
            return "llamacpp: a grammar of any JSON object", {"type": "json_object"}
        return (
            "llamacpp: llama-cpp-python turns this schema into a grammar: every reply parses",
            schema_response_format("llamacpp"),
        )
    if name == "openai-compatible":
        if json_schema == "off":
            return "openai-compatible: JSON mode", {"type": "json_object"}
        note = (
            "; auto steps down to llama.cpp's json_object+schema, then JSON mode, "
            "if the server refuses it"
        ) * (json_schema == "auto")
        return (
            f"openai-compatible: the server constrains its output to this schema{note}",
            schema_response_format("openai"),
        )
    return f"{name}: {_NATIVE}", None


def _gbnf(schema: dict[str, Any]) -> str | None:
    """The GBNF grammar llama-cpp-python makes of ``schema`` (None without it)."""
    try:
        from llama_cpp.llama_grammar import json_schema_to_gbnf
    except ImportError:
        return None
    grammar: str = json_schema_to_gbnf(json.dumps(schema))
    return grammar


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
@click.option(
    "--backend",
    default="openai-compatible",
    show_default=True,
    help="Backend whose response_format is shown (llamacpp also shows its grammar).",
)
@click.option(
    "--json-schema",
    "json_schema",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", "on", "off"]),
    help="As for generate: whether the reply schema is sent.",
)
@click.option("--grammar", is_flag=True, help="Print the full GBNF grammar (llamacpp).")
def prompt_command(
    article: Path,
    prompts_dir: Path | None,
    model: str,
    backend: str,
    json_schema: str,
    grammar: bool,
) -> None:
    """Print the rendered messages for ARTICLE, their token count, and the
    response_format sent with them (a dry run: no model is called)."""
    from briefs.backends.llm.backend import LLMBackend  # langchain-core, only for this command

    items = list(read_path(article))
    if not items:
        raise click.UsageError(f"{article}: no article in the file")
    first = items[0]
    if isinstance(first, InputError):
        raise click.UsageError(str(first))
    try:
        llm = LLMBackend(None, model=model, prompts=str(prompts_dir) if prompts_dir else None)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    messages = llm.messages(first)
    total = 0
    method = ""
    for message in messages:
        counted = count_tokens(str(message.content), model)
        total += counted.tokens
        method = counted.method
        click.echo(f"----- {message.type} ({counted.tokens} tokens) -----")
        click.echo(str(message.content))
    note, fmt = response_format_for(backend, json_schema)
    click.echo(f"----- response_format ({note}) -----")
    click.echo(json.dumps(fmt, indent=1) if fmt is not None else "(none)")
    schema = (fmt or {}).get("schema")
    if backend.startswith("llamacpp") and schema is not None:
        gbnf = _gbnf(schema)
        if gbnf is None:
            click.echo("----- grammar: install briefs[local] to see the GBNF it becomes -----")
        else:
            rules = [line for line in gbnf.splitlines() if "::=" in line]
            more = "" if grammar else "; --grammar prints it"
            click.echo(f"----- grammar (GBNF, {len(rules)} rules{more}) -----")
            if grammar:
                click.echo(gbnf)
    click.echo(
        f"----- total: {total} tokens ({method}); prompt version "
        f"{llm.prompt_version}; {len(llm.split(first))} call(s) -----"
    )
