"""Which embedded whether-clauses the sentence itself leaves open.

A "whether" clause is a question only where the sentence frames it as one: someone
must decide it, asks it, looks into it ("will decide whether", "asked whether",
"an inquiry into whether"), or the sentence says it is open ("it is unclear
whether", "the big question is whether"). Where a speaker says it does not matter
("Mr Leslie said it was irrelevant whether the post was called Secretary of State
for Constitutional Affairs or Lord Chancellor", "it matters little whether the
rift is real") or makes it the yardstick of a view ("What matters most is ...
whether it is reformed", "the only test for his policies was whether they were
best for Britain"), the clause is part of that speaker's statement: no question.
"""

from __future__ import annotations

from briefs.backends.rules.document import Token
from briefs.backends.rules.wordbook import book, words

__all__ = ["unasked"]

_FRAMES = book()["whether_frames"]
_INDIFFERENT = frozenset(_FRAMES["indifferent"])  # "irrelevant whether", "matters little"
_OPEN = frozenset(_FRAMES["open"])  # "unclear whether", "the question is whether"
_SETTLED_UNLESS_DENIED = frozenset(_FRAMES["open_when_denied"])  # "not clear whether"
_COPULAS = words("copulas")
_DENIALS = words("clause_denials")
_ROLES = frozenset(("nsubj", "csubj", "acomp", "attr", "prep"))


def unasked(tokens: tuple[Token, ...], k: int) -> bool:
    """The "whether" at position ``k`` of ``tokens`` opens a clause that a speaker's
    statement holds, not a question the sentence leaves open.

    >>> from briefs.backends.rules.document import build
    >>> def check(text):
    ...     toks = build(text).sentences[0].tokens
    ...     return unasked(toks, [t.lower for t in toks].index("whether"))
    >>> [check(t) for t in (
    ...     "Mr Leslie said it was irrelevant whether the post was called Secretary of "
    ...     "State or Lord Chancellor.",
    ...     "Mr Howard argued the only test for his policies was whether they were best "
    ...     "for Britain.",
    ...     "It matters little whether the rift is real.",
    ...     "It was unclear whether the prosecution would be able to bring up the case.",
    ...     "A key question was whether one category should cover all types of murder.",
    ...     "It is not clear whether they were made under the Hunting Act.",
    ...     "The board will decide whether the bid should go ahead.")]
    [True, True, True, False, False, False, False]
    """
    by_index = {t.index: t for t in tokens}
    clause = by_index.get(tokens[k].head)
    if clause is None or clause.head == clause.index or clause.head not in by_index:
        return False
    governor = by_index[clause.head]
    if governor.lower in _INDIFFERENT or governor.lemma.lower() in _INDIFFERENT:
        return True
    if governor.lower not in _COPULAS:
        return False  # "will decide whether", "asked whether", "talks on whether"
    frame = _frame_words(tokens, by_index, governor)
    # "it is unclear whether", "it is not clear whether", not "it was irrelevant whether"
    return not (frame & _OPEN or (frame & _SETTLED_UNLESS_DENIED and frame & _DENIALS))


def _frame_words(
    tokens: tuple[Token, ...], by_index: dict[int, Token], governor: Token
) -> set[str]:
    """The words of the copula's subject, complement and negation: what the
    sentence says of the clause ("it was not clear", "the big question is")."""
    roots = {
        t.index for t in tokens if t.head == governor.index and (t.dep in _ROLES or t.dep == "neg")
    }
    found: set[str] = set()
    for t in tokens:
        cur, seen = t, 0
        while seen < len(tokens):
            if cur.index in roots:
                found.add(t.lower)
                break
            if cur.head == cur.index or cur.head not in by_index:
                break
            cur, seen = by_index[cur.head], seen + 1
    return found
