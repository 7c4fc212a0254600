"""A condition the sentence looks ahead from, as the question it leaves open.

A sentence that opens on a real condition about a named party and says what would
follow from it leaves the condition open: "If Barclays buys a stake in Absa it will
be one of the largest foreign investments in South Africa in recent years" asks
whether Barclays buys it; "If Turkcell does back out, MTN ... may well be back in
the running" asks whether Turkcell backs out; "If a May election is called, there
could be as little as 18 days between the Budget and ..." asks whether it is
called (three BBC articles). The condition is lifted out in its own words:
"Whether Barclays buys a stake in Absa."

Left alone: an unreal condition ("If he were king, he would act"); one told as a
habit of the past ("If the strike went ahead, flights were cancelled"); one with a
pronoun the question could not place ("If they agree, ..."); and one that names no
one ("If the account holds money gifted by friends, any interest may be set against
the allowance": how a scheme works, not a matter the story leaves open).
"""

from __future__ import annotations

from briefs.backends.rules import question_words as W
from briefs.backends.rules.document import Sentence, Token

__all__ = ["condition_question"]

_LEAD = frozenset(("but", "and", "so"))
_FORWARD = frozenset(("likely", "expected"))
_UNREAL = frozenset(("were", "had"))
# a condition about anyone at all is a hypothesis, not a matter the story leaves open
_GENERIC = frozenset(("person", "people", "someone", "anyone", "anybody", "somebody", "everyone"))
_MIN_WORDS, _MAX_WORDS = 3, 20


def _last_governed(toks: list[Token], head: Token) -> int:
    """The index of the last token that ``head`` governs (itself included)."""
    at = {t.index: t for t in toks}
    last = head.index
    for t in toks:
        node, steps = t, 0
        while node.index != head.index and node.head in at and node.head != node.index:
            node, steps = at[node.head], steps + 1
            if steps > len(toks):
                break
        if node.index == head.index:
            last = max(last, t.index)
    return last


def condition_question(sent: Sentence) -> str | None:
    """ "Whether <condition>." for a sentence that opens on a real condition whose
    outcome it looks ahead to, or None.

    >>> from briefs.backends.rules.document import build
    >>> [condition_question(s) for s in build(
    ...     "If Barclays buys a stake in Absa it will be one of the largest foreign "
    ...     "investments in South Africa. If the BA strike goes ahead, flights will be "
    ...     "cancelled. If the BA strike went ahead, flights were cancelled. If he were "
    ...     "king, he would act. If they agree, talks will resume. If people turn up "
    ...     "asking for help they will be turned away. If the account holds money, "
    ...     "interest may be set against the allowance.").sentences]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Whether Barclays buys a stake in Absa.', 'Whether the BA strike goes ahead.',
     None, None, None, None, None]
    """
    toks = list(sent.tokens)
    k = 0
    while k < len(toks) and (toks[k].lower in W.QUOTES or toks[k].lower in _LEAD):
        k += 1
    if k >= len(toks) - 1 or toks[k].lower != "if" or toks[k].dep != "mark":
        return None
    heads = [t for t in toks if t.index == toks[k].head]
    if not heads:
        return None
    last = _last_governed(toks, heads[0])
    clause = [t for t in toks if toks[k].index < t.index <= last]
    while clause and (clause[-1].lower in W.CLAUSE_END or clause[-1].lower in W.QUOTES):
        clause.pop()
    lowered = {t.lower for t in clause}
    if not (_MIN_WORDS <= len(clause) <= _MAX_WORDS) or lowered & _UNREAL:
        return None
    if lowered & (W.PRONOUNS | W.UNRESOLVABLE | {"his", "her", "its", "their", "this", "that"}):
        return None  # "If they agree": who, the question could not say
    if lowered & _GENERIC or not any(t.pos == "PROPN" for t in clause):
        return None  # "If the account holds money gifted by ...": how a scheme works
    if any(t.tag == "VBD" for t in clause):
        return None  # "If the strike went ahead": a habit, or an unreal past
    rest = {t.lower for t in toks if t.index > last}
    if not (rest & (set(W.MODALS) | _FORWARD)):
        return None  # nothing follows from it that is still to come
    text = sent.text[clause[0].start - sent.start : clause[-1].end - sent.start]
    return "Whether " + " ".join(text.split()).rstrip(" .…") + "."
