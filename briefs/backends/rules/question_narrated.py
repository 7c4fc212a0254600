"""A whether-question must ask something the article leaves open, not put "Whether"
in front of what the narrator states as plain fact.

"GM will pay Fiat $2bn as part of the settlement." and "A total of £345m will be
invested in 31 Olympic and Paralympic sports." tell what is arranged; "Whether GM
will pay Fiat $2bn ..." turns a settled deal into a doubt the article never raises.
A clause with a plain "will"/"would"/"can" is such a statement when no speaker
stands over it (no verb of saying, forecasting or promising above it, no
"according to"), no uncertain modal ("could", "may", "might", "should") goes with
the same verb, and the question holds no word of openness of its own (a condition,
a pending step, talks, a threat: word book ``issue_openness``) nor a choice between
outcomes ("will play Fognini or Rublev on Thursday"). Such a question is not made;
the sentence then stands as it is and meets the last check (``issue_check``), which
lists it only if it says what is open.

A forecast, a promise or a claim reported from a speaker still asks ("Police said the
highway would be closed for a few hours" -> "Whether the highway will be closed for
a few hours ..."): whether it comes true is open.
"""

from __future__ import annotations

import re

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.issue_check import says_open
from briefs.backends.rules.question_speech import reports
from briefs.backends.rules.wordbook import words

__all__ = ["narrated", "reported", "reports"]

_PLAIN = words("plain_modals")
_UNSURE = words("unsure_modals")
_WORD = re.compile(r"[\w’'-]+")
_MAX_UP = 8  # heads walked up from the asked verb
_CONDITIONS = words("conditional_marks")


def reported(by_index: dict[int, Token], verb: Token) -> bool:
    """A verb of saying, forecasting or promising stands above ``verb``."""
    cur = verb
    for _ in range(_MAX_UP):
        if cur.head == cur.index or cur.head not in by_index:
            return False
        cur = by_index[cur.head]
        if reports(cur):
            return True
    return False


def _conditioned(by_index: dict[int, Token], verb: Token) -> bool:
    """A condition hangs on ``verb`` ("if it gets its way", "unless ..."): what it
    says may not happen, even where the question leaves the condition out."""
    return any(
        t.lower in _CONDITIONS and t.head in by_index and by_index[t.head].head == verb.index
        for t in by_index.values()
    )


def narrated(sent: Sentence, question: str) -> bool:
    """``question`` ("Whether ...") asks about a plain statement of the narrator in
    ``sent``, with nothing in it that is open.

    >>> from briefs.backends.rules.document import build
    >>> def check(text, question):
    ...     return narrated(build(text).sentences[0], question)
    >>> check("GM will pay Fiat $2bn as part of the settlement.",
    ...       "Whether GM will pay Fiat $2bn as part of the settlement.")
    True
    >>> check("A total of £345m will be invested in 31 Olympic and Paralympic sports.",
    ...       "Whether a total of £345m will be invested in 31 Olympic and Paralympic sports.")
    True
    >>> check("Police said the highway would be closed for a few hours.",
    ...       "Whether the highway will be closed for a few hours.")
    False
    >>> check("Nadal will play Fognini or Rublev on Thursday.",
    ...       "Whether Nadal will play Fognini or Rublev on Thursday.")
    False
    >>> check("The IMF may be able to sell gold.", "Whether the IMF will be able to sell gold.")
    False
    >>> check("The risks will worsen if house prices fall.",
    ...       "Whether the risks will worsen if house prices fall.")
    False
    >>> check("If it gets its way, the government will push the measure through.",
    ...       "Whether the government will push the measure through.")
    False

    A step at which something pending is decided is open even when the narrator
    states its date (word book ``issue_openness``: "vote", "verdict", "be named"):

    >>> check("The committee will vote on the bill on Tuesday.",
    ...       "Whether the committee will vote on the bill on Tuesday.")
    False
    """
    toks = list(sent.tokens)
    by_index = {t.index: t for t in toks}
    if any(t.lower == "whether" for t in toks) or "according to" in sent.text.lower():
        return False
    asked = {w.lower() for w in _WORD.findall(question)[1:]}
    aux = [t for t in toks if t.tag == "MD" and t.head in by_index]
    aux = [t for t in aux if by_index[t.head].lower in asked]
    verbs = [by_index[t.head] for t in aux]
    modals = {t.lower for t in aux}
    if not verbs or not modals <= _PLAIN or modals & _UNSURE:
        return False
    if any(reported(by_index, v) for v in verbs):
        return False
    if any(_conditioned(by_index, v) for v in verbs):
        return False  # "If it gets its way, the Dutch government will conclude ..."
    rest = " ".join(_WORD.findall(question)[1:])
    return not (says_open(rest) or " or " in f" {rest.lower()} ")
