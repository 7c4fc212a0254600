"""A self-contained HTML page: each brief beside its reference, matches marked."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from briefs.evaluate.report import EvalReport
from briefs.evaluate.scores import ArticleScore
from briefs.evaluate.tables import fmt_aggregate, to_rows, to_source_rows
from briefs.schema import Brief

__all__ = ["to_html"]


@lru_cache(maxsize=1)
def _template():  # type: ignore[no-untyped-def]
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    source = resources.files("briefs").joinpath("templates").joinpath("report.html.j2")
    return env.from_string(source.read_text(encoding="utf-8"))


def _items(
    objs: list[Any],
    strict: dict[int, int],
    lenient: dict[int, int] | None = None,
    names: list[str] | None = None,
    flagged: frozenset[int] = frozenset(),
    flag: str = "",
) -> list[dict[str, Any]]:
    out = []
    for i, obj in enumerate(objs):
        if i in flagged:
            state, tag = "miss", flag
        elif i in strict:
            state, tag = "ok", "matched"
        elif lenient is not None and i in lenient:
            state, tag = "partial", "actor only"
        else:
            state, tag = "miss", "missed"
        other = names[strict[i]] if names is not None and i in strict else None
        out.append({"obj": obj, "state": state, "tag": tag, "other": other})
    return out


def _inverse(mapping: dict[int, int]) -> dict[int, int]:
    return {b: a for a, b in mapping.items()}


def _sides(score: ArticleScore, brief: Brief | None, ref: Brief) -> list[dict[str, Any]]:
    m = score.matches
    ref_names = [a.name for a in ref.actors]
    gen_side: dict[str, Any] = {"label": "Generated brief", "brief": brief, "unsupported": []}
    if brief is not None:
        gen_side.update(
            actors=_items(brief.actors, m.actors, names=ref_names),
            positions=_items(
                brief.positions,
                m.positions_strict,
                m.positions_lenient,
                flagged=m.contradicted,
                flag="negates",
            ),
            issues=_items(brief.open_issues, m.issues, flagged=m.restated, flag="restated"),
            unsupported=list(m.unsupported),
        )
    gen_names = [a.name for a in brief.actors] if brief is not None else []
    ref_side = {
        "label": "Reference",
        "brief": ref,
        "actors": _items(ref.actors, _inverse(m.actors), names=gen_names),
        "positions": _items(
            ref.positions, _inverse(m.positions_strict), _inverse(m.positions_lenient)
        ),
        "issues": _items(ref.open_issues, _inverse(m.issues)),
        "unsupported": [],
    }
    return [gen_side, ref_side]


def to_html(report: EvalReport, failures: list[str] | None = None) -> str:
    header, rows = to_rows(report)
    s_header, s_rows = to_source_rows(report)
    articles = [
        {
            "id": s.id,
            "score": s,
            "sides": _sides(s, report.briefs.get(s.id), report.references[s.id]),
        }
        for s in report.articles
    ]
    html: str = _template().render(
        report=report,
        header=header,
        rows=rows,
        source_header=s_header,
        source_rows=s_rows,
        overall=fmt_aggregate(report.aggregates["overall"]),
        articles=articles,
        failures=failures,
    )
    return html
