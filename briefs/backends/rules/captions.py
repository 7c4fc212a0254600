"""Daily Mail photo captions run into the text: a caption ends on a place or a club,
and the next sentence opens on a player's surname ("... in the Bahamas Bolt reacts as
he wins"; "... chose Arsenal Sanchez has made a fine start"). The capitalised run
reads as one person, "Bahamas Bolt"; it is the surname alone."""

from __future__ import annotations

from briefs.backends.rules.names import Mention

__all__ = ["glued_captions"]

_BODY_HINTS = ("country", "organization", "institution")


def _bare(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def glued_captions(mentions: list[Mention]) -> None:
    """Cut the place or club off a two-word person whose surname is that of a person
    the article names in full with another given name, and whose first word the
    article names on its own as a country, a capital or an organisation: the
    mention is then the bare surname, resolved like any other ("Bahamas Bolt" ->
    "Bolt", Usain Bolt's).

    >>> def m(text: str, hint: str, label: str = "") -> Mention:
    ...     return Mention(0, len(text), text, 0, hint, text, tokens=text.split(), label=label)
    >>> found = [m("Usain Bolt", "person"), m("Bahamas", "country"), m("Bahamas Bolt", "person")]
    >>> glued_captions(found)
    >>> found[2].name, found[2].hint, found[2].start
    ('Bolt', 'other', 8)

    Two people who share a surname stay apart ("Shelly" is named as no place):

    >>> found = [m("Donald Sterling", "person"), m("Shelly Sterling", "person")]
    >>> glued_captions(found)
    >>> found[1].name
    'Shelly Sterling'
    """
    full = [m for m in mentions if m.hint == "person" and len(m.tokens) >= 2]
    labels: dict[str, list[str]] = {}
    for m in mentions:
        if len(m.text.split()) <= 2 and m.hint not in ("generic", "pronoun"):
            labels.setdefault(_bare(m.text), []).append("ORG" if m.hint in _BODY_HINTS else m.label)
    bodies = {  # "Arsenal" read as ORG, never as a person ("Alice" read both ways is no body)
        word
        for word, found in labels.items()
        if "PERSON" not in found and 2 * found.count("ORG") > len([x for x in found if x])
    }
    for m in full:
        if len(m.tokens) != 2 or m.has_title or m.role:
            continue
        first, last = m.tokens
        named = any(p.tokens[-1] == last and p.tokens[0] not in bodies for p in full)
        if not named or first not in bodies or m.text.count(last) != 1:
            continue
        cut = m.text.index(last)
        m.start += cut
        m.text = m.name = last
        m.tokens, m.hint = [last], "other"
