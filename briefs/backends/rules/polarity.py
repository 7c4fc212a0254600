"""Polarity: a denial, a refusal or a negated report keeps its force in the stance.

"Greece has denied it will fail to pay a loan" is Greece's denial, not its claim
that it will fail; "the coast guard cannot confirm such an incident" is not a
confirmation. The parse says whether the reporting verb is negated (a ``neg``
child: not, n't, never) and which auxiliaries go with it.
"""

from __future__ import annotations

import re

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.stances import decapitalise
from briefs.backends.rules.wordbook import words

__all__ = [
    "is_denial",
    "negated",
    "passive",
    "reports_after",
    "split_participle",
    "verb_phrase",
    "verb_phrase_start",
]

_REPORTED = {"ccomp", "xcomp", "dobj", "parataxis", "attr", "oprd", "advcl", "dative", "prep"}

_AUX = {"aux", "auxpass", "neg"}
# prepositions that set the scene of a report rather than report ("said after the talks")
_SETTING = {"in", "on", "at", "after", "before", "during", "outside", "ahead", "when", "while"}


def is_denial(lemma: str) -> bool:
    """Whether a reporting verb's meaning is a no (deny, reject, refuse, dismiss, ...).

    >>> is_denial("deny"), is_denial("say")
    (True, False)
    """
    return lemma in words("negative_verbs")


def negated(sent: Sentence, verb: Token) -> bool:
    """Whether ``verb`` carries a negation in the parse ("did not confirm").

    >>> from briefs.backends.rules.document import build
    >>> s = build("The coast guard cannot confirm such an incident.").sentences[0]
    >>> negated(s, next(t for t in s.tokens if t.value == "confirm"))
    True
    """
    return any(
        t.head == verb.index and t.index != verb.index and t.dep == "neg" for t in sent.tokens
    )


_CONTRACTED = {"'s": "is", "’s": "is", "'re": "are", "’re": "are", "'m": "am", "’m": "am"}


def verb_phrase(sent: Sentence, verb: Token, stop: int) -> str:
    """The text from the auxiliaries and negation before ``verb`` to ``stop``, a
    contracted auxiliary written out ("She's accused of …" is "is accused of …").

    >>> from briefs.backends.rules.document import build
    >>> s = build("She's accused of sending the message.").sentences[0]
    >>> verb_phrase(s, next(t for t in s.tokens if t.value == "accused"), s.end)
    'is accused of sending the message.'
    """
    first = verb_phrase_start(sent, verb)
    text = sent.text[first.start - sent.start : stop - sent.start]
    full = _CONTRACTED.get(first.lower)
    return full + text[len(first.value) :] if full and first.dep == "auxpass" else text


def passive(sent: Sentence, verb: Token) -> bool:
    """Whether ``verb`` is passive in the parse: its subject is reported on, not the
    one speaking, so the stance keeps the auxiliary ("Costa is accused of stabbing his
    neighbour" is "Is accused of stabbing …", never "Accused of stabbing …").

    >>> from briefs.backends.rules.document import build
    >>> s = build("Luigi Costa is accused of stabbing his neighbour.").sentences[0]
    >>> passive(s, next(t for t in s.tokens if t.value == "accused"))
    True
    """
    return any(t.head == verb.index and t.dep == "auxpass" for t in sent.tokens)


def reports_after(sent: Sentence, verb: Token) -> bool:
    """Whether anything is reported after ``verb`` in the parse: a clause, an object,
    a quotation ("said that ...", "said: ...", "told reporters ..."), rather than only
    adverbials ("the ministry said in a statement").

    >>> from briefs.backends.rules.document import build
    >>> s = build("'We never said that,' the ministry said in a statement.").sentences[0]
    >>> reports_after(s, [t for t in s.tokens if t.value == "said"][-1])
    False
    >>> s = build("'We are done,' she said after two convoys left.").sentences[0]
    >>> reports_after(s, next(t for t in s.tokens if t.value == "said"))
    False
    >>> s = build("The ministry said that it would pay.").sentences[0]
    >>> reports_after(s, next(t for t in s.tokens if t.value == "said"))
    True
    """
    for t in sent.tokens:
        if t.head != verb.index or t.start <= verb.end:
            continue
        if t.dep == "advcl" and any(
            m.head == t.index and m.dep == "mark" and m.lower in _SETTING for m in sent.tokens
        ):
            continue  # "said after two convoys left"
        if t.dep in _REPORTED and not (t.dep == "prep" and t.lower in _SETTING):
            return True
        if t.value in ("“", '"', ":", "‘"):
            return True
    return False


def verb_phrase_start(sent: Sentence, verb: Token) -> Token:
    """The first of the auxiliaries and negation right before ``verb`` ("cannot confirm",
    "has not yet found"), or the verb itself."""
    first = verb
    for t in reversed([t for t in sent.tokens if t.end <= verb.start]):
        if (t.head == verb.index and t.dep in _AUX) or (t.dep == "advmod" and t.head == verb.index):
            first = t
        else:
            break
    return first


_PARTICIPLE = re.compile(
    r",\s+(?:telling|saying|adding|arguing|insisting|claiming|explaining|stating)\b"
    r"(?:\s+[\w ]{0,30}?\s+that\b|\s+that\b|\s*:)?\s*"
)


def split_participle(stance: str) -> str:
    """A denial and the claim that comes with it ("denied this, telling French media
    that ..."): the reporting frame of the second goes, a colon says that it explains
    the denial, so the claim made instead is not read as part of what is denied.

    >>> split_participle("Denied this, telling French media that there is no overrun.")
    'Denied this: there is no overrun.'
    >>> split_participle("Denied it will fail to pay the loan.")
    'Denied it will fail to pay the loan.'
    """
    match = _PARTICIPLE.search(stance)
    if match is None or len(stance[match.end() :].split()) < 3:
        return stance
    second = stance[match.end() :].strip().lstrip("\"“'‘")
    return stance[: match.start()].rstrip(" ,:") + ": " + decapitalise(second)
