"""Merge the drafts of a long article's parts into one, in a single bounded pass.

Actors are merged when any name or alias matches (the eval's name rules);
positions and issues are de-duplicated by text similarity. There is no
model-driven reduce step, so nothing can loop: the cost of a merge is one pass.
"""

from __future__ import annotations

from briefs.draft import Draft
from briefs.schema import Actor, OpenIssue, Position
from briefs.text.names import match_score
from briefs.text.similarity import lexical

__all__ = ["DUPLICATE_SIMILARITY", "merge_drafts"]

DUPLICATE_SIMILARITY = 0.8
MAX_SUMMARY_SENTENCES = 4


def _merge_actors(drafts: list[Draft]) -> tuple[list[Actor], dict[str, str]]:
    merged: list[Actor] = []
    rename: dict[str, str] = {}
    for draft in drafts:
        for actor in draft.actors:
            forms = [actor.name, *actor.aliases]
            target = next(
                (
                    m
                    for m in merged
                    if match_score(
                        forms, [m.name, *m.aliases], actor.kind == "person", m.kind == "person"
                    )
                    >= 0.9
                ),
                None,
            )
            if target is None:
                merged.append(actor.model_copy(deep=True))
                rename[actor.name] = actor.name
                continue
            rename[actor.name] = target.name
            for form in forms:
                if form != target.name and form not in target.aliases:
                    target.aliases.append(form)
            target.role = target.role or actor.role
            target.evidence.extend(actor.evidence)
    return merged, rename


def _dedupe_positions(items: list[Position]) -> list[Position]:
    out: list[Position] = []
    for item in items:
        if any(
            o.actor == item.actor and lexical(o.stance, item.stance) >= DUPLICATE_SIMILARITY
            for o in out
        ):
            continue
        out.append(item)
    return out


def _dedupe_issues(items: list[OpenIssue]) -> list[OpenIssue]:
    out: list[OpenIssue] = []
    for item in items:
        twin = next((o for o in out if lexical(o.issue, item.issue) >= DUPLICATE_SIMILARITY), None)
        if twin is None:
            out.append(item)
        else:
            twin.actors.extend(a for a in item.actors if a not in twin.actors)
    return out


def merge_drafts(drafts: list[Draft]) -> Draft:
    actors, rename = _merge_actors(drafts)
    positions = [
        p.model_copy(update={"actor": rename.get(p.actor, p.actor)})
        for d in drafts
        for p in d.positions
    ]
    issues = [
        i.model_copy(update={"actors": list(dict.fromkeys(rename.get(a, a) for a in i.actors))})
        for d in drafts
        for i in d.open_issues
    ]
    sentences: list[str] = []
    for d in drafts:  # the first part's summary, then the lead of each later part
        parts = [s.strip() for s in d.summary.replace("\n", " ").split(". ") if s.strip()]
        take = parts if not sentences else parts[:1]
        sentences.extend(s if s.endswith((".", "!", "?")) else s + "." for s in take)
    summary = " ".join(sentences[:MAX_SUMMARY_SENTENCES])
    return Draft(
        summary=summary,
        actors=actors,
        positions=_dedupe_positions(positions),
        open_issues=_dedupe_issues(issues),
    )
