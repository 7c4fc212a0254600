"""The setting between a saying verb and its claim: "said in a statement: “…”", "said
Friday that …". Neither the time nor the circumstance is the stance. Helpers for
``attribution.py`` (moved out of ``stances.py``).
"""

from __future__ import annotations

import re

from briefs.backends.rules.document import Sentence, Token

__all__ = ["after_setting", "framed_quote"]

_QUOTES = "\"“”'‘’"
_FRAME = re.compile(r"""^([^"“‘':;]{1,40}?):\s*(?=["“‘'])""")
_MAX_FRAME_WORDS = 8  # "at a ceremony in London on Tuesday"


def framed_quote(rest: str) -> str:
    """What follows a reporting verb, without the circumstance that stands between the
    verb and a quotation introduced by a colon ("said in a statement: “…”", "said
    last night: ‘…’"): the quotation is the report.

    >>> framed_quote(" in a statement: “This is great proof of support.”")
    '“This is great proof of support.”'
    >>> framed_quote(": “We will strike.”"), framed_quote(" that it was over: no more.")
    ('“We will strike.”', 'that it was over: no more.')
    """
    rest = rest.strip()
    match = _FRAME.match(rest)
    if match and len(match.group(1).split()) <= _MAX_FRAME_WORDS:
        return rest[match.end() :]
    return rest.lstrip(":").strip()


_MAX_SETTING = 8  # "in an interview with the BBC on Sunday"


def after_setting(sent: Sentence, verb: Token, rest: str) -> str:
    """What ``verb`` reports (``rest``, the text after it) without the time or setting
    between the verb and its "that" ("said Friday that …", "said in a statement that
    …", "warned last week that …"): the clause after "that", when the parse hangs it
    on the verb and no verb or quotation stands before it.

    >>> from briefs.backends.rules.document import build
    >>> s = build("The agency said Friday that a pesticide may have caused it.").sentences[0]
    >>> verb = next(t for t in s.tokens if t.value == "said")
    >>> after_setting(s, verb, s.text[verb.end - s.start :])
    'a pesticide may have caused it.'
    """
    toks = sent.tokens
    between: list[Token] = []
    for t in toks:
        if t.start < verb.end:
            continue
        if t.lower == "that" and t.dep == "mark" and between:
            head = next((h for h in toks if h.index == t.head), None)
            if head is not None and head.head == verb.index and head.dep == "ccomp":
                lead = sent.text[verb.end - sent.start : t.end - sent.start]
                clause = rest[len(lead) :].lstrip() if rest.startswith(lead) else ""
                return clause or rest
            return rest
        if t.pos in ("VERB", "AUX") or t.value in _QUOTES or len(between) >= _MAX_SETTING:
            return rest
        between.append(t)
    return rest
