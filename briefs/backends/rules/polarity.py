"""Polarity: a denial, a refusal or a negated report keeps its force in the stance.

"Greece has denied it will fail to pay a loan" is Greece's denial, not its claim
that it will fail; "the coast guard cannot confirm such an incident" is not a
confirmation. The parse says whether the reporting verb is negated (a ``neg``
child: not, n't, never) and which auxiliaries go with it.
"""

from __future__ import annotations

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.wordbook import words

__all__ = ["is_denial", "negated", "verb_phrase_start"]

_AUX = {"aux", "auxpass", "neg"}


def is_denial(lemma: str) -> bool:
    """Whether a reporting verb's meaning is a no (deny, reject, refuse, dismiss, ...).

    >>> is_denial("deny"), is_denial("say")
    (True, False)
    """
    return lemma in words("negative_verbs")


def negated(sent: Sentence, verb: Token) -> bool:
    """Whether ``verb`` carries a negation in the parse ("did not confirm")."""
    return any(
        t.head == verb.index and t.index != verb.index and t.dep == "neg" for t in sent.tokens
    )


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
