"""Project config on the command line: defaults from the file, and ``briefs config``.

``project_defaults`` wraps a command: every option left at its default takes the
file's value, if the file has one (command line > file > built-in defaults).
``briefs config`` prints the settings in effect and where each came from.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from briefs.config import KEYS, SECRET_ENV, ProjectConfig, gate_items, load_config
from briefs.errors import ConfigError

__all__ = ["make_config_command", "project_defaults", "resolve"]

F = TypeVar("F", bound=Callable[..., Any])
_GATE = re.compile(r"^\s*([A-Za-z0-9_.]+)\s*(<=|>=|=)\s*([0-9]*\.?[0-9]+)\s*$")

COMMAND_LINE = "command line"
DEFAULT = "default"

# config key -> the click parameter it is the default of
PARAMS = {
    "backend": "backend",
    "base_url": "base_url",
    "fallback": "fallback",
    "out": "out_dir",
    "concurrency": "concurrency",
    "cache": "cache_path",
    "prompts": "prompts_dir",
    "strict_grounding": "strict_grounding",
    "max_bytes": "max_bytes",
    "executor": "executor",
    "scheduler": "scheduler",
    "workers": "workers",
    "batch_size": "batch_size",
    "gates": "fail_under",
}


def _given(ctx: click.Context, name: str) -> bool:
    source = ctx.get_parameter_source(name)
    return source is not None and source not in (
        ParameterSource.DEFAULT,
        ParameterSource.DEFAULT_MAP,
    )


def resolve(
    ctx: click.Context,
    kwargs: dict[str, Any],
    config: ProjectConfig,
    ignore: tuple[str, ...] = (),
) -> dict[str, str]:
    """Fill ``kwargs`` (a command's parameters) from ``config`` where the command line
    left them at their defaults; the source of each parameter ("command line",
    the file's label, or "default"). Keys in ``ignore`` are not applied."""
    sources = {name: COMMAND_LINE if _given(ctx, name) else DEFAULT for name in kwargs}
    label = config.label
    for key, value in config.values.items():
        param = PARAMS.get(key)
        if key in ignore or param is None or param not in kwargs or sources[param] == COMMAND_LINE:
            continue
        if key == "cache" and value is False:
            if "no_cache" in kwargs and sources["no_cache"] != COMMAND_LINE:
                kwargs["no_cache"] = True
                sources["no_cache"] = label
            continue
        if key == "gates":
            if kwargs.get("gate_file") is not None:
                continue  # a --gate file on the command line replaces the file's gates
            kwargs[param] = gate_items(value)
        else:
            kwargs[param] = value
        sources[param] = label
    model = config.values.get("model")
    spec = kwargs.get("backend")
    if model and isinstance(spec, str) and spec == config.values.get("backend"):
        kwargs["backend"] = f"{spec}:{model}"  # the file's model goes with the file's backend
        sources["model"] = label
    return sources


def project_defaults(*, ignore: tuple[str, ...] = ()) -> Callable[[F], F]:
    """Decorate a click command's callback (innermost): options it was not given on
    the command line take the project file's values (but not the keys in ``ignore``,
    for a command whose option of that name means something else)."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(**kwargs: Any) -> Any:
            ctx = click.get_current_context()
            try:
                resolve(ctx, kwargs, load_config(), ignore)
            except ConfigError as exc:
                raise click.UsageError(str(exc)) from None
            return func(**kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def _show(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _settings(kwargs: dict[str, Any], sources: dict[str, str]) -> dict[str, dict[str, Any]]:
    from briefs.cache import default_cache_path

    rows: dict[str, dict[str, Any]] = {}
    spec = str(kwargs.get("backend") or "rules")
    name, _, model = spec.partition(":")
    backend_source = sources.get("backend", DEFAULT)
    rows["backend"] = {"value": name, "source": backend_source}
    rows["model"] = {
        "value": model or None,
        "source": sources.get("model", backend_source if model else DEFAULT),
    }
    for key, param in PARAMS.items():
        if key in ("backend", "gates") or param not in kwargs:
            continue
        rows[key] = {"value": _show(kwargs[param]), "source": sources[param]}
    if kwargs.get("no_cache"):
        rows["cache"] = {"value": False, "source": sources["no_cache"]}
    elif kwargs.get("cache_path") is None:
        env = os.environ.get("XDG_CACHE_HOME")
        rows["cache"] = {
            "value": str(default_cache_path()),
            "source": "environment (XDG_CACHE_HOME)" if env else DEFAULT,
        }
    gates: dict[str, float] = {}
    for item in kwargs.get("fail_under") or ():
        for part in str(item).split(","):
            if (match := _GATE.match(part)) is not None:
                name, op, value = match.groups()
                gates[name + ("" if op == "=" else op)] = float(value)
    rows["gates"] = {
        "value": gates,
        "source": sources.get("fail_under", DEFAULT),
    }
    return rows


def _text(value: Any) -> str:
    if value is None:
        return "-"
    if value is False:
        return "off"
    if value is True:
        return "on"
    if isinstance(value, dict):
        items = (f"{k}{'' if k.endswith('=') else '='}{v:g}" for k, v in value.items())
        return ", ".join(items) or "-"
    return str(value)


def make_config_command(generate: click.Command) -> click.Command:
    """``briefs config``, taking the options of ``generate`` that the file can set."""
    wanted = {*PARAMS.values(), "no_cache"}
    params = [p for p in generate.params if p.name in wanted]
    gates = click.Option(
        ["--fail-under", "fail_under"],
        multiple=True,
        metavar="FIELD=VALUE",
        help="Eval gate floors (as `briefs eval --fail-under`).",
    )
    as_json = click.Option(["--json", "as_json"], is_flag=True, help="Print JSON.")

    @click.pass_context
    def show(ctx: click.Context, /, as_json: bool, **kwargs: Any) -> None:
        """Print the settings in effect and where each came from.

        Sources: the command line (the same options as `briefs generate`), the
        nearest briefs.toml or pyproject.toml [tool.briefs] up from here, the
        environment, or briefs' defaults.
        """
        try:
            config = load_config()
            sources = resolve(ctx, kwargs, config)
        except ConfigError as exc:
            raise click.UsageError(str(exc)) from None
        rows = _settings(kwargs, sources)
        env = {name: "set" if os.environ.get(name) else "not set" for name in SECRET_ENV}
        if as_json:
            data = {
                "file": str(config.path) if config.path else None,
                "settings": rows,
                "environment": env,
            }
            click.echo(json.dumps(data, indent=2))
            return
        click.echo(f"config file: {config.path or 'none found'}")
        width = max(len(k) for k in [*rows, *env])
        for key, row in rows.items():
            click.echo(f"{key:<{width}}  {_text(row['value']):<40}  {row['source']}")
        for name, state in env.items():
            click.echo(f"{name:<{width}}  {state:<40}  environment")

    command = click.Command(
        "config",
        callback=show,
        params=[*params, gates, as_json],
        help=show.__doc__,
        short_help="Print the settings in effect and where each came from.",
    )
    assert set(KEYS) >= set(PARAMS)
    return command
