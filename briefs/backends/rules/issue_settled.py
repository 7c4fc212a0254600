"""What keeps a sentence from being an open issue: it tells of something settled.

A past event told as done ("The firm cut 500 jobs in May."), a decision already
taken and reported ("he was told he will face no further action", "the board
confirmed that the plant will close"), a speaker's own words in the first person,
and a question that lost the sentence's negation. ``issues.py`` asks these before it
lists a sentence as open.
"""

from __future__ import annotations

import re

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.wordbook import words

__all__ = [
    "decided",
    "first_person",
    "fragment",
    "keeps_polarity",
    "plain",
    "relative_modals",
    "settled",
]

_NEGATIONS = re.compile(r"\b(?:not|never|no|cannot|nor)\b|n[’']t\b", re.I)
_FIRST_PERSON = frozenset(("i", "we", "me", "us", "my", "our"))
_SURE = frozenset(("will", "would", "'ll", "’ll", "wo"))  # the modals of a firm outcome


def keeps_polarity(sent: Sentence, question: str) -> bool:
    """Whether a question drawn from ``sent`` keeps its negation: a sentence whose
    parse holds a negation gives a question only if the question says "not" too.

    A question that drops the "not" asks the opposite of what the article says. A
    negation in a clause the question leaves out ("but warned the window was not
    negotiable") does not count: the word it negates is not in the question.

    >>> from briefs.backends.rules.document import build
    >>> s = build("Saunders said he would not be prosecuted.").sentences[0]
    >>> keeps_polarity(s, "Whether Saunders will be prosecuted."), keeps_polarity(
    ...     s, "Whether Saunders will not be prosecuted.")
    (False, True)
    >>> s = build("She said the board would reconsider the bid, but warned that the "
    ...           "window was not negotiable.").sentences[0]
    >>> keeps_polarity(s, "Whether the board will reconsider the bid.")
    True
    """
    if _NEGATIONS.search(question) is not None:
        return True
    asked = set(re.findall(r"[\w’']+", question.lower()))
    by_index = {t.index: t for t in sent.tokens}
    for neg in (t for t in sent.tokens if t.dep == "neg"):
        head = by_index.get(neg.head)
        after = [t for t in sent.tokens if t.index > neg.index and t.pos != "PART"][:1]
        for word in [head, *after]:
            if word is None or word.pos in ("AUX", "PUNCT", "ADP", "DET", "CCONJ"):
                continue
            if word.lower in asked:
                return False  # the question asks about the very word the article negates
        if head is None or (head.pos == "AUX" and not after):
            return False
    return True


def plain(sent: Sentence) -> str:
    """The sentence in lower case without its proper nouns, for cue words ("in May"
    is a month, not "may").

    >>> from briefs.backends.rules.document import build
    >>> plain(build("The firm cut 500 jobs in May.").sentences[0])
    'the firm cut 500 jobs in .'

    A "would" that tells the past from further back ("a match which would later pave
    the way", "who would eventually become mayor") is narrative, no cue:

    >>> plain(build("He fought Ali, a bout which would later pave the way.").sentences[0])
    'he fought , a bout which later pave the way .'
    """
    skip = _narrative_modals(sent)
    return " ".join(t.lower for t in sent.tokens if t.pos != "PROPN" and t.index not in skip)


_NARRATIVE_NEXT = frozenset({"later", "eventually", "subsequently"})


def _narrative_modals(sent: Sentence) -> set[int]:
    """Indexes of "would" followed by "later", "eventually" or "subsequently"."""
    toks = sent.tokens
    return {
        t.index
        for k, t in enumerate(toks[:-1])
        if t.lower == "would" and toks[k + 1].lower in _NARRATIVE_NEXT
    }


