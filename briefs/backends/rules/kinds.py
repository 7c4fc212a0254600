"""What kind of thing an actor is, read from the recogniser's labels and the parse:
a person the recogniser names as one, and a character an actor plays."""

from __future__ import annotations

import re

from briefs.backends.rules.cast import Entity
from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.entities import person_by_label_is_organisation
from briefs.backends.rules.names import Mention
from briefs.backends.rules.wordbook import words

__all__ = [
    "demonym_person",
    "described_as_person",
    "event_name",
    "given_name",
    "is_work",
    "mark_parts",
    "named_person",
    "settle_kinds",
    "state_subject",
    "surname_person",
    "title_in_name",
]

_PLAY = words("role_playing_verbs")
_SCREEN = words("screen_nouns")
_STATE = words("state_voices")


def named_person(mentions: list[Mention]) -> bool:
    """Whether the recogniser calls a full (two-word or longer) name of the actor a
    person: then a bare first name after it is that person's given name ("Alexis"
    after "Alexis Randock", "Scarlett's nanny" after "Scarlett O'Hara"), not the
    short name of a company ("Norrbrook" after "Norrbrook Foods", labelled ORG).

    >>> def m(text: str, label: str) -> Mention:
    ...     return Mention(0, len(text), text, 0, "person", text, label=label)
    >>> named_person([m("Alexis Randock", "PERSON")]), named_person([m("Norrbrook Foods", "ORG")])
    (True, False)
    """
    return any(m.label == "PERSON" and len(m.text.split()) >= 2 for m in mentions)


def given_name(mentions: list[Mention], bare: Mention) -> bool:
    """Whether a bare word that opens a person's full name is the given name: the
    full name is labelled a person ("Freddie" after "Freddie Ljungberg", though the
    small model reads "Freddie" as ORG), or the bare word is labelled, not ORG, and
    no mention is ORG ("Usain" after "Usain Bolt", both read GPE; the small model
    reads given names as places, never as dates or nationalities: "Islamic"). Else it is the
    short name of a company ("Norrbrook" after "Norrbrook Foods").

    >>> def m(text: str, label: str) -> Mention:
    ...     return Mention(0, len(text), text, 0, "person", text, label=label)
    >>> given_name([m("Freddie Ljungberg", "PERSON")], m("Freddie", "ORG"))
    True
    >>> given_name([m("Usain Bolt", "GPE")], m("Usain", "GPE"))
    True
    >>> given_name([m("Norrbrook Foods", "ORG")], m("Norrbrook", ""))
    False
    >>> given_name([m("Christmas Day", "DATE")], m("Christmas", "DATE"))
    False
    """
    if named_person(mentions):
        return True
    return bare.label in words("name_labels") and all(x.label != "ORG" for x in mentions)


def event_name(mentions: list[Mention]) -> bool:
    """Whether a name the word lists read as a person (two capitalised words, no
    title) is an event, a work, a law, a product or a day by the recogniser: its
    full name labelled so somewhere, no mention a person ("The US Open champion
    fell", "the Genesis Open", "on Christmas Day").

    >>> def m(label: str) -> Mention:
    ...     return Mention(0, 7, "US Open", 0, "person", "US Open", label=label)
    >>> event_name([m("GPE"), m("EVENT")]), event_name([m("EVENT"), m("PERSON")])
    (True, False)
    """
    labels = {m.label for m in mentions if m.label}
    if any(m.has_title or m.role for m in mentions) or "PERSON" in labels:
        return False  # the full name decides: "Blues" read as a law is "Cardiff Blues"
    full = {m.label for m in mentions if len(m.text.split()) >= 2}
    return bool(full & words("event_labels"))


_PERSON_AFTER = re.compile(
    r"(?:'s)?\s*(?:\((?:pictured|left|right|centre|center|above|below|top|bottom|inset)\b"
    r"|,\s*(?:who|aged\s+)?\d{1,2},)"
)


