"""Open issues across the set: which a later article answers, which stay open.

Rules, applied in story order:

1. Issues of different articles that ask the same thing (content-word F1 >= ``SAME_ISSUE``)
   are one issue, raised by the earliest article.
2. A later article answers an issue when one of its positions (stance or evidence) or
   summary sentences is about it (F1 >= ``ABOUT``), reports a decisive outcome (a past,
   settling word: agreed, approved, rejected, ruled, won, sold, withdrew, ...) and has
   no still-open wording (whether, could, may, expected, talks, ...). The issue is then
   ``resolved``, with that article, what answered it and its evidence.
3. A later article that raises the same issue again re-opens it: the last word wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefs.schema import Brief, DigestIssue, Evidence
from briefs.story.cues import OPEN, RESOLVED, has_cue
from briefs.text.similarity import lexical

__all__ = ["ABOUT", "SAME_ISSUE", "track_issues"]

SAME_ISSUE = 0.5
ABOUT = 0.3

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


@dataclass
class _Tracked:
    issue: str
    actors: list[str]
    raised_in: str
    status: str = "open"
    resolved_in: str | None = None
    resolution: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


def _answers(brief: Brief) -> list[tuple[str, str, list[Evidence]]]:
    """Statements of a brief that could settle an issue: (text matched, shown, evidence)."""
    out: list[tuple[str, str, list[Evidence]]] = []
    for p in brief.positions:
        quotes = " ".join(e.quote for e in p.evidence)
        out.append((f"{p.stance} {quotes}".strip(), f"{p.actor}: {p.stance}", list(p.evidence)))
    out.extend((s, s, []) for s in _SENTENCE.split(brief.summary) if s.strip())
    return out


def _settles(issue: str, statement: str) -> bool:
    return (
        lexical(issue, statement) >= ABOUT
        and has_cue(statement, RESOLVED)
        and not has_cue(statement, OPEN)
    )


def track_issues(briefs: Sequence[Brief], names: dict[tuple[str, str], str]) -> list[DigestIssue]:
    """``briefs`` in story order; ``names`` maps (brief id, actor) to digest actor names."""
    tracked: list[_Tracked] = []
    for brief in briefs:
        raised_here: set[int] = set()
        for item in brief.open_issues:
            actors = [names.get((brief.id, a), a) for a in item.actors]
            same = [i for i, t in enumerate(tracked) if lexical(item.issue, t.issue) >= SAME_ISSUE]
            if same:
                t = tracked[same[0]]
                t.actors += [a for a in actors if a not in t.actors]
                t.status, t.resolved_in, t.resolution, t.evidence = "open", None, None, []
                raised_here.add(same[0])
            else:
                tracked.append(_Tracked(issue=item.issue, actors=actors, raised_in=brief.id))
                raised_here.add(len(tracked) - 1)
        for i, t in enumerate(tracked):
            if i in raised_here or t.status == "resolved":
                continue
            for statement, shown, evidence in _answers(brief):
                if _settles(t.issue, statement):
                    t.status, t.resolved_in = "resolved", brief.id
                    t.resolution, t.evidence = shown, evidence
                    break
    return [
        DigestIssue(
            issue=t.issue,
            actors=t.actors,
            raised_in=t.raised_in,
            status="resolved" if t.status == "resolved" else "open",
            resolved_in=t.resolved_in,
            resolution=t.resolution,
            evidence=t.evidence,
        )
        for t in tracked
    ]
