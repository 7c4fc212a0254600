"""Verbs of saying, forecasting or promising ("said", "expects", "vowed"), as the
whether-question rules read them: a speaker stands over the clause they govern."""

from __future__ import annotations

from briefs.backends.rules.document import Token
from briefs.backends.rules.wordbook import book, words

__all__ = ["reports"]

_SPEECH: dict[str, str] = book()["speech_verbs"]
# a decision reported as made is settled ("confirmed the plant will close"): no speaker's doubt
_REPORT = (words("say_verbs") | words("report_verbs_extra")) - {
    w[: len(w) - n]
    for w in words("decision_made")
    for n in (1, 2)  # "agreed", "confirmed"
}
_ENDINGS = ("", "s", "es", "d", "ed", "ing")


def reports(tok: Token) -> bool:
    """``tok`` is a verb of saying, forecasting or promising ("said", "expects")."""
    word = tok.lower
    if _SPEECH.get(word, "") in _REPORT:
        return True
    return any(word.endswith(e) and word[: len(word) - len(e)] in _REPORT for e in _ENDINGS)
