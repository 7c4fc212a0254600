"""A clause under "if" or "unless" states no one's position.

"He warned that unless ministers backed down, the government would have great
difficulty": the ministers have not backed down; "If Parliament wanted to make it an
offence, it should have done so": Parliament wanted no such thing. A statement or deed
whose verb is governed by a conditional subordinator (the word book's
``conditional_marks``) is a hypothesis inside someone else's claim, never its
subject's stance (an aside's "as", ``aside_marks``, on the same verb keeps it).
"""

from __future__ import annotations

from collections.abc import Sequence

from briefs.backends.rules.continuation import Attribution
from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.verbs import conditional_verb

__all__ = ["asserted", "conditional"]


def _verb(sentence: Sentence, claim: Attribution) -> Token | None:
    """The token of ``claim``'s verb in its sentence: the first with that form inside
    the claim's evidence, else in the sentence."""
    same = [t for t in sentence.tokens if t.value.lower() == claim.verb.lower()]
    inside = [t for t in same if claim.start <= t.start < claim.end]
    chosen = inside or same
    return chosen[0] if chosen else None


def conditional(sentence: Sentence, claim: Attribution) -> bool:
    """Whether ``claim``'s verb heads a clause under "if" or "unless".

    >>> from briefs.backends.rules.document import build
    >>> s = build("He warned that unless ministers backed down, the bill would fail.").sentences[0]
    >>> conditional(s, Attribution("ministers", "Backed down.", 16, 38, "backed", 0))
    True
    >>> s = build("It may fail if, as Tony Blair has suggested, exams stay.").sentences[0]
    >>> conditional(s, Attribution("Tony Blair", "Exams stay.", 16, 55, "suggested", 0))
    False
    >>> s = build("Ministers backed down over the plan on Monday.").sentences[0]
    >>> conditional(s, Attribution("Ministers", "Backed down.", 0, 46, "backed", 0))
    False
    """
    verb = _verb(sentence, claim)
    if verb is None:
        return False
    return conditional_verb(sentence.tokens, verb)


def asserted(sentences: Sequence[Sentence], claims: list[Attribution]) -> list[Attribution]:
    """``claims`` without those stated only as a condition."""
    by_index = {s.index: s for s in sentences}
    return [
        c for c in claims if c.sentence not in by_index or not conditional(by_index[c.sentence], c)
    ]
