"""Prompt templates: loaded from a folder, rendered in a sandbox, versioned.

Templates are Jinja2 files (``brief.system.j2``, ``brief.user.j2``,
``reask.j2``), each starting with a ``{#- version: N -#}`` header. They render in
a SandboxedEnvironment with StrictUndefined (an unknown variable is an error).
The article is only ever a variable: text such as ``{{ x }}`` or ``{% if %}``
inside an article is printed as it is, never evaluated.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from briefs.errors import UsageError

__all__ = ["TEMPLATE_NAMES", "PromptSet", "default_prompts_dir", "load_prompts"]

TEMPLATE_NAMES = ("brief.system.j2", "brief.user.j2", "reask.j2")
_VERSION = re.compile(r"\{#-?\s*version:\s*([\w.\-]+)\s*-?#\}")


def default_prompts_dir() -> Path:
    """The templates shipped in the wheel (``briefs/prompts``), or the source tree's."""
    shipped = resources.files("briefs").joinpath("prompts")
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[3] / "prompts"


@dataclass(frozen=True)
class PromptSet:
    folder: Path
    sources: dict[str, str]
    version: str  # declared versions + content hash: changes whenever a template does

    def render(self, name: str, **variables: Any) -> str:
        try:
            text: str = _compiled(self.sources[name]).render(**variables)
            return text.strip()
        except TemplateError as exc:
            raise UsageError(f"{self.folder / name}: {type(exc).__name__}: {exc}") from None

    def messages(
        self,
        *,
        article: str,
        schema: dict[str, Any],
        title: str | None = None,
        date: str | None = None,
        part: int = 1,
        parts: int = 1,
    ) -> list[tuple[str, str]]:
        """(role, content) pairs: the system and user messages for one article (part)."""
        system = self.render("brief.system.j2", schema=_schema_text(json.dumps(schema)))
        user = self.render(
            "brief.user.j2", article=article, title=title, date=date, part=part, parts=parts
        )
        return [("system", system), ("user", user)]

    def reask(self, *, error: str, attempt: int, max_attempts: int) -> str:
        return self.render("reask.j2", error=error, attempt=attempt, max_attempts=max_attempts)


_ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


@lru_cache(maxsize=32)
def _compiled(source: str) -> Any:
    """A template compiled once per source text (compiling costs far more than rendering)."""
    return _ENV.from_string(source)


@lru_cache(maxsize=8)
def _schema_text(schema_json: str) -> str:
    return json.dumps(json.loads(schema_json), separators=(",", ":"))


@lru_cache(maxsize=8)
def load_prompts(folder: str | Path | None = None) -> PromptSet:
    """The templates in ``folder`` (default: the shipped ones); all three must exist."""
    path = Path(folder) if folder is not None else default_prompts_dir()
    sources: dict[str, str] = {}
    declared: list[str] = []
    for name in TEMPLATE_NAMES:
        file = path / name
        if not file.is_file():
            raise UsageError(f"{file}: prompt template missing (need {', '.join(TEMPLATE_NAMES)})")
        text = file.read_text(encoding="utf-8")
        match = _VERSION.match(text.lstrip())
        if not match:
            raise UsageError(
                f"{file}: first line must be a version header like {{#- version: 1 -#}}"
            )
        declared.append(match.group(1))
        sources[name] = text
    digest = hashlib.sha256("\0".join(sources[n] for n in TEMPLATE_NAMES).encode()).hexdigest()
    version = f"{'.'.join(dict.fromkeys(declared))}+{digest[:8]}"
    return PromptSet(path, sources, version)
