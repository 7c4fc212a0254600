"""A post named by its seat or its brief ("the Tory MP for Sleaford and North
Hykeham", "Secretary of State for Trade and Industry"): a run of capitals from a
title word through "for" names an office, not an actor; an "and" inside it joins
the seat's or the brief's own name, and splits no one."""

from __future__ import annotations

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.lexicon import Lexicon

__all__ = ["post_end", "post_for"]


def post_for(toks: tuple[Token, ...], i: int, j: int, lex: Lexicon) -> int | None:
    """The index of the "for" after a title word in the run ``i:j``, if any.

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("The Tory MP for Sleaford and North Hykeham spoke.").sentences[0]
    >>> post_for(s.tokens, 1, 8, lexicon()), post_for(s.tokens, 4, 8, lexicon())
    (3, None)
    """
    for k in range(i + 1, j - 1):
        if toks[k].value == "for" and toks[k - 1].value.rstrip(".") in lex.title_heads:
            return k
    return None


def post_end(sent: Sentence, i: int, j: int, lex: Lexicon) -> int | None:
    """Where the actor starts in a run that names a post: at the person the
    recogniser reads at its end ("Labour MP for Bolton South East Brian Iddon" ->
    Brian Iddon), else at ``j``, no actor, for a post described ("the Tory MP for
    Sleaford and North Hykeham said"); None when the run names no post, or no post
    after "the" or "a".

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("Yesterday the Tory MP for Sleaford and North Hykeham said no.").sentences[0]
    >>> post_end(s, 2, 9, lexicon())
    9
    """
    toks = sent.tokens
    k = post_for(toks, i, j, lex)
    if k is None:
        return None
    end = toks[j - 1].end
    for e in sent.entities:
        if e.label == "PERSON" and e.end == end and e.start > toks[k].end:
            first = next(t for t in range(k, j) if toks[t].start >= e.start)
            if toks[first - 1].value not in ("and", "&"):  # "... and North Hykeham": the seat
                return first
    return j if i > 0 and toks[i - 1].lower in ("the", "a") else None
