"""Mentions checked against the parser's named entities and dependencies.

The capitalised-run rules (``mentions.py``) know titles, organisations and the
country gazetteer; spaCy's entity recogniser knows people and places the word
lists do not. Combined:

- each mention carries the recogniser's label, so that an actor only ever called a
  place (a location, facility, or a town the gazetteer does not know as a country
  or capital: "the Far East", "Aleppo") is not listed as one (``is_place``);
- a run the rules could not place but the recogniser calls a person becomes a
  person, with a leading country adjective and title cut off as the role
  ("Russian Lt Gen Viktor Poznikhir" -> Viktor Poznikhir, role "Lt Gen");
- a demonym the gazetteer spells otherwise ("Argentine" for "Argentinean") names
  its country;
- a group named by a common noun that speaks ("ministers said", "private creditors
  want") is a collective actor.
"""

from __future__ import annotations

import re

from briefs.backends.rules.bounds import person_tail
from briefs.backends.rules.document import Entity, Sentence, Token
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.names import Mention, is_cap, strip_title
from briefs.backends.rules.wordbook import words

__all__ = [
    "collectives",
    "country_of_demonym",
    "is_place",
    "merge_organisations",
    "organisation_by_label",
    "person_by_label_is_organisation",
    "refine",
]

_PLAIN = re.compile(r"^[\w .'’&-]+$")
_RUN_BEFORE = re.compile(r"[A-Z][\w.]* (?:for|of|and) $")
_PREFIX = 6
_CLAUSAL = ("SCONJ", "ADV", "AUX", "VERB", "PRON")
_PLACE_SHARE = 0.6  # letters a demonym shares with its country's name or adjective


def country_of_demonym(word: str, lex: Lexicon) -> str | None:
    """The country a demonym names, also when spelt unlike the gazetteer's adjective
    (by the first letters of a one-word name: "Christian" is no Christmas Islander).

    >>> from briefs.backends.rules.lexicon import lexicon
    >>> country_of_demonym("Argentine", lexicon()), country_of_demonym("Danish", lexicon())
    ('Argentina', 'Denmark')
    >>> [country_of_demonym(w, lexicon()) for w in ("Christian", "Western", "Frenchman")]
    [None, None, None]
    """
    if word in lex.adjectives:
        return lex.adjectives[word]
    if len(word) < _PREFIX + 1 or word.lower().endswith(tuple(words("person_demonym_endings"))):
        return None  # "the Frenchman": a person, not France
    hits = {
        country
        for form, country in [*lex.adjectives.items(), *((c, c) for c in lex.countries)]
        if form[:_PREFIX] == word[:_PREFIX] and " " not in form
    }
    return hits.pop() if len(hits) == 1 else None


def _overlap(m: Mention, entities: tuple[Entity, ...]) -> Entity | None:
    found = [e for e in entities if e.start < m.end and m.start < e.end]
    return max(found, key=lambda e: e.end - e.start) if found else None


def _known(m: Mention, lex: Lexicon) -> bool:
    return m.name in lex.country_forms or m.name in lex.institutions