def described_as_person(mentions: list[Mention], text: str) -> bool:
    """Whether the article writes a name the way it writes a person's: a photo
    caption's "(pictured)", "(left)" after it ("Raheem Sterling (right) was
    pictured", "Sterling (pictured)") or an age after a comma ("Sterling, 20,
    said"). A club or a company is never given either.

    >>> text = "Pictures emerged of Raheem Sterling (right) with a pipe."
    >>> described_as_person([Mention(20, 35, "Raheem Sterling", 0, "person", "x")], text)
    True
    >>> described_as_person([Mention(0, 8, "Dortmund", 0, "other", "x")], "Dortmund (4-4-2): ")
    False
    >>> yankees = Mention(0, 17, "New York Yankees", 0, "person", "x", label="ORG")
    >>> described_as_person([yankees], "New York Yankees (left) and ")
    False
    """
    named = [m for m in mentions if m.hint not in ("generic", "pronoun")]
    if all(m.label == "ORG" for m in named if len(m.text.split()) >= 2):
        return False  # "The New York Yankees (left)": a club read as one each time
    return any(_PERSON_AFTER.match(text, m.end) for m in named)


def mark_parts(sent: Sentence, mentions: list[Mention]) -> None:
    """Mark the names an actor plays in a sentence about a film, show or book: the
    object of "play" or "portray" ("A dress worn by Vivien Leigh when she played
    Scarlett O'Hara in the classic 1939 film"; "Kudrow, who played Phoebe in
    Friends, co-wrote the pilot episode"). A character is talked about; it does not
    act in the story. Without a work or a screen word in the sentence the object of
    "play" is an opponent ("Nadal played Almagro") and stays unmarked.

    >>> from briefs.backends.rules.document import build
    >>> doc = build("Vivien Leigh played Scarlett O'Hara in the film.")
    >>> found = [Mention(20, 35, "Scarlett O'Hara", 0, "person", "Scarlett O'Hara")]
    >>> mark_parts(doc.sentences[0], found)
    >>> found[0].played
    True
    """
    nouns = {t.lower.removesuffix("s") for t in sent.tokens} | {t.lower for t in sent.tokens}
    if not (nouns & _SCREEN or any(e.label == "WORK_OF_ART" for e in sent.entities)):
        return
    by_index = {t.index: t for t in sent.tokens}
    for m in mentions:
        for tok in sent.tokens:
            if not (m.start <= tok.start and tok.end <= m.end) or tok.dep not in ("dobj", "attr"):
                continue
            head = by_index.get(tok.head)
            if head is not None and head.lower in _PLAY:
                m.played = True


def title_in_name(m: Mention, text: str) -> bool:
    """Whether a single word after a title is no person but the end of a name that
    opens on a title word, after "the": "if they win the General Election", "before
    the General Election in May" (a general is "General Petraeus", never "the General
    Petraeus"). A word the recogniser calls a person stays one.

    >>> text = "They hope to win the General Election."
    >>> m = Mention(29, 37, "Election", 0, "person", "Election", title="General",
    ...             tokens=["Election"])
    >>> title_in_name(m, text)
    True
    >>> m2 = Mention(8, 16, "Petraeus", 0, "person", "Petraeus", title="General",
    ...              tokens=["Petraeus"])
    >>> title_in_name(m2, "General Petraeus said so.")
    False
    """
    return (
        m.title is not None
        and len(m.tokens) == 1
        and m.label != "PERSON"
        and text[: m.start].rstrip().lower().endswith(f"the {m.title.lower()}")
    )


def state_subject(sent: Sentence, m: Mention) -> bool:
    """Whether a country acts through its state: it owns the subject of a verb, and
    that subject is one of its state's voices ("Uganda's authorities have banned the
    play"; "Indonesia's government has said ..."; "Turkey's government would ...").

    >>> from briefs.backends.rules.document import build
    >>> doc = build("Uganda's authorities have banned the play.")
    >>> state_subject(doc.sentences[0], Mention(0, 6, "Uganda", 0, "country", "Uganda"))
    True
    >>> doc = build("Visitors to Uganda's parks have doubled.")
    >>> state_subject(doc.sentences[0], Mention(12, 18, "Uganda", 0, "country", "Uganda"))
    False
    """
    if m.hint != "country":
        return False
    by_index = {t.index: t for t in sent.tokens}
    for tok in sent.tokens:
        if m.start <= tok.start and tok.end <= m.end and tok.dep == "poss":
            head = by_index.get(tok.head)
            if head is not None and head.dep in ("nsubj", "nsubjpass") and head.lower in _STATE:
                return True
    return False


