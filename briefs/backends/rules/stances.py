"""What was said: the stance text cut from a sentence, cleaned into one sentence."""

from __future__ import annotations

import re

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.mentions import Mention
from briefs.backends.rules.wordbook import words

__all__ = [
    "OPEN_Q",
    "TOLD_OBJECT_END",
    "TRAIL",
    "clause_end",
    "clean",
    "decapitalise",
    "fronted_report",
    "leading_quote",
    "reported_clause",
    "subordinate_stop",
]

_QUOTES = "\"“”'‘’"
TRAIL = " ,;:-–—" + _QUOTES
_LEAD_DROP = ("that ", "the ")


_SUBORDINATE = words("subordinators")


def subordinate_stop(
    sent: Sentence, mentions: list[Mention], subject: Mention, verb: Token, stop: int
) -> int:
    """ "While X argued ..., Y did ..." : X's stance ends where the main clause starts."""
    toks = sent.tokens
    idx = [k for k, t in enumerate(toks) if t.end <= subject.start]
    lead = [toks[k].value.lower() for k in idx[-3:]]
    if not _SUBORDINATE & set(lead):
        return stop
    starts = {m.start for m in mentions}
    for k, t in enumerate(toks):
        if t.start > verb.end and t.end <= stop and t.value == "," and k + 1 < len(toks):
            nxt = toks[k + 1]
            after = toks[k + 2] if nxt.value.lower() == "the" and k + 2 < len(toks) else nxt
            if after.start in starts:
                return t.start
    return stop


_DANGLING = words("dangling_words")


# a speaker's tag or a closing mark left at the end of a quotation: "…,\" he said",
# "…,' Mr", "…,\" a spokesman said.", "… six months, Mr."
_TAIL_TAG = re.compile(
    r"""(?:(?<=[,.!?…]["”’'])\s*(?:(?:he|she|they|we|it)\s+\w+"""
    r"""|(?:a|an|the|his|her|its)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:said|says|added|told)"""
    r"""|said|says|added|Mr|Mrs|Ms|Dr|Prof)|(?<=,)\s*(?:Mr|Mrs|Ms|Dr|Prof)"""
    r"""|(?<=,["”’'])\s*(?:the|a|an|his|her|its)\s[^"“”‘’]{0,80})\.?\s*$"""
)


def _tail(text: str) -> str:
    """``text`` without a speaker's tag or an unmatched closing mark at its end.

    >>> _tail('We are a tough side," he said'), _tail("He pulled me in,' Mr")
    ('We are a tough side', 'He pulled me in')
    >>> _tail('It is a "tough" side,"'), _tail("Prices may rise, Mr.")
    ('It is a "tough" side', 'Prices may rise')
    >>> _tail("So I didn't think it was a problem,'"), _tail('I know what he said')
    ("So I didn't think it was a problem", 'I know what he said')
    >>> _tail('It was "wrong," she said'), _tail("Whatever the cup, it hurts")
    ('It was "wrong"', 'Whatever the cup, it hurts')
    >>> _tail('Forty were brought out," the head of the ICRC in Syria')
    'Forty were brought out'
    """
    text = _TAIL_TAG.sub("", text).rstrip(" ,")
    if len(text) > 1 and text[-1] in "\"”’'" and text[-2] in ",":
        mark, body = text[-1], text[:-2]
        if mark == "'":  # an opening ' stands before a word, not inside one ("didn't")
            opens = bool(re.search(r"(?:^|\W)'\w", body))
        else:
            opener = {"”": "“", "’": "‘"}.get(mark, mark)
            opens = bool(body.count(opener) if mark in "”’" else body.count(mark) % 2)
        text = body + mark if opens else body
    return text


def clean(text: str) -> str:
    """A stance sentence: no dangling connectives, balanced quotes, capitalised, full stop."""
    text = _tail(text.strip().strip(" ,;:-–—")).strip(" ,;:-–—")
    words = text.split()
    while words and words[-1].lower().strip(",") in _DANGLING:
        words.pop()
    text = " ".join(words).rstrip(" ,;:-–—")
    for lead in _LEAD_DROP:
        if text.lower().startswith(lead):
            text = text[len(lead) :]
    if len(text) > 2 and text[0] in "“\"'‘" and text[-1] in "”\"'’":
        inner = text[1:-1].rstrip(" ,")
        if not any(q in inner for q in '“”"'):
            text = inner  # a whole quotation: "“We will strike,” ..." -> We will strike.
    if text and text[0] in '“"' and text.count(text[0]) + text.count("”") == 1:
        text = text[1:]
    if text.count("“") > text.count("”"):
        text += "”"
    text = text.strip()
    if not text:
        return text
    if not text.endswith((".", "?", "!", ".”", '."', "?”", "!”")):
        text += "."
    return text[0].upper() + text[1:]


OPEN_Q = "\"“‘'"
_CLOSE_TAIL = re.compile(r"""[,.!?…]?\s*["”’']\s*,?\s*$""")
TOLD_OBJECT_END = re.compile(r"\b(that|:)\s*|[\"“]")


def fronted_report(sent: Sentence, subject_start: int) -> str | None:
    """ "Anyone moving to the UK will need a test, Charles Clarke has said": the report
    before the speaker, when the sentence ends with the verb."""
    head = sent.text[: subject_start - sent.start].rstrip()
    if head.endswith(",") and len(head.split()) >= 4:
        return head
    return None


