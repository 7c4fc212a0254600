"""A "should" that a speaker says is that speaker's advice, not an open issue.

"Convention should be 'nurtured and celebrated,' but the government distrusted and
disliked it instead, he said" is the speaker's view; "The 'best person for the job'
should be appointed lord chancellor ..., the courts minister has told MPs" is the
minister's position. Neither leaves a question open: asked back ("Whether
convention should be nurtured and celebrated.") or kept as it stands, each only
repeats what its speaker recommends. A "should" with no speaker above it (the
narrator's "should", "The vote should take place next week") is left alone.
"""

from __future__ import annotations

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.question_narrated import reported, reports
from briefs.backends.rules.wordbook import words

__all__ = ["reported_advice"]

_ADVICE = words("advice_modals")
_QUOTES = frozenset(('"', "“", "”"))


def reported_advice(sent: Sentence) -> bool:
    """``sent`` reports a speaker's "should": a verb of saying, urging or
    recommending (word book ``say_verbs``, ``report_verbs_extra``) stands above the
    verb that the "should" goes with, or quotation marks hang on that verb.

    >>> from briefs.backends.rules.document import build
    >>> [reported_advice(s) for s in build(
    ...     'Convention should be "nurtured and celebrated," but the government '
    ...     "distrusted it instead. The best person for the job should be "
    ...     "appointed lord chancellor, the courts minister has told MPs. The vote "
    ...     "should take place next week. He said the talks would resume.").sentences]
    [True, True, False, False]
    """
    toks = sent.tokens
    by_index = {t.index: t for t in toks}
    for k, t in enumerate(toks):
        if t.lower not in _ADVICE or t.head not in by_index:
            continue
        verb = by_index[t.head]
        if reported(by_index, verb) or _trailing_speaker(toks, k) or _quoted(toks, verb):
            return True
    return False


def _quoted(toks: tuple[Token, ...], verb: Token) -> bool:
    """The words of the "should" clause are quoted ('Convention should be "nurtured
    and celebrated"'): someone's words, whoever the sentences around name."""
    return any(t.head == verb.index and t.value in _QUOTES for t in toks)


def _trailing_speaker(toks: tuple[Token, ...], k: int) -> bool:
    """After a comma that follows the "should" at ``k``, a verb of saying with its
    own subject closes the sentence ("..., the courts minister has told MPs."), however
    the parser hung it."""
    comma = next((i for i in range(k + 1, len(toks)) if toks[i].value == ","), None)
    if comma is None:
        return False
    for verb in toks[comma + 1 :]:
        if verb.pos == "VERB" and reports(verb):
            return any(t.head == verb.index and t.dep == "nsubj" for t in toks)
    return False
