"""``--executor``, ``--scheduler``, ``--workers``, ``--batch-size`` of ``briefs generate``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click
from click.core import ParameterSource

from briefs.backends.base import Backend
from briefs.cli_options import backend_from_options

__all__ = ["executor_args", "executor_options"]

EXECUTORS = ("local", "dask")


def executor_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--executor",
            default="local",
            show_default=True,
            type=click.Choice(EXECUTORS),
            help="Brief in local threads, or on a Dask cluster (pip install 'briefs[dask]').",
        ),
        click.option(
            "--scheduler",
            default=None,
            metavar="ADDRESS",
            help="With --executor dask: a running scheduler, e.g. tcp://10.0.0.5:8786 "
            "(default: a local cluster on this machine).",
        ),
        click.option(
            "--workers",
            default=None,
            type=click.IntRange(1, 1024),
            help="With --executor dask and no --scheduler: worker processes of the "
            "local cluster (default: the CPU count); -j is shared among them as threads.",
        ),
        click.option(
            "--batch-size",
            default=8,
            show_default=True,
            type=click.IntRange(1, 10_000),
            help="With --executor dask: articles sent to a worker in one task.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def executor_args(
    executor: str,
    scheduler: str | None,
    workers: int | None,
    batch_size: int,
    backend: str,
    backend_opts: dict[str, Any],
) -> tuple[Backend | Callable[[], Backend], dict[str, Any]]:
    """What ``generate_batch`` takes for the executor: the backend (for Dask, a recipe
    each worker builds it from) and the executor's options. The backend is built here
    once in any case, so that a bad backend is a usage error before anything runs."""
    engine = backend_from_options(backend, **backend_opts)
    ctx = click.get_current_context()
    if executor == "local":
        for name in ("scheduler", "workers", "batch_size"):
            if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE:
                flag = "--" + name.replace("_", "-")
                raise click.UsageError(f"{flag} needs --executor dask")
        return engine, {}
    if scheduler and workers is not None:
        raise click.UsageError("--workers is for the local cluster; a --scheduler has its own")
    if backend_opts.get("prompts_dir") is not None:  # the workers may run elsewhere
        backend_opts = {**backend_opts, "prompts_dir": backend_opts["prompts_dir"].resolve()}
    recipe = functools.partial(backend_from_options, backend, **backend_opts)
    return recipe, {
        "executor": "dask",
        "scheduler": scheduler,
        "workers": workers,
        "batch_size": batch_size,
    }
