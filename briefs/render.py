"""Briefs as readable Markdown (and JSON), rendered from a Jinja2 template."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from briefs.schema import Brief, Position

__all__ = ["to_json", "to_markdown"]


@lru_cache(maxsize=1)
def _template():  # type: ignore[no-untyped-def]
    env = SandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True
    )
    source = resources.files("briefs").joinpath("templates").joinpath("brief.md.j2")
    return env.from_string(source.read_text(encoding="utf-8"))


def to_markdown(brief: Brief) -> str:
    """The brief as a Markdown document (positions grouped by actor)."""
    grouped: dict[str, list[Position]] = {}
    for p in brief.positions:
        grouped.setdefault(p.actor, []).append(p)
    text: str = _template().render(brief=brief, positions=list(grouped.items()))
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


def to_json(brief: Brief) -> str:
    return brief.model_dump_json(indent=2) + "\n"
