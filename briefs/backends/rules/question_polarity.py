"""Whether a forward-looking clause says no, so that a whether-question would lose it.

Issue #10: "Rewrites into 'Whether ...' keep subject and polarity, or the sentence
stays as it is." A question keeps its predicate whole, so a "no" inside it ("hecklers
no longer become a story") or in a condition it keeps ("if the council did not
decide") survives; a "not" right after the modal, a refusal, a negative subject, or a
negated verb above the clause would not.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefs.backends.rules import question_words as W
from briefs.backends.rules.document import Token
from briefs.backends.rules.wordbook import words

__all__ = ["says_no"]

_NEGATIVE_SUBJECTS = words("negative_subjects")  # "No politician should ...", "Neither ..."


def says_no(tokens: Sequence[Token], k: int, first: int, start: int) -> bool:
    """Whether the clause of ``tokens`` whose marker is at ``k`` (subject from ``first``,
    predicate from ``start``) says no: a negated marker ("would not be easy"), a refusal
    ("refused to back"), a negative subject ("No politician should"), or a verb above
    the marker or the subject in the parse that is negated ("did not feel her
    colleagues could be trusted") or has a "no" ("no assurance that any deal could").

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.questions import as_question
    >>> def ask(text):
    ...     return [as_question(s, []) for s in build(text).sentences]
    >>> ask("The chief economist said the bank's job would not be easy this year.")
    [None]
    >>> ask("The council refused to back the new stadium plan for the town.")
    [None]
    >>> ask("She did not feel the board could be trusted with the pension fund.")
    [None]
    >>> ask("He was advised there can be no assurance that any deal could be done.")
    [None]
    >>> ask("The firm could appeal to the inspectorate if the council did not decide.")
    ['Whether the firm could appeal to the inspectorate if the council did not decide.']
    >>> ask("The minister told the Guardian newspaper there will be no new casinos.")
    [None]
    >>> ask("The chief economist said the bank's job would be easy this year.")
    ["Whether the bank's job will be easy this year."]
    """
    if tokens[k].lower in W.REFUSALS or tokens[first].lower in _NEGATIVE_SUBJECTS:
        return True
    if any(t.lower in W.NEGATIONS for t in tokens[k:start]):
        return True  # "would not be"
    # the verbs above the marker, and above the subject (the parser may hang "her
    # colleagues" on "feel" as its object): one of them negated, or with a "no"
    at = {t.index: t for t in tokens}
    above: set[int] = set()
    for token in tokens[first : k + 1]:
        while token.head in at and token.head not in above and token.head != token.index:
            token = at[token.head]
            above.add(token.index)
    return any(
        t.head in above and (t.dep == "neg" or (t.dep == "det" and t.lower == "no")) for t in tokens
    )
