"""Options shared by the commands that run a backend, and turning them into one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from briefs.backends.base import Backend
from briefs.backends.llm.limits import (
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_MAX_OUTPUT_TOKENS,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_TOKENS_PER_BRIEF,
    DEFAULT_TIMEOUT_S,
)
from briefs.errors import BackendError, UsageError

__all__ = ["backend_from_options", "backend_options", "run_options"]


def backend_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--fallback, --base-url, --prompts, --max-attempts, --max-tokens-per-brief, ..."""
    options = [
        click.option(
            "--fallback",
            default=None,
            metavar="SPEC[,SPEC...]",
            help="Backends to try in order when the main one fails, e.g. "
            "'openai:gpt-4o-mini,rules'.",
        ),
        click.option(
            "--base-url", default=None, help="Server URL for openai-compatible (and ollama)."
        ),
        click.option(
            "--prompts",
            "prompts_dir",
            default=None,
            type=click.Path(file_okay=False, exists=True, path_type=Path),
            help="Folder of prompt templates overriding the shipped ones.",
        ),
        click.option(
            "--max-attempts",
            default=DEFAULT_MAX_ATTEMPTS,
            show_default=True,
            type=click.IntRange(1, 10),
            help="Model calls per brief, re-asks included.",
        ),
        click.option(
            "--max-tokens-per-brief",
            default=DEFAULT_MAX_TOKENS_PER_BRIEF,
            show_default=True,
            type=click.IntRange(1),
            help="Token cap per brief (all attempts and parts).",
        ),
        click.option(
            "--max-output-tokens",
            default=DEFAULT_MAX_OUTPUT_TOKENS,
            show_default=True,
            type=click.IntRange(16),
            help="Reply tokens allowed per model call (a small local model that "
            "rambles is cut off sooner).",
        ),
        click.option(
            "--context-window",
            default=None,
            type=click.IntRange(512),
            help="Model context window in tokens (default: from the model table).",
        ),
        click.option(
            "--no-system-role",
            "no_system_role",
            is_flag=True,
            help="Send the instructions in the user message (for chat templates "
            "that drop system messages, such as Gemma's).",
        ),
        click.option(
            "--retries",
            default=DEFAULT_MAX_RETRIES,
            show_default=True,
            type=click.IntRange(0, 20),
            help="Retries of a transient failure (429, 5xx, timeout) per model call.",
        ),
        click.option(
            "--timeout",
            default=DEFAULT_TIMEOUT_S,
            show_default=True,
            type=click.FloatRange(0.1),
            help="Seconds before one model call times out (then it is retried).",
        ),
        click.option(
            "--structured",
            default="auto",
            show_default=True,
            type=click.Choice(["auto", "native", "json"]),
            help="Provider-native structured output, JSON parsing, or auto.",
        ),
        click.option(
            "--json-schema",
            "json_schema",
            default="auto",
            show_default=True,
            type=click.Choice(["auto", "on", "off"]),
            help="Send the reply schema so the server constrains its output to it "
            "(openai-compatible: response_format json_schema; llamacpp: a grammar). "
            "auto: try it, and use JSON mode when the server rejects it.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def run_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """-j/--concurrency, --cache, --no-cache: how a batch of articles is briefed."""
    options = [
        click.option(
            "-j",
            "--concurrency",
            default=4,
            show_default=True,
            type=click.IntRange(1, 256),
            help="Articles briefed at once.",
        ),
        click.option(
            "--cache",
            "cache_path",
            default=None,
            type=click.Path(dir_okay=False, path_type=Path),
            help="SQLite cache file (default ~/.cache/briefs/cache.sqlite).",
        ),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def backend_from_options(
    spec: str,
    fallback: str | None,
    base_url: str | None,
    prompts_dir: Path | None,
    max_attempts: int,
    max_tokens_per_brief: int,
    context_window: int | None,
    structured: str,
    no_system_role: bool = False,
    retries: int = DEFAULT_MAX_RETRIES,
    timeout: float = DEFAULT_TIMEOUT_S,
    json_schema: str = "auto",
    max_output_tokens: int = DEFAULT_MAX_OUTPUT_TOKENS,
) -> Backend:
    """The backend the options describe; usage errors become click errors (exit 2)."""
    options: dict[str, Any] = {
        "max_attempts": max_attempts,
        "max_tokens_per_brief": max_tokens_per_brief,
        "structured": structured,
        "system_role": not no_system_role,
        "max_retries": retries,
        "timeout": timeout,
        "json_schema": json_schema,
        "max_output_tokens": max_output_tokens,
    }
    if base_url:
        options["base_url"] = base_url
    if prompts_dir is not None:
        options["prompts"] = str(prompts_dir)
    if context_window:
        options["context_window"] = context_window
    from briefs.backends.fallback import with_fallbacks  # imports langchain-core only now

    chain = [s.strip() for s in fallback.split(",") if s.strip()] if fallback else None
    try:
        return with_fallbacks(spec, chain, **options)
    except (BackendError, UsageError) as exc:
        raise click.UsageError(str(exc)) from None