def settled(sent: Sentence, future_re: re.Pattern[str]) -> bool:
    """A sentence that reports something done: its main verb in the past or present
    perfect, no modal and no forward-looking cue ("The firm cut 500 jobs in May.",
    "There has been an upsurge in crossings."); a gerund after a preposition is no
    cue ("After hearing about the probe he wrote to the Palace."), and neither is a
    question about the past asked in the past ("He was asked if he was there.").

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.issues import _cue_pattern
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> cues = _cue_pattern(tuple(lexicon().future_cues))
    >>> [settled(s, cues) for s in build(
    ...     "The firm cut 500 jobs in May. The union will decide on a strike. "
    ...     "He didn't answer the letter. There has been an upsurge in crossings. "
    ...     "After hearing about the probe last year, he wrote to the Palace. "
    ...     "He was asked if he was at the party. He will decide if he stays.").sentences]
    [True, False, True, True, True, True, False]
    """
    tokens = sent.tokens
    cues = {m.group(0) for m in future_re.finditer(plain(sent))}
    if cues - {"if", "whether"} or (cues and not _past_questions(sent)):
        return False
    narrative = _narrative_modals(sent)
    if any(t.tag == "MD" and t.index not in narrative for t in tokens):
        return False
    moving = words("open_cues") - cues  # an "if" already read as a past question
    if any(t.lower in moving for t in tokens if t.pos != "PROPN" and t.dep != "pcomp"):
        return False  # "appealed", "talks", "the deal": the matter is still moving
    roots = [t for t in tokens if t.dep == "ROOT"]
    if not roots:
        return False
    root = roots[0]
    aux = {t.lower for t in tokens if t.head == root.index and t.dep in ("aux", "auxpass")}
    if root.tag == "VBN":  # "There has been an upsurge.", "He was twice rebuffed."
        return bool(aux & {"has", "have", "had", "was", "were"})
    return root.tag == "VBD" or (root.tag == "VB" and "did" in aux)  # "He didn't answer."


def _past_questions(sent: Sentence) -> bool:
    """Every "if"/"whether" of ``sent`` opens a question about the past, asked in the
    past ("He was asked if he was at the party."): a question already put."""
    by_index = {t.index: t for t in sent.tokens}
    for token in sent.tokens:
        if token.lower in ("if", "whether"):
            verb = by_index.get(token.head)
            asker = by_index.get(verb.head) if verb is not None else None
            if (
                verb is None
                or asker is None
                or verb.tag != "VBD"
                or asker.tag not in ("VBD", "VBN")
            ):
                return False
    return True


def fragment(sent: Sentence) -> bool:
    """A piece of a sentence cut off from its subject: it opens on a modal and asks
    nothing ("Could cause tap water to ignite.").

    >>> from briefs.backends.rules.document import build
    >>> [fragment(s) for s in build(
    ...     "Could cause tap water to ignite. Could the vote be delayed?").sentences]
    [True, False]
    """
    words_ = [t for t in sent.tokens if t.value[:1].isalpha()]
    return bool(words_) and words_[0].tag == "MD" and not sent.text.rstrip("\"”’' ").endswith("?")


def relative_modals(sent: Sentence) -> bool:
    """Every modal of ``sent`` sits in a what-clause that names a thing rather than
    asks about it ("an example of what a good monarch could be"): such a modal looks
    forward to nothing. A relative clause ("Mr Clarke, who will unveil his plans on
    Monday") and a how-clause ("no agreement on how convoys would be inspected") do.

    >>> from briefs.backends.rules.document import build
    >>> [relative_modals(s) for s in build(
    ...     "It was an example of what a good monarch could be. "
    ...     "The board could sell the unit. "
    ...     "Mr Clarke, who will unveil his plans on Monday, spoke.").sentences]
    [True, False, False]
    """
    by_index = {t.index: t for t in sent.tokens}
    modals = [t for t in sent.tokens if t.tag == "MD"]
    for modal in modals:
        verb = by_index.get(modal.head)
        if verb is None or not any(
            t.head == verb.index and t.lower in ("what", "whatever") and t.index < modal.index
            for t in sent.tokens
        ):
            return False
    return bool(modals)


