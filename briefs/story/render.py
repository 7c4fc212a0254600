"""A digest as Markdown, as one self-contained HTML page (timeline chart in inline SVG),
and as JSON. Templates render in a sandbox; the HTML escapes every value."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from briefs.schema import Digest, TimelineEntry

__all__ = ["CHANGE_COLOURS", "digest_to_html", "digest_to_json", "digest_to_markdown"]

CHANGE_COLOURS = {
    "first or unchanged": "#8a8a8a",
    "new position": "#3b7dd8",
    "new demand": "#7b3fc4",
    "hardened": "#c0392b",
    "softened": "#27ae60",
    "reversed": "#e67e22",
}
_LEFT, _TOP, _COL, _ROW = 220, 48, 110, 34


@lru_cache(maxsize=4)
def _template(name: str, html: bool) -> Any:
    env = SandboxedEnvironment(
        undefined=StrictUndefined, autoescape=html, keep_trailing_newline=True
    )
    source = resources.files("briefs").joinpath("templates").joinpath(name)
    return env.from_string(source.read_text(encoding="utf-8"))


def _by_actor(digest: Digest) -> list[tuple[str, list[TimelineEntry]]]:
    grouped: dict[str, list[TimelineEntry]] = {}
    for entry in digest.timeline:
        grouped.setdefault(entry.actor, []).append(entry)
    return list(grouped.items())


def chart(digest: Digest) -> dict[str, Any]:
    """Geometry of the timeline chart: one row per actor, one column per article."""
    column = {a.id: a.order for a in digest.articles}
    rows = [actor for actor, _ in _by_actor(digest)]
    marks = []
    seen: dict[tuple[int, int], int] = {}
    for entry in digest.timeline:
        r, c = rows.index(entry.actor), column[entry.article]
        k = seen.get((r, c), 0)
        seen[(r, c)] = k + 1
        kind = entry.change or "first or unchanged"
        marks.append(
            {
                "x": _LEFT + c * _COL + 40 + 12 * k,
                "y": _TOP + r * _ROW + 10,
                "colour": CHANGE_COLOURS[kind],
                "title": f"{entry.actor} ({entry.article}, {kind}): {entry.stance}",
            }
        )
    return {
        "left": _LEFT,
        "top": _TOP,
        "width": _LEFT + max(1, len(digest.articles)) * _COL + 40,
        "height": _TOP + max(1, len(rows)) * _ROW + 10,
        "columns": [
            {"x": _LEFT + a.order * _COL + 40, "label": a.date or f"#{a.order + 1}"}
            for a in digest.articles
        ],
        "rows": [{"y": _TOP + i * _ROW + 10, "label": name} for i, name in enumerate(rows)],
        "marks": marks,
    }


def digest_to_markdown(digest: Digest) -> str:
    text: str = _template("digest.md.j2", False).render(digest=digest, timeline=_by_actor(digest))
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


def digest_to_html(digest: Digest) -> str:
    html: str = _template("digest.html.j2", True).render(
        digest=digest, chart=chart(digest), colours=list(CHANGE_COLOURS.items())
    )
    return html


def digest_to_json(digest: Digest) -> str:
    return digest.model_dump_json(indent=2) + "\n"
