"""The actor record, and how actors relate once resolved: an acronym and the name it
stands for are one actor; a body a speaking person leads is an actor of its own."""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field

from briefs.backends.rules.names import Mention
from briefs.backends.rules.wordbook import words

__all__ = ["Entity", "affiliations", "merge_acronyms", "merge_bare_bodies"]


@dataclass
class Entity:
    name: str
    kind: str
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    acronym: str | None = None
    positions: int = 0

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def add(self, mention: Mention) -> None:
        mention.entity = self.name
        self.mentions.append(mention)
        surface = mention.text
        if surface.lower().startswith("the "):
            surface = surface[4:]
        if surface != self.name and surface not in self.aliases and mention.hint != "generic":
            self.aliases.append(surface)
        if self.role is None and mention.role:
            self.role = mention.role

    def words(self) -> list[str]:
        return self.name.replace("-", " ").split()


_SMALL = words("name_small_words")


def _initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _SMALL]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def merge_acronyms(entities: dict[str, Entity]) -> None:
    """ "GM" and "General Motors", "IMF" and "International Monetary Fund": one actor,
    under the long name, the acronym an alias."""
    orgs = [e for e in entities.values() if e.kind in ("organization", "group", "other")]
    for short in orgs:
        letters = short.name.replace(".", "")
        if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
            continue
        long = next(
            (
                e
                for e in orgs
                if e is not short and e.kind != "other" and _initials(e.name) == letters
            ),
            None,
        )
        if long is None or short.name not in entities:
            continue
        for m in short.mentions:
            m.entity = long.name
        long.mentions.extend(short.mentions)
        for alias in [short.name, *short.aliases]:
            if alias != long.name and alias not in long.aliases:
                long.aliases.append(alias)
        long.role = long.role or short.role
        del entities[short.name]


def merge_bare_bodies(entities: dict[str, Entity], nouns: Set[str]) -> None:
    """ "Government" (or "the government") and the one qualified government the
    article names ("Queensland Government", "the Scottish Government"): one actor,
    under the qualified name; so for a body named by the last words of another
    ("Coast Guard" after "the Italian coast guard"). With two qualified ones the
    bare name stays apart; a single word merges only if it is an institution noun.
    Then an unnamed "the government" joins its state (``merge_state_government``).

    >>> from briefs.backends.rules.names import Mention
    >>> def body(name: str) -> Entity:
    ...     found = [Mention(0, 1, name, 0, "organization", name)]
    ...     return Entity(name, "organization", mentions=found)
    >>> names = ("Queensland Government", "Government", "Police", "Italian coast guard",
    ...          "Coast Guard")
    >>> found = {n: body(n) for n in names}
    >>> merge_bare_bodies(found, {"government", "police"})
    >>> sorted(found)
    ['Italian coast guard', 'Police', 'Queensland Government']
    """
    bodies = [e for e in entities.values() if e.kind in ("organization", "other")]
    for bare in bodies:
        low = [w.lower() for w in bare.words()]
        if len(low) == 1 and low[0] not in nouns:
            continue
        full = [
            e
            for e in bodies
            if e is not bare
            and e.name in entities
            and len(e.words()) > len(low)
            and [w.lower() for w in e.words()][-len(low) :] == low
        ]
        if len(full) != 1 or bare.name not in entities:
            continue
        for m in bare.mentions:
            full[0].add(m)
        full[0].positions += bare.positions
        del entities[bare.name]
    merge_state_government(entities)


def last_named(people: list[Entity], recent: list[Entity]) -> list[Entity]:
    """Of two or more people who share a surname, the one named last (in ``recent``,
    oldest first) as the owner of a bare surname: "Sterling" after Donald, then
    Shelly Sterling. A name written in full only in sentences where another of them
    is written in full too is a caption run into the text ("contract at Wembley
    Henderson's new deal" beside "Jordan Henderson") and never the owner.

    >>> from briefs.backends.rules.names import Mention
    >>> def person(name: str, *sentences: int) -> Entity:
    ...     found = [Mention(0, 1, name, s, "person", name, tokens=name.split()) for s in sentences]
    ...     return Entity(name, "person", mentions=found)
    >>> jordan, wembley = person("Jordan Henderson", 0, 4), person("Wembley Henderson", 4)
    >>> [e.name for e in last_named([jordan, wembley], [jordan, wembley])]
    ['Jordan Henderson']
    """

    def full(e: Entity) -> set[int]:
        return {m.sentence for m in e.mentions if len(m.tokens) >= 2}

    owners = [
        e for e in people if not full(e) <= set().union(*(full(o) for o in people if o is not e))
    ]
    return [e for e in recent if e in owners][-1:]


def merge_state_government(entities: dict[str, Entity]) -> None:
    """An unnamed "the government" is the state of the one country the article makes
    act (the subject of a verb, named twice): one actor, the country ("Argentina
    ... the government has offered creditors"). With no such country, or two, it
    stays apart.

    >>> from briefs.backends.rules.names import Mention
    >>> gov = Entity("government", "organization")
    >>> gov.add(Mention(30, 44, "the government", 1, "generic", "government"))
    >>> ar = Entity("Argentina", "country")
    >>> for i in (0, 1):
    ...     m = Mention(i * 10, i * 10 + 9, "Argentina", i, "country", "Argentina")
    ...     m.subject = True
    ...     ar.add(m)
    >>> found = {"government": gov, "Argentina": ar}
    >>> merge_state_government(found)
    >>> sorted(found), len(ar.mentions)
    (['Argentina'], 3)
    """
    bare = entities.get("government")
    if bare is None or any(m.hint not in ("generic", "pronoun") for m in bare.mentions):
        return
    states = [
        e
        for e in entities.values()
        if e.kind == "country"
        and sum(m.hint == "country" for m in e.mentions) >= 2
        and any(m.subject for m in e.mentions)
    ]
    if len(states) != 1:
        return
    for m in bare.mentions:
        states[0].add(m)
    states[0].positions += bare.positions
    del entities[bare.name]


def affiliations(entities: dict[str, Entity]) -> set[str]:
    """The organisations a person who takes a position leads (the role names the body
    and a leading post: "CBI chief economist Ian McCafferty said ...", "Carlos Baez
    Silva, president of AARA, said ..."): the body is an actor of the story too. A
    spokesperson or an analyst at a firm does not make the firm one.

    >>> from briefs.backends.rules.names import Mention
    >>> def org(name: str) -> Entity:
    ...     return Entity(name, "other", mentions=[Mention(0, 3, name, 0, "acronym", name)])
    >>> people = {"Ian McCafferty": Entity("Ian McCafferty", "person", "CBI chief economist",
    ...                                    positions=1),
    ...           "John Reade": Entity("John Reade", "person", "analyst at UBS", positions=1),
    ...           "CBI": org("CBI"), "UBS": org("UBS")}
    >>> sorted(affiliations(people))
    ['CBI']
    """
    roles = [
        e.role
        for e in entities.values()
        if e.kind == "person"
        and e.role
        and e.positions
        and any(w in e.role.lower().split() for w in words("leader_nouns"))
    ]
    out: set[str] = set()
    for entity in entities.values():
        if entity.kind not in ("organization", "other") or not any(
            m.label == "ORG" or m.hint in ("organization", "acronym", "institution")
            for m in entity.mentions
        ):
            continue
        forms = [entity.name, *entity.aliases, entity.acronym or ""]
        if any(
            f and re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", role)
            for f in forms
            for role in roles
        ):
            out.add(entity.name)
    return out