def first_person(sent: Sentence) -> bool:
    """A sentence in the first person ("I want to stay ...", "we will decide ...") is a
    speaker's words, not the article saying what is open.

    >>> from briefs.backends.rules.document import build
    >>> [first_person(s) for s in build(
    ...     "I want to stay at the club. The club may sell him in May.").sentences]
    [True, False]
    """
    return any(t.lower in _FIRST_PERSON and t.tag in ("PRP", "PRP$") for t in sent.tokens)


def decided(sent: Sentence, future_re: re.Pattern[str]) -> bool:
    """A future that is already settled: every "will"/"would" of the sentence sits in
    a clause that reports a decision taken, and nothing else in it looks forward.

    The decision is reported either by a verb of being told it, in the passive ("he
    was told he will face no further action", "staff have been informed the site
    would close"), by a verb of deciding in the past ("the board confirmed that the
    plant will close", "the judge ruled he would be extradited"), or by its outcome
    ("police said he will face no further action"). A clause that still holds
    something to come stays open: an appeal, a hearing, a decision, a condition
    ("he has decided he will appeal", "he was told he would face a hearing"), and
    so does a decision still expected ("the council is expected to decide").

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.issues import _cue_pattern
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> cues = _cue_pattern(tuple(lexicon().future_cues))
    >>> def check(text):
    ...     return [decided(s, cues) for s in build(text).sentences]
    >>> check("The 57-year-old has criticised the investigation after he was told "
    ...       "he will face no further action. Police said he will face no further action.")
    [True, True]
    >>> check("The board confirmed that the plant will close in May. The judge ruled "
    ...       "that he would be extradited to the US.")
    [True, True]
    >>> check("He has decided he will appeal against the ruling. He was told he would "
    ...       "face a disciplinary hearing. The council is expected to decide next week.")
    [False, False, False]
    >>> check("The club said he will join in the summer. He was told he would be "
    ...       "released, but the union will fight on.")
    [False, False]
    """
    by_index = {t.index: t for t in sent.tokens}
    modals = [t for t in sent.tokens if t.tag == "MD"]
    if not modals:
        return False
    inside: set[int] = set()
    for modal in modals:
        clause = by_index.get(modal.head)
        if modal.lower not in _SURE or clause is None:
            return False
        span = _subtree(sent, clause)
        if any(t.lower in words("open_cues") for t in span if t.pos != "PROPN"):
            return False  # "he will appeal", "would face a hearing": still to come
        text = " ".join(t.lower for t in span)
        outcome = any(p in text for p in words("settled_outcomes"))
        if not (outcome or _reports_decision(by_index.get(clause.head), clause, sent)):
            return False
        inside.update(t.index for t in span)
    rest = " ".join(t.lower for t in sent.tokens if t.index not in inside and t.pos != "PROPN")
    return future_re.search(rest) is None


def _reports_decision(verb: Token | None, clause: Token, sent: Sentence) -> bool:
    """``clause`` is the complement of a verb that reports a decision as taken."""
    if verb is None or clause.dep != "ccomp" or verb.index == clause.index:
        return False
    kids = [t for t in sent.tokens if t.head == verb.index and t.index != verb.index]
    if any(t.tag == "MD" for t in kids):
        return False  # "will be told", "would confirm": not taken yet
    passive = any(t.dep == "auxpass" for t in kids)
    if verb.lower in words("decision_received"):
        return passive  # "was told", "have been informed"
    if verb.lower in words("decision_made") and not passive:
        perfect = any(t.lower in ("has", "have", "had") and t.dep == "aux" for t in kids)
        return verb.tag == "VBD" or (verb.tag == "VBN" and perfect)
    return False


def _subtree(sent: Sentence, head: Token) -> list[Token]:
    """``head`` and every token of ``sent`` it governs."""
    by_index = {t.index: t for t in sent.tokens}
    out = []
    for token in sent.tokens:
        node: Token | None = token
        for _ in range(len(sent.tokens)):
            if node is None or node.index == head.index:
                break
            parent = by_index.get(node.head)
            node = None if parent is None or parent.index == node.index else parent
        if node is not None and node.index == head.index:
            out.append(token)
    return out
