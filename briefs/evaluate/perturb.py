"""Meaning-changing edits of a text, for testing that the metrics notice them.

``negate`` turns a stance or issue into its opposite in one clause
(``contradiction.clauses``; the first with content and a verb it can handle):
an auxiliary or modal gains or loses "not" ("X will pay" -> "X will not pay",
"will not accept" -> "will accept", "cannot" -> "can"); failing that, a verb of
acceptance or refusal becomes its antonym ("Accepts ..." -> "Rejects ...",
"Denied ..." -> "Admitted ..."); failing that, "not" goes in front of the longest
clause (after its conjunction, if any).
"""

from __future__ import annotations

import re

from briefs.evaluate.contradiction import clauses
from briefs.text.similarity import content_tokens

__all__ = ["negate"]

_AUX = (
    r"will|would|can|could|should|must|may|might|shall|is|are|was|were|has|have|had|"
    r"does|do|did"
)
_NEGATED_AUX = re.compile(rf"\b({_AUX})\s+not\b|\b(can)not\b|\b(\w+)n[’']t\b", re.IGNORECASE)
_PLAIN_AUX = re.compile(rf"\b({_AUX})\b", re.IGNORECASE)
_FOCUS = re.compile(r"^\s+(?:only|merely|just)\b", re.IGNORECASE)
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


_LEAD = re.compile(
    r"(?:and|but|although|though|while|whereas|if|because|since|when|before|after|until)\s+",
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
        # "would only improve" -> "would not improve": "not only" is no negation
        rest = _FOCUS.sub("", clause[m.end() :], count=1)
        return clause[: m.end()] + " not" + rest
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
    lead = _LEAD.match(clause)
    at = lead.end() if lead else 0
    return clause[:at] + ("not " if at else "Not ") + clause[at:]


def _negatable(clause: str) -> bool:
    return len(content_tokens(clause)) >= 2 and bool(
        _NEGATED_AUX.search(clause) or _PLAIN_AUX.search(clause) or _VERB.search(clause)
    )


def negate(text: str) -> str:
    """``text`` with one clause negated: the first that has an auxiliary or a verb of
    acceptance or refusal, else the longest (see the module docstring)."""
    parts = clauses(text)
    target = next((c for c in parts if _negatable(c)), max(parts, key=len))
    at = text.find(target)
    if at < 0:
        return _negate_clause(text)
    return text[:at] + _negate_clause(target) + text[at + len(target) :]
