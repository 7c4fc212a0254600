"""A claim one speaker makes and another denies in the same sentence, as the question
the dispute leaves open: "Mr Lee has suggested that Mr Kay is lying, something Mr Kay
denies" -> "Whether Mr Kay is lying." The issue names disputes among what an article
leaves open. The brief already holds both sides as positions (the claim, and "Denies
that ..." from ``relative_denials``), so the question is read off them: the claim as
the claimant stated it, subject and polarity kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefs.backends.rules import question_words as W
from briefs.backends.rules.issue_check import Said

__all__ = ["disputed"]

_DENIAL = re.compile(
    r"^(?:deny|denies|denied|reject|rejects|rejected|dispute|disputes|disputed) that (.+)$",
    re.IGNORECASE,
)
# a claim that opens on a pronoun would ask about someone the question cannot name
_PRONOUNS = W.PRONOUNS | W.UNRESOLVABLE | W.DEMONSTRATIVES


def disputed(sentence: int, said: Sequence[Said]) -> str | None:
    """The question of a claim that another claim of the same ``sentence`` denies, or
    None.

    >>> said = [Said(3, "Mr Kay is lying."), Said(3, "Denies that Mr Kay is lying.")]
    >>> disputed(3, said)
    'Whether Mr Kay is lying.'
    >>> disputed(4, said) is None
    True
    >>> disputed(1, [Said(1, "Denied that it will fail to pay the loan.")]) is None
    True
    """
    here = [s.stance.strip().rstrip(".").strip() for s in said if s.sentence == sentence]
    for stance in here:
        match = _DENIAL.match(stance)
        if match is None:
            continue
        claim = match.group(1).strip()
        if claim.split()[0].lower() in _PRONOUNS:
            continue
        if any(other.lower() == claim.lower() for other in here):
            return f"Whether {claim}."
    return None
