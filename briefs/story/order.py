"""Story order: articles by date; an undated article keeps its input place.

An article without a date is placed by input order: it sorts with the date of the
nearest dated article before it in the input (or first, when there is none) and is
marked ``undated``. Ties keep input order (the sort is stable).
"""

from __future__ import annotations

from collections.abc import Sequence

from briefs.schema import Brief, DigestArticle

__all__ = ["story_order"]


def story_order(briefs: Sequence[Brief]) -> tuple[list[Brief], list[DigestArticle]]:
    keys: list[str] = []
    last = ""
    for brief in briefs:
        if brief.date:
            last = brief.date
        keys.append(brief.date or last)
    ranked = sorted(range(len(briefs)), key=lambda i: keys[i])
    ordered = [briefs[i] for i in ranked]
    articles = [
        DigestArticle(id=b.id, title=b.title, date=b.date, order=n, undated=b.date is None)
        for n, b in enumerate(ordered)
    ]
    return ordered, articles
