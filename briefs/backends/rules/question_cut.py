"""A whether-question must not stop inside a noun phrase.

The clause reader ends a predicate at a comma. Between two adjectives of one noun
("a far more lively, even bitter campaign", "a long, hard winter") that comma is no
clause end, and the question would stop on an adjective with its noun cut off:
"Whether 2005 will be a far more lively." Such a question is not made; the sentence
then stays as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefs.backends.rules.document import Token

__all__ = ["noun_cut"]

_REACH = 4  # tokens looked back from the last one for the phrase's article


def noun_cut(tokens: Sequence[Token], start: int, end: int) -> bool:
    """The clause ``tokens[start:end]`` ends on an adjective after "a"/"an" with no
    noun between them.

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.questions import as_question
    >>> [as_question(s, []) for s in build(
    ...     "And 2005 is set to be a far more lively, even bitter campaign than 2001. "
    ...     "The firm is set to be profitable, its chief said.").sentences]
    [None, 'Whether the firm will be profitable.']
    """
    if end <= start or not tokens[end - 1].tag.startswith("JJ"):
        return False
    for i in range(end - 2, max(start, end - 1 - _REACH) - 1, -1):
        if tokens[i].tag.startswith("NN"):
            return False
        if tokens[i].lower in ("a", "an"):
            return True
    return False
