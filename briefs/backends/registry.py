"""Backends by name, read from the ``briefs.backends`` entry-point group.

The built-in backends are registered there by briefs' own ``pyproject.toml``,
exactly as a third-party package would register its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from briefs.backends.base import Backend
from briefs.errors import BackendNotFound, BackendUnavailable

__all__ = ["GROUP", "BackendInfo", "get_backend", "list_backends"]

GROUP = "briefs.backends"


@dataclass(frozen=True)
class BackendInfo:
    name: str
    target: str
    available: bool
    detail: str


def _entry_points() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=GROUP)}


def _load(ep: EntryPoint) -> type[Backend]:
    factory = ep.load()
    if not (isinstance(factory, type) and issubclass(factory, Backend)):
        raise BackendNotFound(f"entry point {ep.name!r} ({ep.value}) is not a briefs Backend")
    return factory


def get_backend(spec: str | Backend, **options: Any) -> Backend:
    """A backend from ``NAME`` or ``NAME:MODEL`` (or a Backend, returned as it is)."""
    if isinstance(spec, Backend):
        return spec
    name, _, model = spec.partition(":")
    points = _entry_points()
    if name not in points:
        known = ", ".join(sorted(points)) or "none (is briefs installed?)"
        raise BackendNotFound(f"unknown backend {name!r}; registered backends: {known}")
    cls = _load(points[name])
    ok, why = cls.availability()
    if not ok:
        raise BackendUnavailable(f"backend {name!r} is not usable here: {why}")
    if model:
        options["model"] = model
    return cls(**options)


def list_backends() -> list[BackendInfo]:
    """Every registered backend and whether it can run on this machine."""
    out = []
    for name, ep in sorted(_entry_points().items()):
        try:
            ok, why = _load(ep).availability()
        except Exception as exc:  # a broken plugin must not hide the others
            ok, why = False, f"cannot load: {exc}"
        out.append(BackendInfo(name, ep.value, ok, why))
    return out
