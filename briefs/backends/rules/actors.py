"""Group mentions into actors: aliases merged, definite descriptions resolved.

Named mentions create actors (countries, institutions, organisations, people);
surnames, acronyms, capitals, demonyms and "the union"-style descriptions are
then attached to the actor they refer to, in document order.
"""

from __future__ import annotations

import re

from briefs.backends.rules.bounds import bare_possessive, one_owned_name
from briefs.backends.rules.captions import glued_captions
from briefs.backends.rules.cast import (
    Entity,
    affiliations,
    last_named,
    merge_acronyms,
    merge_bare_bodies,
)
from briefs.backends.rules.family import adult_title, is_child, kin_given_name, rename
from briefs.backends.rules.kinds import given_name, named_person, settle_kinds, title_in_name
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.mentions import Mention
from briefs.backends.rules.roles import holds
from briefs.backends.rules.wordbook import words

__all__ = ["Entity", "affiliations", "resolve_entities"]

_FIRST_NAME_TITLES = words("first_name_titles")  # "Sir Michael" for Sir Michael Wilshaw
_INSTITUTION_NOUNS = words("institution_nouns")  # "the government": an actor unnamed


def _key(text: str) -> str:
    text = text.strip()
    return text[4:] if text.lower().startswith("the ") else text


class _Resolver:
    def __init__(self, lex: Lexicon, lowercase_words: set[str], text: str = "") -> None:
        self.lex = lex
        self.text = text
        self.lowercase_words = lowercase_words
        self.entities: dict[str, Entity] = {}
        self.by_surface: dict[str, str] = {}

    def _country_named(self, country: str) -> bool:
        """Whether the article names the country itself (or its people) somewhere."""
        info = self.lex.countries[country]
        forms = [country, *info.aliases, info.adjective or ""]
        return any(f and f in self.text for f in forms) or country in self.lex.famous_capitals

    def _described(self, entity: Entity, noun: str) -> bool:
        """Whether the article puts ``noun`` right before a name of ``entity`` ("the
        charity Save the Children", "Anti-corruption group Clean Contracts Watch")."""
        return any(
            self.text[: m.start].rstrip().lower().endswith(noun)
            for m in entity.mentions
            if m.hint not in ("generic", "pronoun")
        )

    def _get(self, name: str, kind: str, role: str | None = None) -> Entity:
        entity = self.entities.get(name)
        if entity is None:
            entity = Entity(name=name, kind=kind, role=role)
            self.entities[name] = entity
        return entity

    def named(self, m: Mention) -> None:
        lex = self.lex
        if m.hint == "institution":
            inst = lex.institution(m.name, m.tokens)
            if inst is None:  # a described institution no entry names
                self._get(m.name, "organization").add(m)
            else:
                self._get(inst.name, inst.kind, inst.role).add(m)
        elif m.hint == "country":
            country, how = lex.country_forms[m.name]
            if how == "capital" and not self._country_named(country):
                # a capital that is also a name ("Hamilton", "Victoria"): not a metonym
                # here; "Ms Hamilton" after "Helen Hamilton" is her surname
                people = [
                    e
                    for e in self.entities.values()
                    if e.kind == "person" and e.words()[-1] == m.name
                ]
                (people[0] if len(people) == 1 else self._get(m.name, "other")).add(m)
                return
            self._get(country, "country").add(m)
        elif m.hint in ("organization", "group"):
            surface = _key(m.name)
            if (
                m.sentence_initial
                and len(m.tokens) == 1
                and surface.lower() in self.lowercase_words
            ):
                return  # "Government whips spent ...": a common noun at a sentence start
            if len(m.tokens) == 1 and surface.lower() not in self.by_surface:
                heads = [
                    e
                    for e in self.entities.values()
                    if e.kind == "organization" and len(e.words()) > 1 and e.words()[0] == surface
                ]
                if len(heads) == 1:  # "the Bank" after "the Bank of England"
                    heads[0].add(m)
                    return
            # "private creditors" and "the creditors": one group, by its noun
            key = f"group:{surface.split()[-1].lower()}" if m.collective else surface.lower()
            target = self.by_surface.get(key)
            entity = self.entities[target] if target else self._get(surface, m.hint)
            entity.add(m)
            self.by_surface[key] = entity.name
            if m.acronym:
                entity.acronym = m.acronym
                self.by_surface[m.acronym.lower()] = entity.name
                if m.acronym not in entity.aliases:
                    entity.aliases.append(m.acronym)
            self.by_surface[surface.lower()] = entity.name
        elif m.hint == "person" and len(m.tokens) >= 2:
            n = len(m.tokens)
            for entity in self.entities.values():
                words = entity.words()
                low = [w.lower() for w in words]
                toks = [t.lower() for t in m.tokens]
                if (
                    entity.kind == "person"
                    and low[-1] == toks[-1]
                    and (
                        low[0] == toks[0]
                        or low[-n:] == toks  # "Baez Silva", "Al-Hamadi"
                        or (len(low) >= 2 and toks[-len(low) :] == low)  # "Tourist Tim Weston"
                    )
                ):
                    entity.add(m)
                    return
            self._get(m.name, "person", m.role).add(m)

    def later(self, m: Mention, recent: list[Entity]) -> None:
        """Single names, acronyms and descriptions, resolved against what came before."""
        if m.entity is not None or m.hint == "pronoun":
            return
        if m.hint == "generic":
            for entity in reversed(recent):
                if entity.kind == "country":
                    continue
                role = (entity.role or "").lower()
                names = [w.lower() for w in entity.words()]
                if m.name in names or m.name.split()[-1] in names or holds(role, m.name):
                    entity.add(m)
                    return
            if m.name in words("organisation_nouns"):  # "the group": the last organisation
                orgs = [
                    e
                    for e in recent
                    if e.kind in ("organization", "other")
                    and e.name[:1].isupper()
                    and e.name not in words("news_outlets")  # "told CNN the group fears"
                ]
                described = [e for e in orgs if self._described(e, m.name)]
                if described or orgs:
                    (described or orgs)[-1].add(m)
                    return
            if m.name in _INSTITUTION_NOUNS:  # "the government" with no named antecedent
                self._get(m.name, "organization").add(m)
            return
        surface = _key(m.name)
        target = self.by_surface.get(surface.lower())
        if target:
            self.entities[target].add(m)
            return
        before = self.text[max(0, m.start - 6) : m.start].split()  # "Sir " or "Dame "
        if len(m.tokens) <= 1 and before and before[-1] in _FIRST_NAME_TITLES:
            knights = [
                e for e in self.entities.values() if e.kind == "person" and e.words()[0] == surface
            ]
            if len(knights) == 1:  # "Sir Michael" after "Sir Michael Wilshaw": his first name
                knights[0].add(m)
                return
        if len(m.tokens) <= 1:
            # "Norrbrook" alone after "Norrbrook Foods": a company, not a person
            firsts = [
                e
                for e in self.entities.values()
                if e.kind == "person"
                and not e.role
                and len(e.words()) > 1
                and e.words()[0] == surface
            ]
            if len(firsts) == 1 and given_name(firsts[0].mentions, m):
                firsts[0].add(m)  # "Alexis" after "Alexis Randock": her given name
                return
            if len(firsts) == 1:
                firsts[0].kind = "organization"
                self.by_surface[surface.lower()] = firsts[0].name
                firsts[0].add(m)
                return
        parts = [w.lower() for w in surface.replace("-", " ").split()]
        people = [
            e
            for e in self.entities.values()
            if e.kind == "person" and [w.lower() for w in e.words()][-len(parts) :] == parts
        ]
        if len(people) == 1 and len(parts) > 1:  # "Al-Hamadi" for "Youssef al-Hamadi"
            people[0].add(m)
            return
        last = surface.split()[-1]
        people = [e for e in self.entities.values() if e.kind == "person" and e.words()[-1] == last]
        if len(people) > 1:  # "Nicolas Almagro" and a caption's "PSG Almagro": the one
            people = [e for e in people if named_person(e.mentions)] or people  # named a person
        if adult_title(m, self.text):  # "Mr Hayward" is not "Four-year-old James Hayward"
            people = [e for e in people if not is_child(e, self.text)]
            kin = kin_given_name(list(self.entities.values()), m, self.text)
            if not people and kin is not None:  # but "Dad Phil", now Phil Hayward
                rename(self.entities, kin, f"{kin.name} {last}").add(m)
                return
        if len(m.tokens) <= 1 and len(people) > 1 and all(named_person(e.mentions) for e in people):
            people = last_named(people, recent)  # "Sterling": the Sterling named last
        if len(m.tokens) <= 1 and len(people) == 1:
            people[0].add(m)
            return
        orgs = [
            e
            for e in self.entities.values()
            if e.kind in ("organization", "group")
            and e.words()[0] == surface.split()[0]
            and len(surface.split()) < len(e.words())
        ]
        if len(orgs) == 1:
            orgs[0].add(m)
            return
        if m.hint in ("person", "other", "acronym"):
            if (
                m.hint != "person"
                and len(m.tokens) == 1
                and m.sentence_initial
                and (surface.lower() in self.lowercase_words)
            ):
                return  # "Committee ..." at a sentence start: a common noun
            if title_in_name(m, self.text):
                return  # "win the General Election": a title word in a name, no General
            kind = "person" if m.hint == "person" or m.has_title else "other"
            self._get(surface, kind, m.role).add(m)


