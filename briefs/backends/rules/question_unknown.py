"""An unknown the article names, as the question it leaves open: "How many ...".

News says outright what nobody can yet tell: a speaker who cannot or will not say
("The Passport Office said it could not say how many claims were rejected", "Marsh
did not say when the move would take place", "A spokesman for the group was unable
to say when the production unit would be back up and running"), or what is unclear
("It is not clear what prompted the shooting"). The wh-clause after such words is
the open question, and it is lifted out as it stands: "How many claims were
rejected." The clause keeps its own words, so subject and polarity are the
article's. A clause with a pronoun ("why he left") is left alone: who "he" is, the
question could not say.
"""

from __future__ import annotations

from briefs.backends.rules import question_words as W
from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.wordbook import book

__all__ = ["unknown_question"]

_U = book()["unknown_questions"]
_KNOW = frozenset(_U["know_verbs"])  # say, said, know, tell, disclose, clear, ...
_UNKNOWN = frozenset(_U["unknown_words"])  # unclear, unknown, uncertain, ...
_REFUSE = frozenset(_U["refuse_verbs"])  # declined, refused, unable
_BETWEEN = frozenset(_U["between"])  # "unclear exactly how", "not yet known how"
_WH = frozenset(("how", "what", "why", "when", "where", "who", "which"))
_NEG = frozenset(("not", "n't", "never", "no"))
_DATING = frozenset(("when", "while", "until", "before", "after", "once"))
_POSSESSIVES = frozenset(("his", "her", "its", "their", "theirs"))
_MIN_WORDS, _MAX_WORDS = 3, 25


def _cannot_tell(toks: list[Token], k: int) -> bool:
    """The words before the wh-word at ``k`` say it is not known ("could not say",
    "declined to say", "it was not clear"), not in a clause that dates it ("in the
    weeks after that election, when it was unclear who would occupy the White
    House": the story has since answered it)."""
    j = k - 1
    while j >= 0 and toks[j].lower in _BETWEEN:
        j -= 1
    if j < 0:
        return False
    before = [t.lower for t in toks[max(0, j - 3) : j]]
    if _DATING & {t.lower for t in toks[max(0, j - 5) : j]}:
        return False
    if {"i", "we"} & {t.lower for t in toks[max(0, j - 4) : j]}:
        return False  # "I don't know who is right": a speaker's own doubt, in a quote
    word = toks[j]
    if word.lower in _UNKNOWN:
        return True
    if word.lower not in _KNOW:
        return False
    if _NEG & set(before):
        return True  # "could not say", "is not clear", "did n't know"
    return len(before) >= 2 and before[-1] == "to" and toks[j - 2].lower in _REFUSE


def unknown_question(sent: Sentence) -> str | None:
    """The wh-question ``sent`` says nobody can answer yet, or None.

    >>> from briefs.backends.rules.document import build
    >>> [unknown_question(s) for s in build(
    ...     "The Passport Office said it could not say how many claims were rejected, "
    ...     "partly because of a system failure. Police declined to say what caused "
    ...     "the blast. It is still unclear how many people remain in the city. "
    ...     "Officials did not say why he left. She said how many claims were "
    ...     "rejected. He did not know what to expect. Stocks fell when it was "
    ...     "unclear who would win the election. I don't know who is right.").sentences]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['How many claims were rejected.', 'What caused the blast.',
     'How many people remain in the city.', None, None, None, None, None]
    """
    toks = list(sent.tokens)
    for k, tok in enumerate(toks):
        if tok.lower not in _WH or not _cannot_tell(toks, k):
            continue
        end = k + 1
        while end < len(toks) and toks[end].lower not in W.CLAUSE_END:
            end += 1
        clause = toks[k:end]
        lowered = [t.lower for t in clause]
        if not (_MIN_WORDS <= len(clause) <= _MAX_WORDS):
            return None
        if (W.PRONOUNS | W.UNRESOLVABLE | _POSSESSIVES) & set(lowered):
            return None  # "why he left": who, the question cannot say
        if "to" in lowered[1:3] or not any(t.pos in ("VERB", "AUX") for t in clause[1:]):
            return None  # "what to expect": no one to ask it of
        text = sent.text[clause[0].start - sent.start : clause[-1].end - sent.start]
        for mark in W.QUOTES:
            text = text.replace(mark, "")
        text = " ".join(text.split())
        return text[:1].upper() + text[1:] + "."
    return None