def refine(sent: Sentence, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """``mentions`` of ``sent`` corrected by the entity recogniser (see the module)."""
    out: list[Mention] = []
    for m in merge_organisations(sent, mentions):
        if m.hint in ("generic", "pronoun", "group"):
            out.append(m)
            continue
        ent = _overlap(m, sent.entities)
        label = ent.label if ent is not None else ""
        m.label = label
        _drop_repeat(m)
        if label == "NORP" and m.hint == "other" and len(m.tokens) <= 1:
            country = country_of_demonym(m.text, lex)
            if country is not None:
                m.hint, m.name, m.country_how = "country", country, "demonym"
        elif label == "PERSON" and m.hint == "other" and ent is not None:
            _as_person(m, ent, sent, lex)
        elif m.hint == "other" and (tail := person_tail(m, sent)) is not None:
            m.label = "PERSON"  # "Yankee Hall of Famer Reggie Jackson": the role before
            m.role = sent.text[m.start - sent.start : tail.start - sent.start].strip()
            m.hint, m.start, m.text, m.name = "person", tail.start, tail.text, tail.text
            m.tokens, m.has_title = tail.text.split(), True
        out.append(m)
    return out


def _drop_repeat(m: Mention) -> None:
    """ "Muto Muto tussles with ...": a caption run into the text repeats the name at
    the seam; the mention is the name once."""
    parts = m.text.split()
    if len(parts) >= 2 and parts[0] == parts[1]:
        m.end = m.start + len(parts[0])
        m.text = m.name = parts[0]
        m.tokens = [parts[0]]


def merge_organisations(sent: Sentence, mentions: list[Mention]) -> list[Mention]:
    """One mention for an organisation the recogniser reads whole where the capitalised
    runs break at a small word ("Save the Children", "Doctors without Borders"), not
    two names a clause apart the recogniser reads as one ("at Southampton when Arsenal"):

    >>> import briefs
    >>> [a.name for a in briefs.generate_brief("Wenger said Cole was sent off at Southampton "
    ...     "when Arsenal had a numerical advantage. Cole said he was sorry. Arsenal said "
    ...     "the player would be fined.").actors]
    ['Cole', 'Arsenal', 'Wenger']
    """
    out = list(mentions)
    for ent in sent.entities:
        if ent.label != "ORG" or ent.last - ent.first < 3 or not _PLAIN.match(ent.text):
            continue
        if _RUN_BEFORE.search(sent.text[: ent.start - sent.start]) or any(
            ent.start < t.start < ent.end and t.value.islower() and t.pos in _CLAUSAL
            for t in sent.tokens
        ):  # a longer name's tail ("UN Office for the Coordination of ..."); two names
            continue  # a clause apart ("sent off at Southampton when Arsenal had ...")
        inside = [m for m in out if ent.start <= m.start and m.end <= ent.end]
        straddling = [m for m in out if m.start < ent.end and ent.start < m.end]
        if len(inside) < 2 or len(straddling) != len(inside):
            continue
        text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        start = ent.end - len(text)
        merged = Mention(
            start, ent.end, text, sent.index, "organization", text, tokens=text.split(), label="ORG"
        )
        out = [m for m in out if m not in inside] + [merged]
    return sorted(out, key=lambda m: m.start)


def organisation_by_label(mentions: list[Mention]) -> bool:
    """Whether an actor the word lists could not place ("Chelsea") is named at least
    three times and mostly called an organisation by the recogniser."""
    labelled = [m.label for m in mentions if m.label]
    return len(labelled) >= 3 and labelled.count("ORG") * 2 > len(labelled)


def person_by_label_is_organisation(mentions: list[Mention]) -> bool:
    """Whether an actor the word lists read as a person (two to four capitalised words,
    no title or role) is an organisation by the recogniser: its full name labelled ORG
    and most of its labelled mentions ORG, or none PERSON nor short ("Borussia
    Dortmund", "English Heritage"; a person once called ORG is called PERSON, or
    named by surname, elsewhere).

    >>> from briefs.backends.rules.names import Mention
    >>> def m(text: str, label: str) -> Mention:
    ...     return Mention(0, len(text), text, 0, "person", text, label=label)
    >>> person_by_label_is_organisation([m("Borussia Dortmund", "ORG")])
    True
    >>> person_by_label_is_organisation([m("Nadia Kessler", "ORG"), m("Kessler", "PERSON")])
    False
    """
    if any(m.has_title or m.role for m in mentions):
        return False
    labelled = [m.label for m in mentions if m.label]
    full = [m.label for m in mentions if m.label and len(m.text.split()) >= 2]
    alone = "PERSON" not in labelled and len(full) == len(labelled)  # never cut to a surname
    return "ORG" in full and (2 * labelled.count("ORG") > len(labelled) or alone)


def is_place(mentions: list[Mention], lex: Lexicon) -> bool:
    """Whether an actor's named mentions are mostly places by the recogniser's labels
    (a town it also reads as a nationality, "Aleppo", included; the small model's
    labels vary between mentions of one name, so the majority decides)."""
    labelled = [m for m in mentions if m.label]
    places = words("place_labels") | {"GPE"}
    placed = [m for m in labelled if m.label in places | {"NORP"}]
    return (
        any(m.label in places for m in labelled)
        and len(placed) >= _PLACE_SHARE * len(labelled)
        and not any(_known(m, lex) or m.has_title for m in labelled)
    )


def _as_person(m: Mention, ent: Entity, sent: Sentence, lex: Lexicon) -> None:
    """A run the rules left unplaced, named a person by the recogniser."""
    toks = [t for t in sent.tokens if m.start <= t.start and t.end <= m.end]
    names = [t.value for t in toks]
    lead: list[str] = []
    while names and names[0] in lex.adjectives:
        lead.append(names.pop(0))
    title, rest = strip_title(names, lex)
    if not 2 <= len(rest) <= 4 or not all(is_cap(w) for w in rest):
        return  # a single word stays a surname (or a place) until resolved
    first = toks[len(toks) - len(rest)]
    m.hint, m.tokens = "person", rest
    m.start, m.text = first.start, sent.text[first.start - sent.start : m.end - sent.start]
    m.name = m.text
    if title:
        m.title, m.has_title = title, True
        m.role = " ".join([*lead, title]) if lead else title


def _phrase(sent: Sentence, noun: Token) -> tuple[Token, Token]:
    """The noun with its adjectives and compounds in front ("private creditors")."""
    first = noun
    for t in reversed([t for t in sent.tokens if t.end <= noun.start]):
        if t.lower in ("cent", "percent"):
            break  # "70 per cent experts": a share, not a kind of experts
        if t.head == noun.index and t.dep in ("amod", "compound") and t.pos in ("ADJ", "NOUN"):
            first = t
        else:
            break
    return first, noun


_GROUP_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "conj")