def demonym_person(sent: Sentence, first: Token) -> bool:
    """Whether the name after a lone demonym is a person's: the recogniser reads a
    person there ("American Tim Weston", "Tory Liam Fox"); else the demonym describes
    a thing or a place ("a Russian SU-27 Flanker", "the Russian Far East").

    >>> from briefs.backends.rules.document import build
    >>> s = build("It was intercepted by a Russian SU-27 Flanker on Tuesday.").sentences[0]
    >>> demonym_person(s, s.tokens[6])
    False
    """
    return any(e.label == "PERSON" and e.start <= first.start < e.end for e in sent.entities)


def surname_person(mentions: list[Mention], text: str) -> bool:
    """Whether a one-word name is a person met by surname alone (a story whose first
    line, with the full name, is cut off): the recogniser calls every labelled
    mention of it a person, twice or more, it is the subject of two verbs or more,
    and the article never writes it inside a longer name ("Port of Halvermouth",
    "Constitutional Reform Bill", "Christopher Purvis" for a "Christopher").

    >>> from briefs.backends.rules.names import Mention
    >>> text = "Hogwood worked with many orchestras. Hogwood studied keyboard."
    >>> found = [Mention(0, 7, "Hogwood", 0, "other", "Hogwood", label="PERSON"),
    ...          Mention(37, 44, "Hogwood", 1, "other", "Hogwood", label="PERSON")]
    >>> for m in found:
    ...     m.subject = True
    >>> surname_person(found, text), surname_person(found, text + " The Hogwood Trust")
    (True, False)
    """
    named = [m for m in mentions if m.hint not in ("generic", "pronoun")]
    labels = [m.label for m in named if m.label]
    if not named or len(named[0].name.split()) != 1 or len(labels) < 2:
        return False
    if any(x != "PERSON" for x in labels) or sum(m.subject for m in named) < 2:
        return False
    name = re.escape(named[0].name)
    return not re.search(rf"[A-Z][\w'’-]*\s+(?:of\s+(?:the\s+)?)?{name}\b|\b{name}\s+[A-Z]", text)


def settle_kinds(entities: list[Entity], text: str) -> None:
    """Correct the kinds the word lists gave, once every mention is resolved: a
    "person" the recogniser reads as an organisation is one ("Borussia Dortmund"),
    unless the article writes it as a person's name ("Raheem Sterling (right)"); a
    "person" read as an event is none ("US Open"); a surname with a title somewhere,
    or met alone as a person, is a person ("Venter" ... "Dr Venter", "Hogwood")."""
    for entity in entities:
        if (
            entity.kind == "person"
            and person_by_label_is_organisation(entity.mentions)
            and not described_as_person(entity.mentions, text)
        ):
            entity.kind = "organization"
        elif entity.kind == "person" and event_name(entity.mentions):
            entity.kind = "other"
        elif entity.kind == "other" and (
            any(m.hint == "person" and m.has_title for m in entity.mentions)
            or surname_person(entity.mentions, text)
        ):
            entity.kind = "person"


def is_work(mentions: list[Mention]) -> bool:
    """Whether most of an actor's labelled mentions are a film, book or song title
    ("Gone With The Wind"): a work is talked about, it does not act.

    >>> def m(label): return Mention(0, 1, "x", 0, "other", "x", label=label)
    >>> is_work([m("WORK_OF_ART"), m("WORK_OF_ART"), m("PERSON")]), is_work([m("PERSON")])
    (True, False)
    """
    labelled = [m for m in mentions if m.label]
    works = [m for m in labelled if m.label == "WORK_OF_ART"]
    return bool(works) and 2 * len(works) > len(labelled)
