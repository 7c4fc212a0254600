"""What kind of thing an actor is, read from the recogniser's labels and the parse:
a person the recogniser names as one, and a character an actor plays."""

from __future__ import annotations

import re

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.names import Mention
from briefs.backends.rules.wordbook import words

__all__ = [
    "demonym_person",
    "mark_parts",
    "named_person",
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
