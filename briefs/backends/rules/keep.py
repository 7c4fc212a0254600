"""Which resolved actors the brief lists, and of what kind.

An actor is kept for what it does in the article, not for how often it is named:
it speaks (a position), it is the subject of verbs, it holds a role, or it acts in
the lead (the first two sentences of the body). Places, works and characters are
never actors.
"""

from __future__ import annotations

from briefs.backends.rules.cast import Entity
from briefs.backends.rules.entities import is_place, organisation_by_label
from briefs.backends.rules.kinds import is_work, named_person
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.wordbook import words

__all__ = ["is_actor", "kind_of", "named_place"]

_PLACE_LAST = words("place_last_words")
_BODIES = words("public_body_heads")
_PROXIES = words("proxy_voices")  # who speak for another: "officials", "lawyers"


def public_body(entity: Entity) -> bool:
    """Whether an organisation is a public body by a word of its name (a department,
    office, committee, court, hospital, police, rescue or guard service): named even
    once, it acts on the story or is its source ("the Department of Transport said",
    "taken to Ipswich Hospital", "Queensland Fire and Rescue crews used cutting gear").

    >>> public_body(Entity("Ipswich Hospital", "organization"))
    True
    >>> public_body(Entity("Premier League", "organization")), public_body(Entity("House", "other"))
    (False, False)
    """
    parts = entity.words()
    return entity.kind == "organization" and len(parts) >= 2 and bool(set(parts) & _BODIES)


def _kept_kind(entity: Entity) -> str:
    """The kind that decides whether an actor is kept: an unplaced name the
    recogniser calls an organisation three times or more is one ("Chelsea")."""
    if entity.kind == "other" and organisation_by_label(entity.mentions):
        return "organization"
    return entity.kind


def kind_of(entity: Entity) -> str:
    """The kind the brief gives. An actor kept as neither person nor body (it speaks)
    takes the recogniser's word for it: an organisation when most of its labelled
    mentions are ORG ("CBI", "Audi", "Nationwide said"), a person when all of them
    are PERSON ("Mullin said", "Mozart").

    >>> from briefs.backends.rules.names import Mention
    >>> def actor(*labels: str) -> Entity:
    ...     found = [Mention(0, 3, "CBI", 0, "acronym", "CBI", label=x) for x in labels]
    ...     return Entity("CBI", "other", mentions=found)
    >>> kind_of(actor("ORG")), kind_of(actor("PERSON", "PERSON")), kind_of(actor("PERSON", "ORG"))
    ('organization', 'person', 'other')
    """
    kind = _kept_kind(entity)
    labels = [m.label for m in entity.mentions if m.label]
    if kind == "other" and labels and 2 * labels.count("ORG") > len(labels):
        return "organization"
    if kind == "other" and labels and all(x == "PERSON" for x in labels):
        return "person"
    return kind


def named_place(name: str, lex: Lexicon) -> bool:
    """Whether a name ends in a word for a street, an estate or a building that is no
    body ("Mugga Way", "Woodhill Prison", "Windsor Castle"; "Kanye West" ends in a
    compass word, not a place word; "Gatwick Airport" is an organisation head).

    >>> from briefs.backends.rules.lexicon import lexicon
    >>> named_place("Woodhill Prison", lexicon()), named_place("Kanye West", lexicon())
    (True, False)
    """
    parts = name.split()
    return len(parts) >= 2 and parts[-1] in _PLACE_LAST and parts[-1] not in lex.org_heads


