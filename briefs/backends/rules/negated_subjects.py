"""Reports whose subject is negated: "Neither Ms Price nor Mr Hale would say how the
money would be spent", "No one at the ministry would comment", "None of the
ministers said when". Nobody named made the report, so its content is not a claim
of theirs: the stance keeps the refusal ("Would not say how they would use the
cash."), and every name joined by "neither ... nor" shares it.
"""

from __future__ import annotations

from briefs.backends.rules.actors import Entity
from briefs.backends.rules.clauses import conjoined_speaker
from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.mentions import Mention
from briefs.backends.rules.wordbook import words

__all__ = ["base_form", "joined_speaker", "negated_report", "negated_subject"]

# words that negate the subject they open ("no one", "none of", "neither ... nor")
_NEGATORS = words("negative_subjects")  # also read by question_polarity.py
_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}


def _subject(sent: Sentence, verb: Token) -> Token | None:
    return next(
        (t for t in sent.tokens if t.head == verb.index and t.dep in ("nsubj", "nsubjpass")),
        None,
    )


def _subtree(sent: Sentence, root: Token) -> list[Token]:
    inside = {root.index}
    for t in sorted(sent.tokens, key=lambda t: abs(t.index - root.index)):
        if t.head in inside:
            inside.add(t.index)
    return [t for t in sent.tokens if t.index in inside]


def negated_subject(sent: Sentence, verb: Token) -> bool:
    """Whether the subject of ``verb`` opens with a negation ("Neither X nor Y", "No
    one at X", "None of the ministers", "Nobody from X"); "No 10" (Downing Street)
    is a name, not a negation.

    >>> from briefs.backends.rules.document import build
    >>> def check(text, verb):
    ...     s = build(text).sentences[0]
    ...     return negated_subject(s, next(t for t in s.tokens if t.value == verb))
    >>> check("Neither Ms Price nor Mr Hale would say how they would spend it.", "say")
    True
    >>> check("No one at the ministry would comment on the report.", "comment")
    True
    >>> check("No 10 said the vote would be held soon.", "said"), check("He said no.", "said")
    (False, False)
    """
    subject = _subject(sent, verb)
    if subject is None or subject.start > verb.start:
        return False
    tree = _subtree(sent, subject)
    first = tree[0]
    if first.lower not in _NEGATORS:
        return False
    nxt = tree[1] if len(tree) > 1 else None
    if first.lower == "no" and (nxt is None or nxt.pos == "NUM" or nxt.value[:1].isdigit()):
        return False  # "No 10", "No. 10"
    # "not one of them", "not a single minister"
    return first.lower != "not" or (nxt is not None and nxt.lower in ("one", "a", "all"))


_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "thought": "think"}
_VOWELS = "aeiou"


def base_form(word: str) -> str:
    """The bare verb of a past or third-person form (the parse has no lemmas).

    >>> [base_form(w) for w in ("said", "denied", "noted", "admitted", "declined")]
    ['say', 'deny', 'note', 'admit', 'decline']
    >>> [base_form(w) for w in ("explained", "revealed", "confirms", "denies", "say")]
    ['explain', 'reveal', 'confirm', 'deny', 'say']
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ied") or (word.endswith("ies") and len(word) > 4):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    if not word.endswith("ed") or len(word) < 5:
        return word
    stem = word[:-2]
    if stem[-1] == stem[-2] and stem[-1] not in "ls":
        return stem[:-1]  # "admitted"
    if stem[-1] in "uvc" or (
        stem[-1] in "tsgzn" and stem[-2] in _VOWELS and stem[-3] not in _VOWELS
    ):
        return stem + "e"  # "argued", "noted", "declined"
    return stem


def negated_report(sent: Sentence, verb: Token, stop: int) -> str:
    """The stance of a report with a negated subject: its auxiliaries, "not", the verb
    and what follows, up to ``stop`` ("would not say how ...", "did not comment on ...").

    >>> from briefs.backends.rules.document import build
    >>> s = build("Neither Ms Price nor Mr Hale would say how they would spend it.")
    >>> s = s.sentences[0]
    >>> negated_report(s, next(t for t in s.tokens if t.value == "say"), s.end)
    'would not say how they would spend it.'
    >>> s = build("None of the ministers said when the vote would be held.").sentences[0]
    >>> negated_report(s, next(t for t in s.tokens if t.value == "said"), s.end)
    'did not say when the vote would be held.'
    """
    aux = [
        t
        for t in sent.tokens
        if t.head == verb.index and t.dep in ("aux", "auxpass") and t.end <= verb.start
    ]
    rest = sent.text[verb.end - sent.start : stop - sent.start]
    if aux:
        head = " ".join([aux[0].lower, "not", *(t.lower for t in aux[1:]), verb.value])
    else:
        head = f"{_DO.get(verb.tag, 'did')} not {base_form(verb.lower)}"
    return head + rest


def joined_speaker(
    toks: tuple[Token, ...], mentions: list[Mention], subject: Mention, entities: dict[str, Entity]
) -> Mention | None:
    """The other speaker of a report whose subject is two names joined by "and" or by
    "neither ... nor" ("Neither X nor Y would say"): X, when ``subject`` is Y.

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("Neither Ms Price nor Mr Hale would say how.").sentences[0]
    >>> ms = find_mentions(s, lexicon())
    >>> for m in ms:
    ...     m.entity = m.text
    >>> ents = {m.text: Entity(m.text, "person") for m in ms}
    >>> joined_speaker(s.tokens, ms, ms[-1], ents).text
    'Price'
    """
    return conjoined_speaker(toks, mentions, subject, entities) or _nor_partner(
        toks, mentions, subject, entities
    )


def _nor_partner(
    toks: tuple[Token, ...], mentions: list[Mention], subject: Mention, entities: dict[str, Entity]
) -> Mention | None:
    before = [t for t in toks if t.end <= subject.start]
    nor = [k for k, t in enumerate(before) if t.lower == "nor"]
    if not nor or subject.hint == "pronoun" or len(before) - nor[-1] > 4:
        return None  # "nor Mr Hale", "nor his deputy Tom Hale"
    joint = before[nor[-1]].start
    opener = [t for t in before if t.lower == "neither"]
    if not opener:
        return None
    for m in mentions:
        inside = opener[-1].end <= m.start and m.end <= joint
        if inside and m.hint != "pronoun" and m.entity in entities and m.entity != subject.entity:
            return m
    return None
