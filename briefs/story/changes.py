"""Who moved: how an actor's position in one article differs from its earlier ones.

The rule (rules backend; an LLM backend asks its model instead, see ``model.py``):
compare a stance with the most similar stance the same actor took in an EARLIER
article (content-word F1, ``briefs.text.similarity.lexical``).

- Same topic (similarity >= ``SAME_TOPIC``):
  - the polarity differs (one asserts, the other denies, rejects or negates): ``reversed``
    ("Will not sell the club" after "Is ready to sell the club");
  - it is weaker (a hedge where there was a commitment: "could", "may", "open to"
    after "will", "must", "insists"): ``softened``; stronger: ``hardened``;
  - otherwise nothing changed (no label).
- New topic: a stance that asks something of someone ("demands", "calls for",
  "urges", "insists") is a ``new demand``; any other is a ``new position``.
- An actor's first article has nothing to change from: no label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefs.schema import ChangeKind
from briefs.story.cues import DEMAND, NEGATION, STRONG, WEAK, has_cue, words
from briefs.text.similarity import lexical

__all__ = ["SAME_TOPIC", "classify_change", "polarity", "strength"]

SAME_TOPIC = 0.3

#: (stance, earlier stances of the same actor) -> (change, the earlier stance it changed from)
ChangeRule = Callable[[str, Sequence[str]], tuple[ChangeKind | None, str | None]]


def polarity(stance: str) -> int:
    """+1 when the stance asserts, -1 when it negates (odd number of negation cues).

    >>> polarity("Will sell the club"), polarity("Denied it will sell the club")
    (1, -1)
    >>> polarity("Denied it would not pay")
    1
    """
    count = sum(1 for w in words(stance) if w in NEGATION)
    return -1 if count % 2 else 1


def strength(stance: str) -> int:
    """1 hedged, 2 plain, 3 committed.

    >>> strength("Could accept a lower price"), strength("Wants a deal"), strength("Must win")
    (1, 2, 3)
    """
    ws = set(words(stance))
    return 2 + (1 if ws & STRONG else 0) - (1 if ws & WEAK else 0)


def classify_change(stance: str, earlier: Sequence[str]) -> tuple[ChangeKind | None, str | None]:
    """The rule in the module docstring."""
    if not earlier:
        return None, None
    best = max(earlier, key=lambda e: lexical(stance, e))
    if lexical(stance, best) >= SAME_TOPIC:
        if polarity(stance) != polarity(best):
            return "reversed", best
        delta = strength(stance) - strength(best)
        if delta < 0:
            return "softened", best
        if delta > 0:
            return "hardened", best
        return None, None
    if has_cue(stance, DEMAND):
        return "new demand", None
    return "new position", None
