"""The digest summary: what the story is, who is on which side now, what is open."""

from __future__ import annotations

import re

from briefs.schema import Brief, DigestActor, DigestArticle, DigestIssue, TimelineEntry

__all__ = ["digest_summary"]

_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")


def _lead(brief: Brief) -> str:
    m = _FIRST_SENTENCE.match(brief.summary.strip())
    return (m.group(1) if m else brief.summary.strip()).rstrip()


def _span(articles: list[DigestArticle]) -> str:
    dates = sorted(a.date for a in articles if a.date)
    n = len(articles)
    count = f"{n} article{'s' if n != 1 else ''}"
    if not dates:
        return count
    return f"{count}, {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "")


def digest_summary(
    ordered: list[Brief],
    articles: list[DigestArticle],
    actors: list[DigestActor],
    timeline: list[TimelineEntry],
    issues: list[DigestIssue],
    *,
    sides: int = 3,
) -> str:
    """A few sentences built from the parts: the first article's lead, each main actor's
    latest stance, and the issues still open (with how many were settled)."""
    if not ordered:
        return ""
    parts = [f"{_lead(ordered[0])} ({_span(articles)})"]
    latest: dict[str, TimelineEntry] = {}
    for entry in timeline:
        latest[entry.actor] = entry
    now = [f"{a.name}: {latest[a.name].stance.rstrip('.')}" for a in actors if a.name in latest][
        :sides
    ]
    if now:
        parts.append("Where the main actors stand now: " + "; ".join(now) + ".")
    still = [i.issue.rstrip(".?") for i in issues if i.status == "open"]
    settled = sum(1 for i in issues if i.status == "resolved")
    if issues:
        lead = f"{settled} of {len(issues)} open questions were settled"
        parts.append(lead + (f"; still open: {'; '.join(still[:2])}." if still else "."))
    return " ".join(parts)