def leading_quote(sent: Sentence, subject_start: int) -> str | None:
    """ "“We will strike,” Okafor said": the quotation before the speaker, also when the
    speaker's role comes first.

    >>> from briefs.backends.rules.document import build
    >>> s = build("“Forty were brought out,” the head of the ICRC, Ms Gasser, said.").sentences[0]
    >>> leading_quote(s, s.start + s.text.index("Ms Gasser"))
    '“Forty were brought out,”'
    """
    head = sent.text[: subject_start - sent.start].rstrip()
    if _CLOSE_TAIL.search(head) and (head[:1] in OPEN_Q or not any(q in head for q in OPEN_Q)):
        return head  # also the end of a quotation that opened a sentence earlier
    match = _QUOTE_THEN_ROLE.match(head)
    if match and len(match.group(2).split()) <= _MAX_ROLE_WORDS:
        return match.group(1)  # "“...,” the head of the ICRC in Syria, Marianne Gasser, said"
    return None


_MAX_ROLE_WORDS = 12
_QUOTE_THEN_ROLE = re.compile(r"""^([“"‘'].*[,!?…]\s*[”"’'])\s*([^“”"‘’']+),$""", re.S)


def decapitalise(text: str) -> str:
    """``text`` continuing a sentence: its first word lowercased only when it is a
    function word, so proper nouns keep their case.

    >>> decapitalise("Russia was unable to act."), decapitalise("It will pay.")
    ('Russia was unable to act.', 'it will pay.')
    """
    first = text.split(" ", 1)[0]
    if first.lower() in words("function_words_lowercased_in_joins"):
        return text[:1].lower() + text[1:]
    return text


def reported_clause(sent: Sentence, verb: Token) -> int | None:
    """Where the clause reported by ``verb`` begins when no "that" marks it ("told CNN
    the group fears 400 migrants could be missing"): the first word of the verb's
    clausal complement in the parse, after the verb.

    >>> from briefs.backends.rules.document import build
    >>> s = build("A spokesman told CNN the group fears 400 are missing.").sentences[0]
    >>> start = reported_clause(s, next(t for t in s.tokens if t.value == "told"))
    >>> s.text[start - s.start :]
    'the group fears 400 are missing.'
    >>> s = build("A spokesman told reporters in Rome.").sentences[0]
    >>> reported_clause(s, next(t for t in s.tokens if t.value == "told")) is None
    True
    """
    comp = [t for t in sent.tokens if t.head == verb.index and t.dep == "ccomp"]
    comp = [t for t in comp if t.start > verb.end]
    if not comp:
        return None
    inside = {comp[0].index}
    for t in sorted(sent.tokens, key=lambda t: -t.index):
        if t.index < comp[0].index and t.head in inside:
            inside.add(t.index)
    first = min(t.start for t in sent.tokens if t.index in inside)
    return first if first > verb.end else None


def clause_end(sent: Sentence, verb: Token) -> int:
    """Where the clause of ``verb`` ends in the parse (the end of all it governs), so
    a report in a relative clause stops at the clause's close.

    >>> from briefs.backends.rules.document import build
    >>> s = build("Thornbury, who has denied all wrongdoing, showed no reaction.").sentences[0]
    >>> end = clause_end(s, next(t for t in s.tokens if t.value == "denied"))
    >>> s.text[: end - s.start]
    'Thornbury, who has denied all wrongdoing'
    """
    inside = {verb.index}
    for t in sorted(sent.tokens, key=lambda t: t.index):
        if t.index > verb.index and t.head in inside:
            inside.add(t.index)
    return max(t.end for t in sent.tokens if t.index in inside and t.value not in ",;")


_MAX_CUT_WORDS = 4  # "and in the meantime"


def cut_end(sent: Sentence, verb: Token, stop: int) -> int:
    """Where a statement cut inside its sentence at ``stop`` ends: before the words that
    open what was cut off ("IS announced it was moving into Afghanistan when | it
    declared …" ends at "Afghanistan"; "Russia has demanded an apology from Turkey and
    in the meantime | has imposed sanctions" at "Turkey"). A word goes with the cut-off
    part when its head in the parse leads there, past ``stop``, before reaching ``verb``.

    >>> from briefs.backends.rules.document import build
    >>> s = build("Russia has demanded an apology from Turkey and in the meantime "
    ...           "has imposed sanctions.").sentences[0]
    >>> verb = next(t for t in s.tokens if t.value == "demanded")
    >>> stop = next(t for t in s.tokens if t.value == "has" and t.start > verb.end).start
    >>> s.text[verb.start - s.start : cut_end(s, verb, stop) - s.start]
    'demanded an apology from Turkey'
    """
    if stop >= sent.end:
        return stop
    by = {t.index: t for t in sent.tokens}

    def cut_off(t: Token) -> bool:
        seen: set[int] = set()
        while t.index != verb.index and t.index not in seen:
            if t.start >= stop:
                return True
            seen.add(t.index)
            nxt = by.get(t.head)
            if nxt is None or nxt.index == t.index:
                return False
            t = nxt
        return False

    span = [t for t in sent.tokens if verb.end <= t.start and t.end <= stop]
    dropped = 0
    while span and dropped <= _MAX_CUT_WORDS:
        last = span[-1]
        if last.pos == "PUNCT":
            span.pop()
            continue
        if last.dep != "cc" and (last.pos in ("PROPN", "NUM") or not cut_off(last)):
            break  # a name stays ("… against Valencia")
        span.pop()
        dropped += 1
    return span[-1].end if span and dropped <= _MAX_CUT_WORDS else stop