def is_actor(entity: Entity, lex: Lexicon, lead: frozenset[int] = frozenset()) -> bool:
    """Whether ``entity`` is an actor of the story; ``lead`` holds the indexes of
    the body's first two sentences. An organisation that does not speak is one when
    it is named twice and acts (the subject of a verb) or is named in the lead; one
    only named in passing is not ("the Champions League", "a grant from the Heritage
    Lottery Fund", "the European Convention on Human Rights"):

    >>> import briefs
    >>> brief = briefs.generate_brief(
    ...     "Harbour Trust chief Anna Berg said the repairs would start in May. Berg said "
    ...     "the work was overdue. The pier was built with money from the Heritage Lottery "
    ...     "Fund, and a grant from the Heritage Lottery Fund paid for its roof.")
    >>> [a.name for a in brief.actors]
    ['Anna Berg', 'Harbour Trust']

    A person the recogniser names twice is no place, however often it reads the bare
    surname as one ("Mesut Ozil" twice PERSON, "Ozil" three times GPE):

    >>> from briefs.backends.rules.lexicon import lexicon
    >>> from briefs.backends.rules.names import Mention
    >>> ozil = Entity("Mesut Ozil", "person")
    >>> for text, label in [("Mesut Ozil", "PERSON")] * 2 + [("Ozil", "GPE")] * 3:
    ...     ozil.add(Mention(0, len(text), text, 5, "person", text, label=label, subject=True))
    >>> is_actor(ozil, lexicon())
    True
    """
    labels = [m.label for m in entity.mentions if m.label]
    body = entity.positions > 0 and 3 * labels.count("ORG") >= len(labels) > 0
    if entity.kind == "person" and labels.count("PERSON") >= 2:
        body = True  # "Mesut Ozil" twice a person, though "Ozil" is read GPE three times
    if entity.kind in ("person", "other") and not body and is_place(entity.mentions, lex):
        return False  # "Aleppo", "the Far East": where things happen, not who acts (but a
        # company the small model reads as a town, and which speaks, is a body: "Xstrata")
    if entity.kind != "country" and entity.positions == 0 and named_place(entity.name, lex):
        return False  # "Mugga Way", "Brisbane Valley Highway": a place by its last word
    named = [m for m in entity.mentions if m.hint not in ("generic", "pronoun")]
    placed = named and all(m.placed and not m.subject for m in named)
    if entity.kind == "other" and entity.positions == 0 and placed:
        return False  # "ten days in Lanzarote", "flew to Lanzarote": only ever a place
    if entity.positions == 0 and is_work(entity.mentions):
        return False  # "Gone With The Wind": a title talked about
    if any(m.played for m in entity.mentions):
        return False  # "she played Scarlett O'Hara": a character, not someone who acts
    if all(m.collective for m in entity.mentions):
        # "ministers", "holidaymakers": a group that speaks, and is named again; a
        # group only talked about ("tablets in 9% of schools") is none, however often.
        # A group with a position of its own ("Analysts said the deal ...") is one,
        # unless it is the voice of another ("officials said", "lawyers for ...")
        subjects = sum(m.subject for m in entity.mentions)
        if entity.positions > 0 and entity.name.split()[-1].lower() not in _PROXIES:
            return True
        if len(entity.mentions) >= 3 and subjects >= 2 and any(m.sentence in lead for m in named):
            return True  # the lead's "desperate migrants" who then act: "Most migrants ..."
        return any(m.speaks for m in entity.mentions) and subjects >= 2
    if not named and entity.name == "government":
        # "the government", named no other way and not its country's (cast.py): an
        # actor when it acts or recurs ("inflict defeats on the government")
        return len(entity.mentions) >= 3 or any(m.subject for m in entity.mentions)
    if _kept_kind(entity) == "other":
        return entity.positions > 0
    if entity.positions > 0:
        return True
    if (
        _kept_kind(entity) == "organization"
        or (entity.kind == "person" and named_person(entity.mentions))
    ) and any(m.subject and m.sentence in lead for m in named):
        return True  # "HM Inspectorate of Probation found delays ...": acts in the lead
    if entity.kind == "person":
        return bool(named) and (len(named) >= 2 or entity.role is not None)
    if entity.kind == "country":
        # a country that acts (the subject of a verb); the setting, however often
        # named ("in the UK"), is no actor
        return len(named) >= 2 and any(m.subject for m in named)
    if entity.kind == "group":  # "Russian peacekeepers": a described collective
        return len(named) >= 1
    if public_body(entity) and any(m.label == "ORG" for m in named):
        return True  # "Companies House", "Queensland Fire and Rescue crews used ..."
    referred = len(entity.mentions)  # "the union", "it" count for organisations
    named_enough = len(named) >= 2 or (
        len(named) >= 1 and (referred >= 2 or entity.acronym is not None)
    )
    return named_enough and any(m.subject or m.sentence in lead for m in entity.mentions)
