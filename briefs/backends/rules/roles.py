"""The person a role names: "Armenia's prime minister has raised ..." is the person
whose role is prime minister; "the president" is not the former president."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefs.backends.rules.wordbook import words

if TYPE_CHECKING:  # actors.py reads ``holds`` from here
    from briefs.backends.rules.actors import Entity
    from briefs.backends.rules.document import Token
    from briefs.backends.rules.lexicon import Lexicon

__all__ = ["holds", "role_owner"]

# "former president", "ex-minister", "the late prime minister": a role no longer held
_PAST_ROLE = re.compile(r"\b(?:" + "|".join(words("past_role_words")) + r")\b[- ]*(?:\w+ )?$")


def holds(role: str, noun: str) -> bool:
    """Whether ``role`` (lower case) names ``noun`` as a post its holder still has.

    >>> holds("new president", "president"), holds("former president", "president")
    (True, False)
    >>> holds("ex-prime minister", "prime minister"), holds("chairman", "president")
    (False, False)
    """
    return noun in role and _PAST_ROLE.search(role.split(noun)[0]) is None


def role_owner(entities: dict[str, Entity], gap: list[Token], lex: Lexicon) -> str | None:
    """ "Armenia’s prime minister has raised ..." -> the person with that role; "the
    president" is not the "former president" (nor the late or ex- one).

    >>> from briefs.backends.rules.actors import Entity
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> from briefs.backends.rules.document import build
    >>> old = Entity("Ed Shaw", "person", role="former president")
    >>> new = Entity("Mia Kerr", "person", role="new head of state")
    >>> gap = list(build("the president told").sentences[0].tokens[:2])
    >>> role_owner({"Ed Shaw": old, "Mia Kerr": new}, gap, lexicon()) is None
    True
    """
    gap_text = " ".join(t.value.lower() for t in gap)
    nouns = {n for n in lex.role_nouns if f" {n} " in f" {gap_text} "}
    for entity in entities.values():
        role = (entity.role or "").lower()
        if entity.kind != "person":
            continue
        for n in nouns:
            if holds(role, n) or (n in role and _PAST_ROLE.search(gap_text)):
                return entity.name
    return None
