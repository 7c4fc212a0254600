"""When a speech verb reports: "called for" but not "called the police", "expressed
reservations", "plans to", not a passive whose agent is the speaker. Helpers for
``attribution.py``.
"""

from __future__ import annotations

from briefs.backends.rules.clauses import inside_report_clause
from briefs.backends.rules.continuation import quoted_verb
from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.wordbook import words

__all__ = ["EXPRESS", "conditional_verb", "inner_verb", "own_free_relative", "report_verb_ok"]

EXPRESS = ("express", "voice", "raise")  # "expressed reservations" is a stance


def _by_after(toks: tuple[Token, ...], i: int) -> bool:
    """A "by" soon after a passive verb, before any other verb: its agent, even where
    the parse hangs the "by" elsewhere."""
    for t in toks[i + 1 : i + 9]:
        if t.pos in ("VERB", "AUX"):
            return False
        if t.lower == "by":
            return True
    return False


def conditional_verb(toks: tuple[Token, ...], verb: Token) -> bool:
    """Whether ``verb`` heads a clause under "if" or "unless" (the word book's
    ``conditional_marks``): a hypothesis inside another's claim, no statement of its own
    ("He warned that unless ministers backed down, …": the warning runs on past the
    "unless"). An aside's "as" on the same verb keeps it ("if, as Ruth Kelly has
    suggested, exams stay": the parser may hang the "if" on the aside's verb).

    >>> from briefs.backends.rules.document import build
    >>> s = build("He warned that unless ministers backed down, the bill would fail.").sentences[0]
    >>> conditional_verb(s.tokens, next(t for t in s.tokens if t.value == "backed"))
    True
    >>> s = build("It may fail if, as Tony Blair has suggested, exams stay.").sentences[0]
    >>> conditional_verb(s.tokens, next(t for t in s.tokens if t.value == "suggested"))
    False
    """
    marks = {t.lower for t in toks if t.head == verb.index and t.dep == "mark"}
    return bool(marks & words("conditional_marks")) and not marks & words("aside_marks")


def inner_verb(
    sent: Sentence, verb: Token, earlier: list[Token], narrative: Token | None = None
) -> bool:
    """Whether a reporting verb is part of an ``earlier`` report of its sentence: inside
    its quotation (``continuation.quoted_verb``), or a condition inside the clause it
    reports, so the earlier report runs on past it: "He warned that unless ministers
    backed down, the government would have great difficulty" is his warning, whole
    (cut at "backed", it was "that unless" and dropped).

    >>> from briefs.backends.rules.document import build
    >>> s = build("He warned that unless ministers backed down, the bill would fail.").sentences[0]
    >>> warned, backed = (next(t for t in s.tokens if t.value == w) for w in ("warned", "backed"))
    >>> inner_verb(s, backed, [warned]), inner_verb(s, backed, [])
    (True, False)
    """
    if quoted_verb(sent, verb, earlier, narrative):
        return True
    return conditional_verb(sent.tokens, verb) and any(
        inside_report_clause(sent.tokens, verb, e) for e in earlier
    )


def own_free_relative(toks: tuple[Token, ...], verb: Token) -> bool:
    """Whether ``verb`` reports inside a free relative ("what he said was …") whose
    subject is a pronoun standing for the subject of the sentence's main clause:
    "Dominic Grieve criticised plans to change what he said was an 'exceptional
    institution'", "The firm published what it said were its plans": the words are part
    of the main clause's statement, no statement of their own (and "he" is not the
    last speaker of the sentences before). A passive one reports nobody ("What they
    are alleged to have done"); a named subject reports on its own ("died in what
    police said was a robbery").

    >>> from briefs.backends.rules.document import build
    >>> s = build("Ann Lee criticised plans to change what she said was a fine body.")
    >>> s = s.sentences[0]
    >>> own_free_relative(s.tokens, next(t for t in s.tokens if t.value == "said"))
    True
    >>> s = build("What they are alleged to have done is unacceptable.").sentences[0]
    >>> own_free_relative(s.tokens, next(t for t in s.tokens if t.value == "alleged"))
    True
    >>> s = build("He died in what police said was a robbery.").sentences[0]
    >>> own_free_relative(s.tokens, next(t for t in s.tokens if t.value == "said"))
    False
    """
    by = {t.index: t for t in toks}
    kids = [t for t in toks if t.head == verb.index and t.index < verb.index]
    subject = next((t for t in kids if t.dep in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos != "PRON" or subject.lower in words("free_relative_words"):
        return False
    what = by.get(subject.index - 1)
    if what is None or what.lower not in words("free_relative_words"):
        return False
    if not _below(by, what, verb):
        return False
    if subject.dep == "nsubjpass":
        return True  # "What they are alleged to have done …": nobody speaks
    root = next((t for t in toks if t.head == t.index), None)
    return root is not None and any(
        t.head == root.index and t.dep in ("nsubj", "nsubjpass") and t.index < subject.index
        for t in toks
    )


def _below(by: dict[int, Token], tok: Token, top: Token) -> bool:
    """Whether ``top`` is ``tok`` or lies on its chain of heads."""
    seen: set[int] = set()
    while tok.index != top.index and tok.head != tok.index and tok.index not in seen:
        seen.add(tok.index)
        tok = by.get(tok.head, tok)
    return tok.index == top.index


def report_verb_ok(toks: tuple[Token, ...], i: int, lex: Lexicon) -> bool:
    """Whether the speech verb at ``toks[i]`` reports here ("called for", "expressed
    reservations", "plans to"), not "called the police", "it is not believed" or a
    passive with its agent ("who were described as rude by the father": the father
    speaks, not the subject).

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("The guards, who were described as rude by his father, left.").sentences[0]
    >>> i = next(k for k, t in enumerate(s.tokens) if t.value == "described")
    >>> report_verb_ok(s.tokens, i, lexicon())
    False
    >>> s = build("It is feared they travelled to Syria.").sentences[0]
    >>> report_verb_ok(s.tokens, 2, lexicon())
    False
    >>> s = build("The father described the guards as rude.").sentences[0]
    >>> i = next(k for k, t in enumerate(s.tokens) if t.value == "described")
    >>> report_verb_ok(s.tokens, i, lexicon())
    True
    """
    if own_free_relative(toks, toks[i]):
        return False  # "… to change what he said was …": the main clause's words
    lemma = lex.speech_verbs[toks[i].value.lower()]
    nxt = toks[i + 1].value.lower() if i + 1 < len(toks) else ""
    after = " ".join(t.value.lower() for t in toks[i + 1 : i + 4])
    if any(t.head == toks[i].index and t.dep == "nsubjpass" and t.lower == "it" for t in toks):
        return False  # "It is feared they travelled to Syria": nobody speaks
    if lemma == "call":
        return nxt in ("for", "on")
    if lemma in EXPRESS:
        return any(after.startswith(o) for o in lex.express_objects)
    if lemma in ("plan", "fear", "hope", "back", "question", "rule", "find", "vote"):
        return nxt not in (".", ",", ")")
    kids = [t.dep for t in toks if t.head == toks[i].index]
    if "auxpass" in kids and ("agent" in kids or _by_after(toks, i)):
        return False  # "officers, who were described as 'over-zealous' by the father"
    if lemma in ("believe", "think"):  # "It is not believed to be related": nobody speaks
        return "auxpass" not in kids
    return True
