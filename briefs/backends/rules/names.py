"""Names: the ``Mention`` record, and how a run of capitalised words is read (the
title in front, the role around it, the kind of actor it looks like)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.wordbook import words

__all__ = [
    "Mention",
    "body_voice",
    "classify",
    "common_front",
    "is_acronym",
    "is_cap",
    "is_hyphen_adjective",
    "is_work_title",
    "role_after",
    "role_before",
    "strip_title",
    "title_of_body",
]

_POSSESSIVE = {"'s", "’s", "s'", "s’"}
_DETERMINERS = words("determiners")
_EVENTS = words("event_last_words")  # "Gold Cup", "Winter Olympics": events
_WORK_PRONOUNS = words("work_title_pronouns")  # "Shake It Off": a song
_INSTITUTIONS = words("institution_nouns")  # "the government", "police"


@dataclass
class Mention:
    """One span in the text that refers to an actor."""

    start: int
    end: int
    text: str
    sentence: int
    hint: str  # person, organization, country, group, institution, other, generic, pronoun
    name: str  # canonical-looking name (or the noun / pronoun for generic and pronoun)
    role: str | None = None
    title: str | None = None
    acronym: str | None = None
    country_how: str | None = None  # name, alias, capital, demonym
    has_title: bool = False
    tokens: list[str] = field(default_factory=list)
    entity: str | None = None  # the actor it refers to, once resolved
    sentence_initial: bool = False
    label: str = ""  # the entity recogniser's label of the span ("PERSON", "GPE", ...)
    collective: bool = False  # a group named by a common noun ("ministers")
    speaks: bool = False  # the subject of a reporting verb
    subject: bool = True  # named as the subject of a verb (not its object or owner)
    played: bool = False  # a part an actor plays ("she played Scarlett O'Hara")
    placed: bool = False  # the object of a place preposition ("flew to Lanzarote")


_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|abu|ben|de|da|di|van|von|le|la)-[A-Z]")


def is_cap(value: str) -> bool:
    """Capitalised like a name ("al-Hamadi" too).

    >>> is_cap("Pashinyan"), is_cap("al-Hamadi"), is_cap("minister")
    (True, True, False)
    """
    return (value[:1].isupper() or bool(_PARTICLE.match(value))) and any(c.isalpha() for c in value)


def is_acronym(value: str) -> bool:
    letters = value.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


_HONORIFICS = words("honorifics")
# Abbreviated ranks, which are also given names after a civilian title ("Gen", "Col")
_RANKS = words("rank_abbreviations")
_HYPHEN_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)+$")


def is_hyphen_adjective(value: str) -> bool:
    """A capitalised hyphenated adjective that opens a sentence before a name
    ("Injury-ravaged Bayern Munich", "Cash-strapped Greece"): a description, not part
    of the name (a name's hyphen joins capitals: "Al-Hamadi", "Baden-Baden").

    >>> is_hyphen_adjective("Injury-ravaged"), is_hyphen_adjective("Cash-strapped")
    (True, True)
    >>> is_hyphen_adjective("Al-Hamadi"), is_hyphen_adjective("al-Assad")
    (False, False)
    """
    return bool(_HYPHEN_ADJECTIVE.match(value))


def strip_title(words: list[str], lex: Lexicon) -> tuple[str | None, list[str]]:
    """ "Transport Secretary Owen Pritchard" -> ("Transport Secretary", [Owen, Pritchard]);
    "Solicitor Gareth Pierce" and "Tory Liam Fox" lose their leading word too; "Prince
    of Wales" keeps its title whole.

    >>> from briefs.backends.rules.lexicon import lexicon
    >>> strip_title("Prince of Wales".split(), lexicon())
    (None, ['Prince', 'of', 'Wales'])
    >>> strip_title("Cottonwood Police Sgt Jeremy Daniels".split(), lexicon())
    ('Cottonwood Police Sgt', ['Jeremy', 'Daniels'])
    >>> strip_title("Defense Minister Gen Nakatani".split(), lexicon())
    ('Defense Minister', ['Gen', 'Nakatani'])
    >>> strip_title("Lt Gen Viktor Poznikhir".split(), lexicon())
    ('Lt Gen', ['Viktor', 'Poznikhir'])
    >>> strip_title("New Zealander Tim Weston".split(), lexicon())
    ('New Zealander', ['Tim', 'Weston'])
    """
    if (
        len(words) in (4, 5)
        and " ".join(words[:2]) in lex.adjectives
        and not any(w in lex.org_heads for w in words[2:])
    ):  # a two-word demonym before a name: "New Zealander Tim Weston"
        return " ".join(words[:2]), words[2:]
    if (
        len(words) == 3
        and not any(w in lex.org_heads for w in words[1:])
        and (
            words[0].lower() in lex.role_nouns
            or words[0] in lex.institutions
            or words[0] in lex.adjectives
            or words[0] in lex.party_words
        )
    ):
        return words[0], words[1:]
    for k in range(len(words) - 2, -1, -1):
        if words[k].rstrip(".") in lex.title_heads:
            rest = words[k + 1 :]
            if (
                not 1 <= len(rest) <= 4
                or any(w in lex.org_heads for w in rest)
                or not rest[0][:1].isupper()  # "Prince of Wales": a title as a whole
            ):
                return None, words
            if (
                len(rest) == 1
                and words[k] in _RANKS
                and k > 0
                and words[k - 1].rstrip(".") in lex.title_heads
                and words[k - 1] not in _RANKS
            ):  # "Defense Minister Gen Nakatani": a minister is no general; Gen is a name
                k, rest = k - 1, words[k:]
            title = [w for w in words[: k + 1] if w.rstrip(".") not in _HONORIFICS]
            return " ".join(title) or "", rest
    return None, words


def title_of_body(words: list[str], lex: Lexicon) -> int | None:
    """Where the body starts in a run that is a post "of" a body ("Director General of
    the British Chambers of Commerce" -> 4, the index of "British"); ``None`` for a
    run that is not one, or is a title as a whole ("Chancellor of the Exchequer").

    >>> from briefs.backends.rules.lexicon import lexicon
    >>> w = "Director General of the British Chambers of Commerce".split()
    >>> title_of_body(w, lexicon()), title_of_body("Chancellor of the Exchequer".split(), lexicon())
    (4, None)
    """
    if "of" not in words or tuple(words) in lex.titles:
        return None
    k = words.index("of")
    head = words[:k]
    titled = all(w.rstrip(".") in lex.title_heads or w.lower() in lex.role_words for w in head)
    if not head or not titled:
        return None
    start = k + 2 if k + 1 < len(words) and words[k + 1] == "the" else k + 1
    rest = words[start:]
    if not rest or classify(rest, lex)[0] not in ("organization", "institution"):
        return None
    return start


def role_before(toks: tuple[Token, ...], i: int, lex: Lexicon) -> str | None:
    """A lowercase role phrase right before a name: "spokesperson Maria Zakharova"."""
    k = i - 1
    found: list[str] = []
    while k >= 0 and len(found) < 7:
        value = toks[k].value
        if value in _POSSESSIVE or value.lower() in _DETERMINERS or not value[:1].isalpha():
            break
        if value.lower() in lex.speech_verbs or value in lex.stop_caps:
            break
        if value.lower() in words("role_stops"):
            break  # "according to club president Naoki Ogane": the role is "club president"
        found.insert(0, value)
        k -= 1
    if found:
        last_two = " ".join(found[-2:]).lower()
        if found[-1].lower() in lex.role_nouns or last_two in lex.role_nouns:
            return " ".join(found)
    return None


def role_after(sent: Sentence, j: int, lex: Lexicon) -> str | None:
    """An appositive role: "Tom Okafor, general secretary of the union, said"."""
    toks = sent.tokens
    if j >= len(toks) - 1 or toks[j].value != ",":
        return None
    k = j + 1
    while k < len(toks) and toks[k].value not in {",", ".", ";", ":"} and k - j < 14:
        k += 1
    if k >= len(toks) or toks[k].value not in {",", "."} or k == j + 1:
        return None
    if any(t.pos in ("VERB", "AUX") for t in toks[j + 1 : k]):
        return None  # a clause, not a role: "Antonio Inoki, Defense Minister Nakatani told"
    words = [t.value.lower() for t in toks[j + 1 : k]]
    head = [w for w in words[:4] if w not in _DETERMINERS]
    if not (any(w in lex.role_nouns for w in head) or " ".join(head[:2]) in lex.role_nouns):
        return None
    phrase = sent.text[toks[j + 1].start - sent.start : toks[k - 1].end - sent.start]
    for det in ("the ", "a ", "an "):
        if phrase.lower().startswith(det):
            phrase = phrase[len(det) :]
    return phrase


def classify(words: list[str], lex: Lexicon) -> tuple[str, str | None]:
    name = " ".join(words).replace(" .", ".")
    if name in lex.institutions:
        return "institution", None
    if name in lex.country_forms:
        return "country", lex.country_forms[name][1]
    if words[-1] in lex.document_heads or words[-1] in _EVENTS:
        return "other", None  # "AI Act", "Hennessy Gold Cup": texts and events, not actors
    if any(w in lex.org_heads for w in words):
        return "organization", None
    if len(words) == 1 and is_acronym(words[0]):
        return "acronym", None
    if words[0] in lex.adjectives:
        return ("adjective" if len(words) == 1 else "other"), None
    if words[0] in lex.geo_words or words[-1] in lex.geo_words:
        return "other", None
    if "-" in name and " " not in name:
        return "other", None
    if 2 <= len(words) <= 4 and all(is_cap(w) and w.replace("-", "").isalpha() for w in words):
        return "person", None
    return "other", None


def common_front(tok: Token, lex: Lexicon) -> bool:
    """Whether a capitalised word at the front of a name is a common noun: a group or
    role noun ("Lawyers for ...") or a participle ("Speaking on Monday, ...",
    "Campaigning Labour MP Jo Cox"); an -ing word the parser calls a proper noun is
    part of the name ("Downing Street", "Beijing"), not a participle.

    >>> import briefs
    >>> [a.name for a in briefs.generate_brief(
    ...     "Downing Street said the talks would resume. A Downing Street spokesman "
    ...     "said the unions were invited.").actors]
    ['Downing Street']
    """
    word = tok.value
    low = word.lower()
    return (
        low in lex.group_nouns
        or low.rstrip("s") in lex.role_nouns
        or (
            low.endswith("ing")
            and len(low) > 5
            and word[:1].isupper()
            and word[1:].islower()
            and low not in lex.role_nouns
            and tok.pos != "PROPN"
        )
    )


def is_work_title(words: list[str]) -> bool:
    """Whether a run of capitalised words is the title of a work, a song, film, book or
    show: a pronoun inside it ("Taylor Swift's Shake It Off", "Call Me By Your Name");
    a person's or a body's name holds none.

    >>> is_work_title(["Shake", "It", "Off"]), is_work_title(["Taylor", "Swift"])
    (True, False)
    """
    return any(w in _WORK_PRONOUNS for w in words[1:])


def body_voice(toks: tuple[Token, ...]) -> bool:
    """Whether two words are an institution's spokesperson ("police spokesman",
    "government spokeswoman"): the institution is the voice's, an actor.

    >>> import briefs
    >>> [a.name for a in briefs.generate_brief("The diplomat was not held, a police "
    ...     "spokesman said. The injury was not serious, a police spokesman said.").actors]
    ['police']
    """
    return (
        len(toks) == 2
        and toks[0].lower in _INSTITUTIONS
        and toks[1].lower in ("spokesman", "spokeswoman", "spokesperson")
    )
