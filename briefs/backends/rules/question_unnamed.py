"""What the article says nobody can yet name or foresee, as a wh-question.

Two forms of news' unknowns have no wh-clause to lift (``question_unknown``), only
a noun phrase the sentence says cannot be told:

- someone not yet identified: "The Russian official accused of attacking the rapper
  has not been identified" (BBC, Mongolia) -> "Who the Russian official accused of
  attacking the rapper is."; "gardaí said the man seen in the CCTV has not yet been
  identified" (XSum, Ireland) -> "Who the man seen in the CCTV is.";
- something hard to foresee: "the outlook for agriculture is difficult to predict"
  (BBC, a company's accounts) -> "What the outlook for agriculture will be."; "the
  details are difficult to assess at this early stage" (BBC, the IMF on a disaster)
  -> "What the details will be."

The noun phrase keeps the article's words; one holding a pronoun ("his attacker")
is left alone, since the question could not say whose.
"""

from __future__ import annotations

from briefs.backends.rules import question_words as W
from briefs.backends.rules.document import Sentence, Token

__all__ = ["unnamed_question"]

_HARD = frozenset(("difficult", "hard", "impossible"))
_FORESEE = frozenset(("predict", "forecast", "gauge", "assess", "say", "tell", "know", "judge"))
_POSSESSIVES = frozenset(("his", "her", "its", "their", "this", "that", "these", "those"))
_MIN_WORDS, _MAX_WORDS = 2, 12


def _phrase(toks: list[Token], head: Token) -> list[Token] | None:
    """The contiguous tokens ``head`` governs, or None when they are not contiguous."""
    at = {t.index: t for t in toks}
    inside = []
    for t in toks:
        node, steps = t, 0
        while node.index != head.index and node.head in at and node.head != node.index:
            node, steps = at[node.head], steps + 1
            if steps > len(toks):
                break
        if node.index == head.index:
            inside.append(t)
    if not inside or inside[-1].index - inside[0].index + 1 != len(inside):
        return None
    return inside


def _subject(sent: Sentence, toks: list[Token], verb: Token, deps: tuple[str, ...]) -> str | None:
    found = [t for t in toks if t.head == verb.index and t.dep in deps and t.index != verb.index]
    phrase = _phrase(toks, found[0]) if found else None
    if phrase is None or not (_MIN_WORDS <= len(phrase) <= _MAX_WORDS):
        return None
    lowered = {t.lower for t in phrase}
    if lowered & (W.PRONOUNS | W.UNRESOLVABLE | _POSSESSIVES) or phrase[0].lower == "it":
        return None  # "his attacker": whose, the question cannot say
    text = sent.text[phrase[0].start - sent.start : phrase[-1].end - sent.start]
    if phrase[0].lower in W.DETERMINERS:
        text = text[:1].lower() + text[1:]
    return " ".join(text.split())


def unnamed_question(sent: Sentence) -> str | None:
    """ "Who X is." for an X not yet identified, "What X will be." for an X hard to
    foresee; else None.

    >>> from briefs.backends.rules.document import build
    >>> [unnamed_question(s) for s in build(
    ...     "The Russian official accused of attacking the rapper has not been "
    ...     "identified. The gunmen have not yet been identified. As always, the "
    ...     "outlook for agriculture is difficult to predict. The suspect was "
    ...     "identified by police. His attacker has not been identified. It is hard "
    ...     "to say. How many copies were official currency is hard to say.").sentences]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Who the Russian official accused of attacking the rapper is.',
     'Who the gunmen are.', 'What the outlook for agriculture will be.', None, None, None,
     None]
    """
    toks = list(sent.tokens)
    for t in toks:
        if t.lower != "identified" and t.lower not in _HARD:
            continue
        children = [c for c in toks if c.head == t.index and c.index != t.index]
        if t.lower == "identified" and any(c.dep == "neg" for c in children):
            subject = _subject(sent, toks, t, ("nsubjpass",))
            if subject is None:
                return None
            head = next(c for c in children if c.dep == "nsubjpass")
            return f"Who {subject} {'are' if head.tag in ('NNS', 'NNPS') else 'is'}."
        if t.lower in _HARD and t.dep == "acomp":
            if not any(c.lower in _FORESEE and c.dep == "xcomp" for c in children):
                continue
            if any(w.lower in W.WH for w in toks if w.index < t.index):
                return None  # "How many copies were official currency is hard to say"
            copula = next((c for c in toks if c.index == t.head), None)
            subject = _subject(sent, toks, copula, ("nsubj",)) if copula else None
            return f"What {subject} will be." if subject else None
    return None
