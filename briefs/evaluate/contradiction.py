"""Whether two stances (or issues) say opposite things: aligned clauses, polarity apart.

A text is cut into clauses at ";", ":", and before "but", "although", "though",
"while", "whereas", "yet" and ", and". Each clause of one text is aligned with the
clause of the other it shares most content words with (lexical similarity, at least
``ALIGN``); the texts contradict when some aligned pair has opposite polarity
(``briefs.evaluate.polarity``). So "X will not pay" contradicts "X will pay", "Rejects
the offer; talks go on" contradicts "Accepts the offer; talks go on", and a negation in
an unrelated clause ("Pay rose 3%; no deal on jobs" against "Pay rose 3%") does not
count, because that clause has no counterpart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefs.evaluate.polarity import polarity
from briefs.evaluate.similarity import lexical

__all__ = ["ALIGN", "clauses", "contradicts"]

ALIGN = 0.25
_SPLIT = re.compile(
    r"\s*[;:]\s*|,?\s+(?=(?:but|although|though|while|whereas|yet)\b)|,\s+(?=and\b)",
    re.IGNORECASE,
)


@lru_cache(maxsize=16384)
def clauses(text: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in _SPLIT.split(text) if p and p.strip())
    return parts or (text,)


def contradicts(a: str, b: str) -> bool:
    """True when an aligned clause pair of ``a`` and ``b`` differs in polarity."""
    ca, cb = clauses(a), clauses(b)
    for x, others in ((ca, cb), (cb, ca)):
        for clause in x:
            best, match = max(((lexical(clause, o), o) for o in others), key=lambda t: t[0])
            if best >= ALIGN and polarity(clause) != polarity(match):
                return True
    return False