def collectives(sent: Sentence, lex: Lexicon) -> list[Mention]:
    """Groups named by a plural common noun, not owned by another ("its members"):
    "Ministers said the plan would go ahead" -> a group mention "Ministers" that
    speaks; "failed to pay private creditors" -> one that does not. Whether the group
    is an actor is decided over the whole article (it speaks and is named more than
    once, or it is named again and again).

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("Private creditors said the offer was too low.").sentences[0]
    >>> [(m.name, m.speaks) for m in collectives(s, lexicon())]
    [('Private creditors', True)]
    >>> s = build("Argentina failed to pay private creditors in 2001.").sentences[0]
    >>> [(m.name, m.speaks) for m in collectives(s, lexicon())]
    [('Private creditors', False)]
    >>> s = build("The union said its members would strike.").sentences[0]
    >>> collectives(s, lexicon())
    []
    """
    out: list[Mention] = []
    by_index = {t.index: t for t in sent.tokens}
    for t in sent.tokens:
        if t.dep not in _GROUP_DEPS or t.lower not in words("collective_nouns"):
            continue
        head = by_index.get(t.head)
        subject = t.dep in ("nsubj", "nsubjpass")
        if head is None or (subject and head.pos not in ("VERB", "AUX")):
            continue
        if any(
            c.head == t.index and (c.dep in ("poss", "nummod") or c.lower == "both")
            for c in sent.tokens
        ):
            continue  # "its members": part of another; "the two companies": named ones
        first, last = _phrase(sent, t)
        before = [p for p in sent.tokens if p.end <= t.start and p.head == t.index]
        owner = before[-1] if before and before[-1].dep in ("compound", "amod") else None
        if (
            owner is not None
            and owner.value in lex.country_forms
            and t.lower in words("state_voices")
        ):  # "U.S. officials said": the state speaking
            text = sent.text[owner.start - sent.start : t.end - sent.start]
            out.append(
                Mention(
                    owner.start,
                    t.end,
                    text,
                    sent.index,
                    "country",
                    lex.country_forms[owner.value][0],
                    country_how="alias",
                    speaks=head.value.lower() in lex.speech_verbs,
                )
            )
            continue
        if first is not t and (first.pos == "PROPN" or first.value in lex.adjectives):
            continue  # "Russian peacekeepers", "Labour MPs": the capitalised rules name them
        text = sent.text[first.start - sent.start : last.end - sent.start]
        name = text[:1].upper() + text[1:]
        out.append(
            Mention(
                first.start,
                last.end,
                text,
                sent.index,
                "group",
                name,
                tokens=name.split(),
                collective=True,
                speaks=subject and head.value.lower() in lex.speech_verbs,
                subject=subject,
            )
        )
    return out
