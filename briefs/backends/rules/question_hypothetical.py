"""An "if" that opens nothing: a generic, counterfactual or past condition.

A condition is a cue of openness when what it hangs on may yet happen ("... if a bid
is successful", "if the Hong Kong summit gave its approval"). It is none when it
speaks of anyone at all ("if you believe the rift ... is as bad as the reports
suggest", "If one doesn't play, another will"), of what did not happen ("would
have been 8% higher if currency movements were stripped out", "If Amira had been
exposed to any extremism"), of a comparison ("as if the Cabinet had decided",
"even if they could have been telling the truth"), or of a habit told in the past
("If they refused, we beat them"), unless a verb of saying is the one told in
the past ("..., Lord Falconer said": the speaker's condition may yet be met).
"""

from __future__ import annotations

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.question_speech import reports
from briefs.backends.rules.wordbook import words

__all__ = ["idle_condition"]

_GENERIC = words("generic_subjects")
_COMPARISON = words("comparison_marks")
_SUBJECTS = frozenset(("nsubj", "nsubjpass", "expl"))


def idle_condition(sent: Sentence, tok: Token) -> bool:
    """``tok`` (an "if" of ``sent``) opens a condition that leaves nothing open.

    >>> from briefs.backends.rules.document import build
    >>> def check(text):
    ...     s = build(text).sentences[0]
    ...     return idle_condition(s, next(t for t in s.tokens if t.lower == "if"))
    >>> [check(t) for t in (
    ...     "Now, if you are confronted with this choice, your best bet is to confess.",
    ...     "Profits would have been 8% higher if currency movements were stripped out.",
    ...     "If they refused, we beat them.",
    ...     "It looked for one glorious moment as if the Cabinet had decided to go on.",
    ...     "The firm will move its headquarters to London if the bid is successful.",
    ...     "That would allow membership in 2006, if the summit gave its approval.")]
    [True, True, True, True, False, False]
    """
    toks = sent.tokens
    by_index = {t.index: t for t in toks}
    at = next((i for i, t in enumerate(toks) if t.index == tok.index), 0)
    if at and toks[at - 1].lower in _COMPARISON:
        return True  # "as if", "even if"
    verb = by_index.get(tok.head)
    if verb is None:
        return False
    kids = [t for t in toks if t.head == verb.index and t.index != verb.index]
    if any(t.dep in _SUBJECTS and t.lower in _GENERIC for t in kids):
        return True  # "if you believe ...": anyone at all
    if any(t.lower == "had" and t.dep.startswith("aux") for t in kids):
        return True  # "if Amira had been exposed", "if they had somehow agreed"
    main = by_index.get(verb.head)
    if main is None or main.index == verb.index:
        return False
    main_kids = [t for t in toks if t.head == main.index and t.index != main.index]
    if any(t.dep in _SUBJECTS and t.lower in _GENERIC for t in main_kids):
        return True  # "If your partner doesn't confess, you'll get off completely"
    main_aux = {t.lower for t in main_kids if t.dep.startswith("aux")}
    if {"would", "could", "might"} & main_aux and "have" in main_aux:
        return True  # "would have been 8% higher if ..."
    # "If they refused, we beat them": a habit told in the past, not "..., he said"
    narrated = verb.tag == "VBD" and main.tag == "VBD" and not main_aux
    return narrated and not (reports(main) or reports(verb))
