"""When a speech verb reports: "called for" but not "called the police", "expressed
reservations", "plans to", not a passive whose agent is the speaker. Helpers for
``attribution.py``.
"""

from __future__ import annotations

from briefs.backends.rules.document import Token
from briefs.backends.rules.lexicon import Lexicon

__all__ = ["EXPRESS", "report_verb_ok"]

EXPRESS = ("express", "voice", "raise")  # "expressed reservations" is a stance


def _by_after(toks: tuple[Token, ...], i: int) -> bool:
    """A "by" soon after a passive verb, before any other verb: its agent, even where
    the parse hangs the "by" elsewhere."""
    for t in toks[i + 1 : i + 9]:
        if t.pos in ("VERB", "AUX"):
            return False
        if t.lower == "by":
            return True
    return False


def report_verb_ok(toks: tuple[Token, ...], i: int, lex: Lexicon) -> bool:
    """Whether the speech verb at ``toks[i]`` reports here ("called for", "expressed
    reservations", "plans to"), not "called the police", "it is not believed" or a
    passive with its agent ("who were described as rude by the father": the father
    speaks, not the subject).

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("The guards, who were described as rude by his father, left.").sentences[0]
    >>> i = next(k for k, t in enumerate(s.tokens) if t.value == "described")
    >>> report_verb_ok(s.tokens, i, lexicon())
    False
    >>> s = build("It is feared they travelled to Syria.").sentences[0]
    >>> report_verb_ok(s.tokens, 2, lexicon())
    False
    >>> s = build("The father described the guards as rude.").sentences[0]
    >>> i = next(k for k, t in enumerate(s.tokens) if t.value == "described")
    >>> report_verb_ok(s.tokens, i, lexicon())
    True
    """
    lemma = lex.speech_verbs[toks[i].value.lower()]
    nxt = toks[i + 1].value.lower() if i + 1 < len(toks) else ""
    after = " ".join(t.value.lower() for t in toks[i + 1 : i + 4])
    if any(t.head == toks[i].index and t.dep == "nsubjpass" and t.lower == "it" for t in toks):
        return False  # "It is feared they travelled to Syria": nobody speaks
    if lemma == "call":
        return nxt in ("for", "on")
    if lemma in EXPRESS:
        return any(after.startswith(o) for o in lex.express_objects)
    if lemma in ("plan", "fear", "hope", "back", "question", "rule", "find", "vote"):
        return nxt not in (".", ",", ")")
    kids = [t.dep for t in toks if t.head == toks[i].index]
    if "auxpass" in kids and ("agent" in kids or _by_after(toks, i)):
        return False  # "officers, who were described as 'over-zealous' by the father"
    if lemma in ("believe", "think"):  # "It is not believed to be related": nobody speaks
        return "auxpass" not in kids
    return True
