"""Quotations that run on: the sentences of a quotation after the one that names
its speaker, and the ones before the sentence that names it.

News copy names a speaker once and lets the quotation run on ("Luis said: ‘I’m
happy at Chelsea. I want to stay at the club until the end of my contract.’"), or
opens a new quotation paragraph with no verb at all ("‘...,’ Luis added. ‘He always
says that to us.’"), or names the speaker only at the end of a quotation of
several sentences ("‘It was awful. We lost everything,’ she added."). Such a
sentence has no reporting verb of its own; it belongs to the speaker of the
quotation it is part of.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.quotemarks import (
    closes_first,
    open_after,
    opens_quote,
    unbalanced,
)
from briefs.backends.rules.stances import decapitalise

__all__ = [
    "MAX_RUN_WORDS",
    "Attribution",
    "QuoteRuns",
    "narrative_report",
    "open_after",
    "opens_quote",
]


@dataclass
class Attribution:
    actor: str
    stance: str
    start: int  # evidence span in the article text
    end: int
    verb: str
    sentence: int


MAX_RUN_WORDS = 60  # a quotation longer than this stops adding sentences to a claim
MIN_WORDS = 3  # shorter runs are fragments ("But")

_REPORTED_DEPS = ("ccomp", "xcomp", "parataxis")


def _past(sent: Sentence, verb: Token) -> bool:
    """Told in the past, as narrative is: "said", "has told" (not "wants", "says")."""
    if verb.tag == "VBD":
        return True
    aux = [t.lower for t in sent.tokens if t.head == verb.index and t.dep == "aux"]
    return verb.tag == "VBN" and any(a in ("has", "have", "had") for a in aux)


def narrative_report(
    sent: Sentence, is_report: Callable[[Token], bool], names: Callable[[Token], bool]
) -> Token | None:
    """The reporting verb of a sentence that opens with a quotation mark it never closes
    but is the article's own narrative: a report in the past whose subject names an
    actor (``names``), not itself reported ("“Apple has told the Wall Street Journal
    that it …"; "“After the two cemeteries are full the council said only …"). Some
    pages carry a quotation's closing mark over to the start of the next paragraph;
    such a sentence is not the previous speaker's words.

    >>> from briefs.backends.rules.document import build
    >>> s = build('"Apple has told the Wall Street Journal that it will act.').sentences[0]
    >>> named = lambda t: t.pos == "PROPN" or t.lower == "council"
    >>> narrative_report(s, lambda t: t.lower == "told", named).value
    'told'
    >>> s = build('“The state responded by taking their savings,” he said.').sentences[0]
    >>> narrative_report(s, lambda t: t.lower == "responded", named) is None
    True
    >>> s = build('"We think the council said no to it.').sentences[0]
    >>> narrative_report(s, lambda t: t.lower == "said", named) is None
    True
    >>> s = build('"No wonder the council wants to move on.').sentences[0]
    >>> narrative_report(s, lambda t: t.lower == "wants", named) is None
    True
    """
    if not opens_quote(sent.text) or not unbalanced(sent.text):
        return None
    by = {t.index: t for t in sent.tokens}
    for t in sent.tokens:
        if t.pos != "VERB" or not is_report(t) or not _past(sent, t):
            continue
        subj = [c for c in sent.tokens if c.head == t.index and c.dep == "nsubj"]
        if not subj or not names(subj[0]) or subj[0].start > t.start:
            continue
        cur, seen, reported = t, set(), False
        while cur.head != cur.index and cur.index not in seen:
            seen.add(cur.index)
            reported = reported or cur.dep in _REPORTED_DEPS
            cur = by.get(cur.head, cur)
        if not reported:
            return t
    return None


def quoted_verb(
    sent: Sentence, verb: Token, earlier: list[Token], narrative: Token | None = None
) -> bool:
    """Whether a reporting verb stands inside a quotation, so it is the quoted
    speaker's words, not the article reporting someone: inside a quotation opened
    after an earlier report of the sentence ("Oaten said: “Whilst Labour has rejected
    …”"), or inside one the sentence opens with ("“The state responded by taking
    their savings,” he said"), unless the verb itself introduces a quotation.

    >>> from briefs.backends.rules.document import build
    >>> def quoted(text, word):
    ...     s = build(text).sentences[0]
    ...     return quoted_verb(s, next(t for t in s.tokens if t.value == word), [])
    >>> quoted("“The state responded by taking their savings,” Ann Lee said.", "responded")
    True
    >>> quoted("“Sales are up,” Ann Lee said.", "said")
    False
    >>> quoted('"Yes, and Lee added: "No.', "added")
    False
    """
    text = sent.text
    for prior in earlier:
        if open_after(text[prior.end - sent.start : verb.start - sent.start]):
            return True
    if not opens_quote(text) or not open_after(text[: verb.start - sent.start]):
        return False
    if narrative is not None and narrative.index == verb.index:
        return False  # "“Apple has told …": a stray mark, not a quotation
    after = text[verb.end - sent.start :].lstrip()
    return not after.startswith(":") and not opens_quote(after)


_TAG = re.compile(r"""[,.!?…]\s*[”"’']\s+(?:he|she|they|it|we)\s+\w+(?:\s+\w+)?\.?$""", re.I)


def _inner(text: str) -> str:
    """A quoted sentence without its quotation marks, as a stance sentence; a speaker's
    tag after the quotation is left out ("…,” he continued.").

    >>> _inner("“Our premieres became fundraisers,” he continued.")
    'Our premieres became fundraisers.'
    """
    tag = _TAG.search(text)
    if tag is not None:
        text = text[: tag.start()]
    text = text.strip().strip("“”‘’\"' ").strip()
    if text and text[-1] not in ".?!":
        text += "."
    return text[:1].upper() + text[1:]


def _begins(sent: Sentence, head: Attribution) -> bool:
    """Whether the statement ``head`` is the opening of ``sent`` (a quotation before
    its speaker's tag), not a clause reported further on."""

    def key(text: str) -> list[str]:
        return [w for w in re.sub(r"[^\w\s]", "", text.lower()).split()][:2]

    return key(head.stance) == key(sent.text)


def _lead(pending: list[Sentence], stance: str) -> str:
    """The sentences of a quotation before the one naming its speaker, put in front of
    its stance; a piece under three words is a word split off the sentence ("‘No" |
    "one knows …,” she said" is "No one knows …"), joined without a full stop.

    >>> from briefs.backends.rules.document import build
    >>> s = build("‘It was awful. No").sentences
    >>> _lead(s, "One knows how many are left.")
    'It was awful. No one knows how many are left.'
    """
    out = ""
    for k, piece in enumerate(pending):
        text = _inner(piece.text)
        whole = len(piece.text.split()) >= MIN_WORDS
        out += text + " " if whole else text.rstrip(".") + " "
        if not whole and k + 1 == len(pending):
            stance = decapitalise(stance)
    return out + stance


class QuoteRuns:
    """Follows quotations across sentences: call ``step`` once per sentence, in order,
    with the statements attributed in it; it adds the ones a quotation carries over.

    >>> from briefs.backends.rules.document import build
    >>> doc = build("Luis said: ‘I’m happy at Chelsea. I want to stay until the end "
    ...             "of my contract.’ ‘He always asks us to win,’ Luis added. ‘He always "
    ...             "says that. ‘We have nine hard games.’ The club is top.")
    >>> s = doc.sentences
    >>> said = Attribution("Luis", "I’m happy at Chelsea.", s[0].start, s[0].end, "said", 0)
    >>> added = Attribution("Luis", "He always asks us to win.", s[2].start, s[2].end, "added", 2)
    >>> runs, out = QuoteRuns(), [said]
    >>> runs.step(s[0], out, 0); runs.step(s[1], out, 1); out.append(added)
    >>> for k in range(2, len(s)):
    ...     runs.step(s[k], out, len(out) - (k == 2))
    >>> [(a.actor, a.stance) for a in out]  # doctest: +NORMALIZE_WHITESPACE
    [('Luis', 'I’m happy at Chelsea. I want to stay until the end of my contract.'),
     ('Luis', 'He always asks us to win.'), ('Luis', 'He always says that.'),
     ('Luis', 'We have nine hard games.')]
    >>> doc = build("‘It was awful. We lost everything,’ she said. It rained.")
    >>> s = doc.sentences
    >>> out = [Attribution("Ann", "We lost everything.", s[1].start, s[1].end, "said", 1)]
    >>> runs = QuoteRuns(); runs.step(s[0], [], 0); runs.step(s[1], out, 0)
    >>> out[0].stance, out[0].start == s[0].start
    ('It was awful. We lost everything.', True)
    """

    def __init__(self) -> None:
        self.last: Attribution | None = None  # the statement a quotation may carry on
        self.open = False  # whether its quotation is still open
        self.paragraph = -1
        self.pending: list[Sentence] = []  # a quotation whose speaker is named later

    def step(
        self, sent: Sentence, out: list[Attribution], first_new: int, narrative: bool = False
    ) -> None:
        """``out[first_new:]`` are the statements found in ``sent``; ``narrative``: the
        sentence is the article's narrative despite an opening mark (``narrative_report``)."""
        mine = out[first_new:]
        if mine:
            head = mine[0]
            closes = not opens_quote(sent.text) and closes_first(sent.text)
            if self.pending and head.start == sent.start and closes and _begins(sent, head):
                # "... everything,’ she said.": the quotation began sentences earlier
                head.stance = _lead(self.pending, head.stance)
                head.start = self.pending[0].start
            self.pending = []
            self.last, self.paragraph = mine[-1], sent.paragraph
            self.open = open_after(sent.text)
            return
        last, opens = self.last, opens_quote(sent.text) and not narrative
        quoted = opens or (self.open and sent.paragraph == self.paragraph and not narrative)
        if last is not None and quoted and len(sent.text.split()) >= MIN_WORDS:
            words = len(last.stance.split()) + len(sent.text.split())
            if not opens and last.end <= sent.start and words <= MAX_RUN_WORDS:
                last.stance = last.stance + " " + _inner(sent.text)  # the same quotation
                last.end = sent.end
            else:
                new = Attribution(
                    last.actor, _inner(sent.text), sent.start, sent.end, last.verb, sent.index
                )
                out.append(new)
                self.last = new
            self.open, self.paragraph = open_after(sent.text, self.open), sent.paragraph
            return
        self.last = None
        self.pending = (
            [*self.pending, sent]
            if (opens or self.pending) and open_after(sent.text, bool(self.pending))
            else []
        )
