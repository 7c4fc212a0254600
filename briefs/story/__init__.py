"""Digest: one story across many briefs (``briefs.digest``).

Stages, each a function of what it is given: story order (``order``), actors merged
across articles (``actors``), the timeline with changes of position (``changes``),
issues tracked to their answer (``issues``), and the summary (``summary``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

from briefs.errors import UsageError
from briefs.schema import Brief, ChangeKind, Digest, DigestMeta, TimelineEntry
from briefs.story.actors import resolve_actors
from briefs.story.changes import ChangeRule, classify_change
from briefs.story.issues import track_issues
from briefs.story.order import story_order
from briefs.story.summary import digest_summary

__all__ = ["make_digest"]


def _timeline(
    ordered: Sequence[Brief], names: dict[tuple[str, str], str], rule: ChangeRule
) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    earlier: dict[str, list[str]] = {}
    for brief in ordered:
        here: dict[str, list[str]] = {}
        for p in brief.positions:
            actor = names.get((brief.id, p.actor), p.actor)
            change: ChangeKind | None
            change, was = rule(p.stance, earlier.get(actor, []))
            entries.append(
                TimelineEntry(
                    actor=actor,
                    article=brief.id,
                    date=brief.date,
                    undated=brief.date is None,
                    stance=p.stance,
                    change=change,
                    change_from=was,
                    evidence=list(p.evidence),
                )
            )
            here.setdefault(actor, []).append(p.stance)
        for actor, stances in here.items():
            earlier.setdefault(actor, []).extend(stances)
    return entries


def make_digest(
    briefs: Iterable[Brief],
    *,
    title: str | None = None,
    change_rule: ChangeRule | None = None,
    change_method: str = "rules",
) -> Digest:
    """The digest of ``briefs`` (any order: dated ones are sorted, undated keep their place).

    ``change_rule`` labels changes of position; the default is the documented rule of
    ``briefs.story.changes``; ``briefs.story.model.model_change_rule`` asks a chat model.
    """
    started = time.perf_counter()
    given = list(briefs)
    if not given:
        raise UsageError("a digest needs at least one brief")
    ids = [b.id for b in given]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise UsageError(f"duplicate brief ids in a digest: {', '.join(dup)}")
    ordered, articles = story_order(given)
    actors, names, warnings = resolve_actors(ordered)
    timeline = _timeline(ordered, names, change_rule or classify_change)
    issues = track_issues(ordered, names)
    summary = digest_summary(ordered, articles, actors, timeline, issues)
    return Digest(
        title=title or ordered[0].title,
        summary=summary,
        articles=articles,
        actors=actors,
        timeline=timeline,
        issues=issues,
        meta=DigestMeta(
            briefs=len(given),
            change_method=change_method,
            duration_ms=round((time.perf_counter() - started) * 1000, 2),
            warnings=warnings,
        ),
    )
