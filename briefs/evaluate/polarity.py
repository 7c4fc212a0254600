"""Polarity of a stance: does the actor assert its proposition, or deny it?

Convention: the polarity of a stance is the *net* force with which it states its
proposition, read off its surface: ``+1`` when the stance, as written, asserts it,
``-1`` when it denies, rejects, refuses or negates it. Each negation cue flips the sign,
so two cancel (double negation)::

    polarity("It will fail to repay the loan")                   # +1
    polarity("Denied that it will fail to repay the loan")       # -1
    polarity("Rejected claims it had not paid")                  # +1: rejects a negative claim
    polarity("Did not rule out a strike")                        # +1
    polarity("Refused to rule out a second independence vote")   # +1

So a stance keeps an article's polarity when it carries every negation the source
sentence put on the actor's proposition, or drops them in pairs. Stripping a single
"denied" (the flip of issue #10) turns -1 into +1.

Rules, in order:

1. Scope: only the first clause counts. The text is cut at the first ``;``, dash,
   ``:`` or at " but ", " despite ", " although ", " though ", " while ",
   " whereas ", ", saying", ", adding", ", insisting", ", claiming", or at "and"/"or"
   followed by a verb or "that" (a second coordinated clause): what follows is another
   proposition (``Denied X, saying Y was not true`` is one denial; ``Is not offensive
   and has refused to withdraw it`` is read as its first clause).
2. Not negations: "not only", "no doubt", "not least", "nothing but",
   "can/could not be happier/better/more ...", and the word "No" capitalised inside a
   sentence (the No campaign).
3. Cues, each counted once: not, n't, cannot, never, no, none, nobody, no-one,
   nothing, nowhere, neither (then its "nor" is not counted again), nor, "no longer",
   unable, unwilling; the verbs deny, reject, refuse, dismiss, oppose, rebuff, refute,
   disagree, "rule out" and "decline to" in any inflection, "dispute that" and "doubt
   that" ("nobody disputes that X" asserts X; "the pay dispute" is a topic); untrue,
   unfounded, baseless; "false" after a form of "be". The gerund of a refusal verb as a
   clause's subject, at the start or after whether/if/that ("denying a school place
   would hit the poorest"), names an act and is no cue.
4. "be denied/dismissed" not followed by "by" or "as" is deprivation, not denial
   ("was denied a late try", "was dismissed for 30"): no cue.
5. An odd number of cues gives -1, an even number (zero included) +1.

"fail", "hesitate", "refrain" and the like are content, not cues: "It will fail to
pay" asserts a failure (so "Denied it will fail to pay" keeps the denial's -1, as the
denial test set wants). "unless" is content too ("walkouts will follow unless ..." is a
threat, asserted). Nouns (denial, refusal, rejection) are content. The function is pure
and has no dependencies; the eval compares it on small aligned clauses
(``briefs.evaluate.contradiction``).
"""

from __future__ import annotations

import re

__all__ = ["NEGATIVE", "POSITIVE", "is_negative", "negation_cues", "polarity"]

POSITIVE = 1
NEGATIVE = -1

_BOUNDARY = re.compile(
    r";|\s[-\u2013\u2014]+\s|:\s|\s(?:but|despite|although|though|while|whereas)\s"
    r"|,\s*(?:saying|adding|insisting|claiming)\b"
    r"|,?\s(?:and|or)\s(?=(?:that|has|have|had|is|are|was|were|will|would|can|could|should"
    r"|did|does|do|says|said|insists?|insisted|den\w+|reject\w*|refus\w+|dismiss\w*"
    r"|oppos\w+|rules?|ruled)\b)",
    re.IGNORECASE,
)
_NOT_NEGATION = re.compile(
    r"\bnot only\b|\bno doubt\b|\bnot least\b|\bnothing but\b"
    r"|\b(?:can|could)\s*(?:not|n't|'t)\s+be\s+(?:\w+er|more|better)\b",
    re.IGNORECASE,
)
_CAPITAL_NO = re.compile(r"(?<=[a-z,]\s)No\b")
_TOKEN = re.compile(r"n't|[a-z]+(?:-[a-z]+)*")
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "get", "got"})
_WORD_CUES = frozenset(
    {
        "not", "n't", "cannot", "never", "no", "none", "nobody", "no-one", "nothing",
        "nowhere", "untrue", "unfounded", "baseless", "unable", "unwilling",
    }
)  # fmt: skip
_VERB_CUE = re.compile(
    r"(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)"
    r"|dismiss(?:es|ed|ing)?|oppos(?:e|es|ed|ing)|rebuff(?:s|ed|ing)?"
    r"|refut(?:e|es|ed|ing)|disagree(?:s|d|ing)?)"
)
_BEFORE_TO = re.compile(r"declin(?:e|es|ed|ing)")
_BEFORE_THAT = re.compile(r"disput(?:e|es|ed|ing)|doubt(?:s|ed|ing)?")
_GERUND = re.compile(r"(?:deny|reject|refus|oppos|dismiss|rebuff|refut)\w*ing")
_SUBJECT_SLOT = frozenset({"whether", "if", "that"})
_RULE = frozenset({"rule", "rules", "ruled", "ruling"})
_PASSIVE_VERBS = re.compile(r"denied|dismissed")


def _first_clause(text: str) -> str:
    match = _BOUNDARY.search(text)
    return text[: match.start()] if match else text


def _tokens(text: str) -> list[str]:
    text = text.replace("\u2019", "'").replace("`", "'")
    text = _NOT_NEGATION.sub(" ", text)
    text = _CAPITAL_NO.sub(" ", text)
    text = re.sub(r"n't\b", " n't", text)
    return _TOKEN.findall(text.lower())


def negation_cues(text: str) -> list[str]:
    """The negation cues that count in ``text`` (rules 1-4 of the module docstring)."""
    tokens = _tokens(_first_clause(text))
    cues: list[str] = []
    neither = False
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok == "no" and nxt == "longer":
            cues.append("no longer")
        elif tok in _WORD_CUES:
            cues.append(tok)
        elif tok == "neither":
            neither = True
            cues.append(tok)
        elif tok == "nor":
            if not neither:
                cues.append(tok)
        elif tok in _RULE and nxt == "out":
            cues.append(f"{tok} out")
        elif tok == "false" and any(t in _BE for t in tokens[max(0, i - 2) : i]):
            cues.append(tok)
        elif _BEFORE_TO.fullmatch(tok) and nxt == "to":
            cues.append(f"{tok} to")
        elif _BEFORE_THAT.fullmatch(tok) and nxt == "that":
            cues.append(f"{tok} that")
        elif _GERUND.fullmatch(tok) and (i == 0 or tokens[i - 1] in _SUBJECT_SLOT):
            continue  # "denying a place would hurt": an act named, not a denial
        elif _VERB_CUE.fullmatch(tok):
            passive = i > 0 and (tokens[i - 1] in _BE or (i > 1 and tokens[i - 2] in _BE))
            if _PASSIVE_VERBS.fullmatch(tok) and passive and nxt not in ("by", "as"):
                continue  # "was denied a try": deprivation, not a denial
            cues.append(tok)
    return cues


def polarity(text: str) -> int:
    """+1 when ``text`` asserts its proposition, -1 when it negates it (see module doc)."""
    return NEGATIVE if len(negation_cues(text)) % 2 else POSITIVE


def is_negative(text: str) -> bool:
    """True when ``polarity(text)`` is -1."""
    return polarity(text) == NEGATIVE
