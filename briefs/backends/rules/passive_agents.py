"""Who the "by" agent of a passive report is: "denied by Green Party spokesman", "rejected by
a spokesman for the company", "denied by its chairman, John Smith". The speaker is a
name inside the agent's own noun phrase (its head, a word before it, an appositive,
"for the company"), never a name further on in a relative clause ("denied by a
spokesman, who said: 'Mr Dunmore's claims are baseless'"): that one is who is spoken of.
"""

from __future__ import annotations

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.names import Mention

__all__ = ["agent_speakers", "passive_with_agent"]

# clauses hanging off the agent's noun: what they name is not the agent
_CLAUSES = {"relcl", "acl", "ccomp", "advcl", "parataxis", "xcomp"}
# a name before these nouns names a family, not its member ("the Morello family")
_KIN = {"family", "families", "clan", "dynasty", "household", "estate", "heirs", "relatives"}


def _phrase(sent: Sentence, head: Token) -> list[Token]:
    inside = {head.index}
    changed = True
    while changed:
        changed = False
        for t in sent.tokens:
            if t.index not in inside and t.head in inside and t.dep not in _CLAUSES:
                inside.add(t.index)
                changed = True
    return [t for t in sent.tokens if t.index in inside]


def agent_speakers(sent: Sentence, mentions: list[Mention], obj: Token) -> list[Mention]:
    """The mentions that name the agent whose head noun is ``obj``: one covering the head
    first, else a name inside its noun phrase (clauses left out), one after the head
    first.

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> def agent(text):
    ...     s = build(text).sentences[0]
    ...     by = next(t for t in s.tokens if t.dep == "agent")
    ...     obj = next(t for t in s.tokens if t.head == by.index and t.dep == "pobj")
    ...     return [m.text for m in agent_speakers(s, find_mentions(s, lexicon()), obj)]
    >>> agent('The claim was denied by Green Party spokesman, who said: "Mr Dunmore is wrong."')
    ['Green Party']
    >>> agent('The claim was denied by a spokesman, who said: "Mr Dunmore is wrong."')
    []
    >>> agent("His claims were denied by Foreign Secretary Jack Straw.")
    ['Jack Straw']
    >>> agent("His bid was rejected by the Morello family.")
    []
    >>> agent("The claims were rejected by its chairman, John Armitt.")
    ['John Armitt']
    >>> agent("The theory was questioned by Plaid Cymru's former leader, Ann Morris.")
    ['Ann Morris']
    """
    covering = [
        m
        for m in mentions
        if m.start <= obj.start < m.end or (obj.start <= m.start and m.end <= obj.end + 1)
    ]
    if covering:
        return covering[:1]
    phrase = [t for t in _phrase(sent, obj) if t.index != obj.index]
    if obj.lower in _KIN:
        return []
    inside = [
        m
        for m in mentions
        if m.hint != "pronoun" and any(m.start <= t.start < m.end for t in phrase)
    ]  # "its chairman, John Armitt": a possessive pronoun is no name
    # a name after the head (an appositive, "for the company") is the agent itself, or
    # whom it speaks for; one before it only when there is none ("UKIP spokesman")
    return sorted(inside, key=lambda m: (m.start < obj.start, m.start))[:1]


def passive_with_agent(toks: tuple[Token, ...], verb: Token) -> bool:
    """Whether ``verb`` is passive with a "by" agent ("Northway Bank was criticised by
    regulators", "the bid was dismissed by a court"): its subject is what the report is
    about, not who made it (the agent speaks: ``passives.passive_reports``).

    >>> from briefs.backends.rules.document import build
    >>> s = build("Northway Bank was criticised by regulators.").sentences[0]
    >>> passive_with_agent(s.tokens, next(t for t in s.tokens if t.value == "criticised"))
    True
    >>> s = build("He is said to be feeling more comfortable.").sentences[0]
    >>> passive_with_agent(s.tokens, next(t for t in s.tokens if t.value == "said"))
    False
    """
    kids = [t for t in toks if t.head == verb.index and t.index != verb.index]
    return any(t.dep == "auxpass" for t in kids) and any(t.dep == "agent" for t in kids)
