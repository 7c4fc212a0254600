"""Whether two stances (or issues) say opposite things: aligned clauses, polarity apart.

A text is cut into clauses at ";", ":", every comma, and before "and", "but",
"although", "though", "while", "whereas", "or", "if", "unless", "because", "since",
"when", "before", "after" and "until" (fine pieces: a negation then only counts
where it stands). Two clauses are aligned when each is the other's most similar
clause and their lexical similarity is at least ``ALIGN`` (0.5); the texts contradict
when some aligned pair has opposite polarity (``briefs.evaluate.polarity``). So "X
will not pay" contradicts "X will pay", "Rejects the offer; talks go on" contradicts
"Accepts the offer; talks go on", and a negation in an unrelated clause ("Pay rose
3%; no deal on jobs" against "Pay rose 3%") does not count: it has no counterpart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefs.evaluate.polarity import polarity
from briefs.text.similarity import lexical

__all__ = ["ALIGN", "clauses", "contradicts"]

ALIGN = 0.5
_SPLIT = re.compile(
    r"\s*[;:]\s*|,\s+|\s+(?=(?:but|although|though|while|whereas|and|or|if|unless|because|"
    r"since|when|before|after|until)\b)",
    re.IGNORECASE,
)


@lru_cache(maxsize=16384)
def clauses(text: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in _SPLIT.split(text) if p and p.strip())
    return parts or (text,)


def _best(clause: str, others: tuple[str, ...]) -> tuple[float, int]:
    return max((lexical(clause, o), -k) for k, o in enumerate(others))


def contradicts(a: str, b: str) -> bool:
    """True when a mutually aligned clause pair of ``a`` and ``b`` differs in polarity."""
    ca, cb = clauses(a), clauses(b)
    for x in ca:
        sim, k = _best(x, cb)
        y = cb[-k]
        if sim >= ALIGN and -_best(y, ca)[1] == ca.index(x) and polarity(x) != polarity(y):
            return True
    return False
