"""Reports whose frame changes what the reported words mean, so the stance must keep
the frame: a denial pointing back at the claim before it ("..., something Mr Kay
denies": ``relative_denials``), a report whose subject is negated ("Neither X nor Y
would say how": ``negated_subjects``), and a saying verb whose object is a noun phrase
rather than a clause ("has revealed the scale of her spending cuts": without "revealed"
the stance would be a bare noun phrase, "Scale of her spending cuts"). A passive report with a
"by" agent is the agent's, never its subject's (``passive_agents``).
"""

from __future__ import annotations

from briefs.backends.rules.continuation import Attribution
from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.negated_subjects import negated_report, negated_subject
from briefs.backends.rules.passive_agents import passive_with_agent
from briefs.backends.rules.relative_denials import denied_claim, relative_denials
from briefs.backends.rules.wordbook import words

__all__ = ["noun_report", "passive_with_agent", "reframed", "relative_denials"]

_SAY_LIKE = words("say_verbs")
# prepositions whose object is what is said ("warned of a slowdown", "spoke about it")
_TOPIC_PREPS = {"of", "about", "against", "over"}
_CLAUSES = {"ccomp", "xcomp", "parataxis"}


def noun_report(sent: Sentence, verb: Token, lex: Lexicon) -> bool:
    """Whether a saying verb (``say_verbs``, not "told") reports a noun phrase that
    follows it at once ("revealed the scale of ...", "warned of a slowdown",
    "admitted the offence") and no clause.

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> def check(text, verb):
    ...     s = build(text).sentences[0]
    ...     return noun_report(s, next(t for t in s.tokens if t.value == verb), lexicon())
    >>> check("Sarah Quinn has revealed the scale of her planned spending cuts.", "revealed")
    True
    >>> check("She warned of a slowdown in growth.", "warned")
    True
    >>> check("He said the deal would be signed.", "said")
    False
    >>> check("He told reporters the deal was done.", "told")
    False
    >>> check('"She has a mountain to climb," Mr Reed said about Ms Cole.', "said")
    False
    """
    if lex.speech_verbs.get(verb.lower, "") not in _SAY_LIKE or verb.lower in ("told", "tells"):
        return False
    kids = [t for t in sent.tokens if t.head == verb.index and t.index != verb.index]
    if any(t.dep in _CLAUSES or t.value in (":", '"', "“", "”") for t in kids):
        return False  # a clause reported, before the verb too ("'...,' she said about X")
    kids = [t for t in kids if t.start > verb.end]
    if not kids:
        return False
    nxt = min((t for t in sent.tokens if t.start >= verb.end), key=lambda t: t.start)
    first = kids[0]
    if first.dep == "dobj":
        return (nxt.index != first.index and nxt.head == first.index) or nxt is first
    return first.dep == "prep" and first.lower in _TOPIC_PREPS and nxt is first


def reframed(
    sent: Sentence,
    verb: Token,
    stop: int,
    cuts: dict[int, int],
    earlier: list[Attribution],
    lex: Lexicon,
) -> str | None:
    """The stance of a report whose frame changes what it says, or None (the stance as
    cut): ``cuts`` are the relative denials of the sentence (``relative_denials``),
    ``earlier`` the statements found before in it.

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("Neither Mr Lee nor Mr Kay would say how it would be spent.").sentences[0]
    >>> verb = next(t for t in s.tokens if t.value == "say")
    >>> reframed(s, verb, s.end, {}, [], lexicon())
    'would not say how it would be spent.'
    >>> s = build("Mr Lee has revealed the scale of his planned cuts.").sentences[0]
    >>> verb = next(t for t in s.tokens if t.value == "revealed")
    >>> reframed(s, verb, s.end, {}, [], lexicon())
    'revealed the scale of his planned cuts.'
    """
    if verb.index in cuts:
        return denied_claim(verb, earlier, lex)
    if negated_subject(sent, verb):
        return negated_report(sent, verb, stop)
    if noun_report(sent, verb, lex):
        return verb.value + sent.text[verb.end - sent.start : stop - sent.start]
    return None
