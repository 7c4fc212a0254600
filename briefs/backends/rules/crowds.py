"""An unnamed crowd as a sentence's subject: "they" in the next sentence is that crowd.

"Detectives released the footage and appealed for the man to come forward. They believe
he was the same man …": the detectives believe it, not the bank named in the sentence
before; "some activists want details of the deal with Google. They say there should be
greater transparency": the activists, not Pakistan. A plural common noun ("detectives",
"activists", "unions") or two joined names ("Lord Justice Rix and Mr Justice Forbes
ruled … They said") as the sentence's last subject, with no actor named in its phrase
("Ministry officials", "officials at the Treasury", "the club's officials" speak for
a body; things joined, "aubergine, chickpeas and spinach", are no crowd), is who "they"
are; the article names no actor for them, so the statement has no speaker.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from briefs.backends.rules.document import Token
from briefs.backends.rules.mentions import Mention

__all__ = ["unnamed_crowd"]

_SUBJECT = ("nsubj", "nsubjpass")
_PLURAL = ("NNS", "NNPS")


def _phrase(tokens: tuple[Token, ...], head: Token) -> list[Token]:
    """The tokens whose chain of heads reaches ``head``."""
    by = {t.index: t for t in tokens}
    out = []
    for t in tokens:
        cur, seen = t, set()
        while cur.index != head.index and cur.head != cur.index and cur.index not in seen:
            seen.add(cur.index)
            cur = by.get(cur.head, cur)
        if cur.index == head.index:
            out.append(t)
    return out


def unnamed_crowd(
    tokens: tuple[Token, ...],
    mentions: list[Mention],
    kinds: Mapping[str, str],
    bodies: Collection[str] = ("organization", "group", "country"),
) -> bool:
    """Whether the last subject of the sentence's main clause (or of a clause joined to
    it: "… but some activists want details") is an unnamed crowd: no actor (``kinds``:
    each actor's kind) named in its phrase ("Police in KwaZulu-Natal"), and the noun
    itself no actor of a kind in ``bodies`` ("the police" may be one).

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> def crowd(text, actors={"Treasury": "organization", "bank": "organization"}):
    ...     s = build(text).sentences[0]
    ...     ms = find_mentions(s, lexicon())
    ...     for m in ms:
    ...         m.entity = m.name
    ...     return unnamed_crowd(s.tokens, ms, actors)
    >>> crowd("Detectives released the footage and appealed for the man to come forward.")
    True
    >>> crowd("Officials at the Treasury released the figures on Monday.")
    False
    >>> crowd("The bank released the figures on Monday.")
    False
    >>> crowd("The club's officials found a phone in a cubicle.")
    False
    >>> crowd("Aubergine, chickpeas and spinach were among the least popular.")
    False
    """
    by = {t.index: t for t in tokens}
    main = {t.index for t in tokens if t.head == t.index}
    main |= {t.index for t in tokens if t.dep == "conj" and t.head in main}
    subjects = [
        t
        for t in tokens
        if t.dep in _SUBJECT and t.pos in ("NOUN", "PROPN") and t.head in main and t.head in by
    ]
    if not subjects:
        return False
    last = subjects[-1]
    kids = [t for t in tokens if t.head == last.index]
    joined = [t for t in kids if t.dep == "conj"]
    for t in joined:  # "Aubergine, chickpeas and spinach": a chain of conjuncts
        joined.extend(k for k in tokens if k.head == t.index and k.dep == "conj")
    people = last.ent == "PERSON" and all(t.ent == "PERSON" or t.tag in _PLURAL for t in joined)
    joined = joined if people else []  # "Mr Gupta and his fellow bloggers switched gears"
    if last.tag not in _PLURAL and not joined:
        return False
    if not joined and any(t.dep in ("compound", "poss") for t in kids):
        return False  # "Ministry officials", "its officials": a body's people
    phrase = [t for t in _phrase(tokens, last) if t.index != last.index]
    actors = set(kinds)
    named = [m for m in mentions if m.entity in actors and m.hint != "pronoun"]
    inside = [m for m in named if any(m.start <= t.start < m.end for t in phrase)]
    inside += [m for m in named if m.start <= last.start < m.end and kinds[str(m.entity)] in bodies]
    return bool(joined) or not inside
