"""Meaning-changing edits of a text, for testing that the metrics notice them.

``negate`` turns a stance or issue into its opposite in its first clause:
an auxiliary or modal gains or loses "not" ("X will pay" -> "X will not pay",
"will not accept" -> "will accept", "cannot" -> "can"); failing that, a verb of
acceptance or refusal becomes its antonym ("Accepts ..." -> "Rejects ...",
"Denied ..." -> "Admitted ..."); failing that, "It is not true that" goes in front.
"""

from __future__ import annotations

import re

from briefs.evaluate.contradiction import clauses

__all__ = ["negate"]

_AUX = (
    r"will|would|can|could|should|must|may|might|shall|is|are|was|were|has|have|had|"
    r"does|do|did"
)
_NEGATED_AUX = re.compile(rf"\b({_AUX})\s+not\b|\b(can)not\b|\b(\w+)n[’']t\b", re.IGNORECASE)
_PLAIN_AUX = re.compile(rf"\b({_AUX})\b", re.IGNORECASE)
_CONTRACTED = {"won": "will", "can": "can", "shan": "shall", "ain": "is"}
_ANTONYMS = {
    "accept": "reject",
    "reject": "accept",
    "support": "oppose",
    "oppose": "support",
    "back": "oppose",
    "deny": "admit",
    "denie": "admit",  # denies / denied
    "admit": "deny",
    "agree": "disagree",
    "disagree": "agree",
    "approve": "reject",
    "welcome": "reject",
    "refuse": "agree",
    "dismiss": "endorse",
}
_VERB = re.compile(
    r"\b(" + "|".join(sorted(_ANTONYMS, key=len, reverse=True)) + r")(s|d|ed|es|ing|)\b",
    re.IGNORECASE,
)


def _case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _negate_clause(clause: str) -> str:
    m = _NEGATED_AUX.search(clause)
    if m:  # drop the negation
        if m.group(1):
            return clause[: m.start()] + m.group(1) + clause[m.end() :]
        if m.group(2):
            return clause[: m.start()] + m.group(2) + clause[m.end() :]
        stem = m.group(3)
        base = _CONTRACTED.get(stem.lower(), stem)
        return clause[: m.start()] + _case(base, stem) + clause[m.end() :]
    m = _PLAIN_AUX.search(clause)
    if m:
        return clause[: m.end()] + " not" + clause[m.end() :]
    m = _VERB.search(clause)
    if m:
        stem, ending = m.group(1), m.group(2)
        new = _ANTONYMS[stem.lower()]
        if stem.lower() == "denie":  # denies / denied
            ending = "s" if ending.lower() == "s" else "ted"
            new = "admit"
        elif ending in ("d", "ed"):
            ending = "ed" if not new.endswith("e") else "d"
            if new == "admit":
                ending = "ted"
        elif ending.lower() == "es":
            ending = "s"
        elif ending == "ing" and new.endswith("e"):
            new = new[:-1]
        return clause[: m.start()] + _case(new, stem) + ending + clause[m.end() :]
    return "It is not true that " + clause[:1].lower() + clause[1:]


def negate(text: str) -> str:
    """``text`` with its first clause negated (see the module docstring)."""
    first = clauses(text)[0]
    at = text.find(first)
    if at < 0:
        return _negate_clause(text)
    return text[:at] + _negate_clause(first) + text[at + len(first) :]