def resolve_entities(
    sentences: list[list[Mention]], lex: Lexicon, text: str = ""
) -> dict[str, Entity]:
    """Actors from the mentions of each sentence (mentions get ``entity`` set).

    A surname that is also a capital is the person's ("Ms Hamilton" after "Helen
    Hamilton"); of two people with one surname, a bare surname goes to the one the
    recogniser calls a person (a caption run into the text makes "PSG Almagro"):

    >>> import briefs
    >>> def actors(text: str) -> list[str]:
    ...     return [a.name for a in briefs.generate_brief(text).actors]
    >>> actors("Helen Hamilton runs the workshops. Ms Hamilton said the pupils love them.")
    ['Helen Hamilton']
    >>> "Almagro" in actors("Rafael Nadal beat Nicolas Almagro on Wednesday. Almagro had "
    ...     "won before. Neymar scored vs PSG Almagro could not repeat that. Almagro was tired.")
    False

    Of two people named in full with one surname, a bare surname is the one named last
    (two who share a surname stay apart, and no third actor "Sterling" is made):

    >>> actors("Donald Sterling owns the Clippers. Sterling said he would fight the ban. "
    ...     "His wife Shelly Sterling said she would keep her share. Sterling told "
    ...     "reporters the team was hers.")
    ['Shelly Sterling', 'Donald Sterling']
    """
    lowercase = {w for w in re.findall(r"\b[a-z][a-z'-]+\b", text)}
    resolver = _Resolver(lex, lowercase, text)
    for m in (everyone := [m for mentions in sentences for m in mentions]):
        bare_possessive(m, text)
    one_owned_name(everyone)
    glued_captions(everyone)
    for mentions in sentences:
        for m in mentions:
            if m.hint in ("institution", "country", "organization", "group") or (
                m.hint == "person" and len(m.tokens) >= 2
            ):
                resolver.named(m)
    recent: list[Entity] = []
    for mentions in sentences:
        for m in mentions:
            resolver.later(m, recent)
            if m.entity is not None:
                entity = resolver.entities[m.entity]
                if entity in recent:
                    recent.remove(entity)
                recent.append(entity)
    merge_acronyms(resolver.entities)
    merge_bare_bodies(resolver.entities, _INSTITUTION_NOUNS)  # and the state's government
    settle_kinds(list(resolver.entities.values()), text)
    return resolver.entities
