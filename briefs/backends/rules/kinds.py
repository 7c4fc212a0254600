"""What kind of thing an actor is, read from the recogniser's labels and the parse:
a person the recogniser names as one, and a character an actor plays."""

from __future__ import annotations

from briefs.backends.rules.names import Mention

__all__ = ["named_person"]


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
