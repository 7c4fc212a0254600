"""Project settings: ``briefs.toml`` or ``[tool.briefs]`` in ``pyproject.toml``.

The file is the nearest one up the tree from the working folder: in each folder,
from the working one to the root, a ``briefs.toml`` is taken first, then a
``pyproject.toml`` that has a ``[tool.briefs]`` table. Precedence: an option given
on the command line wins over the file, the file over briefs' built-in defaults.
Paths in the file are relative to the file's folder. API keys never come from the
file: a key that looks like a secret is an error (they come from the provider's
usual environment variables).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefs.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = [
    "CONFIG_NAME",
    "KEYS",
    "SECRET_ENV",
    "ProjectConfig",
    "find_config",
    "gate_items",
    "load_config",
]

CONFIG_NAME = "briefs.toml"
PYPROJECT = "pyproject.toml"
SECRET_ENV = ("OPENAI_API_KEY", "ANTHROPIC_API_KEY")
_SECRET = re.compile(r"(^|[_.-])(api[_-]?key|key|token|secret|password|passwd)s?$", re.I)


def _text(value: Any, base: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a non-empty string, got {value!r}")
    return value.strip()


def _path(value: Any, base: Path) -> Path:
    return base / _text(value, base)


def _folder(value: Any, base: Path) -> Path:
    path = _path(value, base)
    if not path.is_dir():
        raise ValueError(f"no such folder {str(path)!r}")
    return path


def _cache(value: Any, base: Path) -> Path | bool:
    if value is False:
        return False
    if value is True:
        raise ValueError("expected a file path, or false for no cache")
    return _path(value, base)


def _flag(value: Any, base: Path) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _integer(low: int, high: int | None = None) -> Callable[[Any, Path], int]:
    def check(value: Any, base: Path) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected an integer, got {value!r}")
        if value < low or (high is not None and value > high):
            span = f"{low}..{high}" if high is not None else f">= {low}"
            raise ValueError(f"expected an integer {span}, got {value}")
        return value

    return check


def _choice(*names: str) -> Callable[[Any, Path], str]:
    def check(value: Any, base: Path) -> str:
        if value not in names:
            raise ValueError(f"expected one of {', '.join(names)}, got {value!r}")
        return str(value)

    return check


def _backend(value: Any, base: Path) -> str:
    spec = _text(value, base)
    from importlib.metadata import entry_points

    from briefs.backends.registry import GROUP

    known = sorted(ep.name for ep in entry_points(group=GROUP))
    if spec.partition(":")[0] not in known:
        raise ValueError(f"unknown backend {spec!r}; registered backends: {', '.join(known)}")
    return spec


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def _gates(value: Any, base: Path) -> dict[str, float]:
    """``FIELD = floor`` (or ``"FIELD<=" = ceiling``), as in a thresholds file."""
    if not isinstance(value, dict):
        raise ValueError("expected a table of FIELD = floor")
    from briefs.errors import UsageError
    from briefs.evaluate.gate import parse_fail_under

    floors = _flatten(value)
    for name, floor in floors.items():
        if isinstance(floor, bool) or not isinstance(floor, (int, float)):
            raise ValueError(f"{name}: expected a number, got {floor!r}")
    try:
        parse_fail_under(gate_items(floors))
    except UsageError as exc:
        raise ValueError(str(exc)) from None
    return {name: float(floor) for name, floor in floors.items()}


def gate_items(gates: dict[str, float]) -> tuple[str, ...]:
    """Gate keys and values as ``--fail-under`` items: ``actors.f1=0.8``, ``x<=0``."""
    return tuple(
        f"{name}{'' if name.endswith(('<=', '>=')) else '='}{value}"
        for name, value in gates.items()
    )


@dataclass(frozen=True)
class Key:
    """One setting of the file: how its value is checked, and what it means."""

    check: Callable[[Any, Path], Any]
    help: str


KEYS: dict[str, Key] = {
    "backend": Key(_backend, "backend NAME[:MODEL] (--backend)"),
    "model": Key(_text, "model of the file's backend, when --backend names none"),
    "base_url": Key(_text, "server URL for openai-compatible and ollama (--base-url)"),
    "fallback": Key(_text, "backends tried in order when the main one fails (--fallback)"),
    "out": Key(_path, "folder for the briefs (--out)"),
    "concurrency": Key(_integer(1, 256), "articles briefed at once (-j)"),
    "cache": Key(_cache, "SQLite cache file, or false for none (--cache, --no-cache)"),
    "prompts": Key(_folder, "folder of prompt templates (--prompts)"),
    "strict_grounding": Key(_flag, "drop items with no evidence (--strict-grounding)"),
    "max_bytes": Key(_integer(1), "largest article accepted, in bytes (--max-bytes)"),
    "executor": Key(_choice("local", "dask"), "where articles are briefed (--executor)"),
    "scheduler": Key(_text, "Dask scheduler address (--scheduler)"),
    "workers": Key(_integer(1, 1024), "Dask local cluster worker processes (--workers)"),
    "batch_size": Key(_integer(1, 10_000), "articles per Dask task (--batch-size)"),
    "gates": Key(_gates, "eval gate floors, FIELD = floor (--fail-under)"),
}


@dataclass
class ProjectConfig:
    """The settings read from a file (none when no file was found)."""

    path: Path | None = None
    label: str = "default"  # "briefs.toml" or "pyproject.toml [tool.briefs]"
    values: dict[str, Any] = field(default_factory=dict)


def _read_toml(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return None, str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def find_config(start: Path | None = None) -> tuple[Path, str, dict[str, Any]] | None:
    """The nearest settings file up from ``start``: (path, label, its settings table)."""
    folder = (start or Path.cwd()).resolve()
    for here in (folder, *folder.parents):
        own = here / CONFIG_NAME
        if own.is_file():
            data, error = _read_toml(own)
            if data is None:
                raise ConfigError(f"{_shown(own)}: invalid TOML: {error}")
            return own, CONFIG_NAME, data
        pyproject = here / PYPROJECT
        if pyproject.is_file():
            data, error = _read_toml(pyproject)
            if data is None:
                if "tool.briefs" in pyproject.read_text(encoding="utf-8", errors="replace"):
                    raise ConfigError(f"{_shown(pyproject)}: invalid TOML: {error}")
                continue
            tool = data.get("tool")
            if isinstance(tool, dict) and "briefs" in tool:
                table = tool["briefs"]
                if not isinstance(table, dict):
                    raise ConfigError(f"{_shown(pyproject)}: [tool.briefs] must be a table")
                return pyproject, f"{PYPROJECT} [tool.briefs]", table
    return None


def _secret_keys(table: dict[str, Any], prefix: str = "") -> list[str]:
    found = []
    for key, value in table.items():
        if _SECRET.search(key):
            found.append(f"{prefix}{key}")
        if isinstance(value, dict) and key != "gates":
            found += _secret_keys(value, f"{prefix}{key}.")
    return found


def load_config(start: Path | None = None) -> ProjectConfig:
    """The checked settings of the nearest file; ConfigError (one line) if any is bad."""
    found = find_config(start)
    if found is None:
        return ProjectConfig()
    path, label, table = found
    where = _shown(path)
    for key in _secret_keys(table):
        raise ConfigError(
            f"{where}: {key}: looks like a secret; API keys are read only from the "
            f"environment ({', '.join(SECRET_ENV)}), never from a config file"
        )
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}; known keys: {', '.join(KEYS)}")
        try:
            values[key] = KEYS[key].check(value, path.parent)
        except ValueError as exc:
            raise ConfigError(f"{where}: {key}: {exc}") from None
    if "model" in values and "backend" not in values:
        raise ConfigError(f"{where}: model: needs a backend key too (model of which backend?)")
    if "model" in values and ":" in values["backend"]:
        raise ConfigError(f"{where}: model: the backend {values['backend']!r} names one already")
    return ProjectConfig(path, label, values)
