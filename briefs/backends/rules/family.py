"""Family members in human-interest stories: a child, and a parent named by title.

A story about a child names the parents by kinship word and given name ("Dad Phil
has labelled the checks 'ludicrous'", "his parents, Phil, 44, and Hazel, 38") and
then by title and the family's surname ("Mr Hayward, a software engineer, said").
"Mr", "Mrs" or "Ms" with the surname is an adult: it is never the child who
carries the same surname ("Four-year-old James Hayward"); it is the relative
introduced by kinship word and given name, whose full name it completes.
"""

from __future__ import annotations

import re

from briefs.backends.rules.cast import Entity
from briefs.backends.rules.names import Mention
from briefs.backends.rules.wordbook import words

__all__ = ["adult_title", "is_child", "kin_given_name", "rename"]

_NUMBERS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
)
_AGE_BEFORE = re.compile(
    rf"(?:\b(?:{_NUMBERS}|\d|1[0-5])-(?:year|month|week)-old|\b(?:son|daughter|boy|girl|baby"
    r"|toddler|schoolboy|schoolgirl|grandson|granddaughter|pupil))\s*,?\s*$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"^\s*(?:,\s*|\(\s*)(\d{1,2})\s*[,)]")
_ADULT = words("adult_titles")


def is_child(entity: Entity, text: str) -> bool:
    """Whether the article introduces a person as a child: an age under 16 or a
    child's noun right before a name ("Four-year-old James Hayward", "their son
    Tom Reed") or an age in commas after it ("Lily Evans, 7, was ...").

    >>> def person(text: str, start: int, name: str) -> Entity:
    ...     e = Entity(name, "person")
    ...     e.add(Mention(start, start + len(name), name, 0, "person", name))
    ...     return e
    >>> is_child(person("Four-year-old James Hayward had a toy gun", 14, "James Hayward"),
    ...          "Four-year-old James Hayward had a toy gun")
    True
    >>> is_child(person("Lily Evans, 7, was hurt", 0, "Lily Evans"), "Lily Evans, 7, was hurt")
    True
    >>> is_child(person("Phil Hayward, 44, said", 0, "Phil Hayward"), "Phil Hayward, 44, said")
    False
    """
    for m in entity.mentions:
        if m.hint in ("generic", "pronoun"):
            continue
        if _AGE_BEFORE.search(text[max(0, m.start - 30) : m.start]):
            return True
        after = _AGE_AFTER.match(text[m.end : m.end + 8])
        if after and int(after.group(1)) < 16:
            return True
    return False


def adult_title(m: Mention, text: str) -> bool:
    """Whether a mention is a surname after "Mr", "Mrs", "Ms" or "Miss"."""
    before = text[max(0, m.start - 6) : m.start].split()
    return len(m.tokens) <= 1 and bool(before) and before[-1] in _ADULT


def kin_given_name(entities: list[Entity], m: Mention, text: str) -> Entity | None:
    """The relative a title and surname completes: the last one-word actor named
    before ``m`` that the article introduces by kinship word ("Dad Phil").

    >>> text = "Dad Phil was angry. Mr Hayward said so."
    >>> phil = Entity("Phil", "other")
    >>> phil.add(Mention(4, 8, "Phil", 0, "other", "Phil"))
    >>> kin_given_name([phil], Mention(23, 30, "Hayward", 1, "person", "Hayward"), text).name
    'Phil'
    """
    found: list[tuple[int, Entity]] = []
    for e in entities:
        if e.kind not in ("person", "other") or len(e.words()) != 1:
            continue
        for k in e.mentions:
            before = text[: k.start].split()
            if k.start < m.start and before and before[-1] in words("kinship_nouns"):
                found.append((k.start, e))
    return max(found, key=lambda f: f[0])[1] if found else None


def rename(entities: dict[str, Entity], entity: Entity, name: str) -> Entity:
    """``entity`` under a new ``name`` (a person), its mentions moved with it."""
    del entities[entity.name]
    aliases = [entity.name, *entity.aliases]
    entity.name, entity.kind, entity.aliases = name, "person", aliases
    for m in entity.mentions:
        m.entity = name
    entities[name] = entity
    return entity
