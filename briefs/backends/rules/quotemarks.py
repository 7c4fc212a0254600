"""Quotation marks: where a quotation opens and closes, sentence by sentence.

Curly quotes say which way they face; a straight double quote is read from its
neighbours (after a space and before a word it opens, after a word or a full stop and
before a space it closes); single quotes count only outside words, so apostrophes
("I’m", "Costa's") are neither.
"""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["OPENERS", "closes_first", "open_after", "opens_quote", "unbalanced"]

OPENERS = "“‘\"'"
_WORD = str.isalnum


def opens_quote(text: str) -> bool:
    """Whether ``text`` starts with an opening quotation mark (a new quotation).

    >>> opens_quote("‘He always says that to us."), opens_quote("He said: ‘No.’")
    (True, False)
    """
    text = text.lstrip()
    return len(text) > 1 and text[0] in OPENERS and (_WORD(text[1]) or text[1] in "‘“")


def open_after(text: str, is_open: bool = False) -> bool:
    """Whether a quotation is still open at the end of ``text`` (given whether one was
    open at its start). Curly quotes open and close; a straight double quote toggles;
    a single quote or ’ opens before a word and closes after one, so apostrophes
    ("I’m", "Costa's") count as neither.

    >>> open_after("Luis said: ‘I’m happy at Chelsea.")
    True
    >>> open_after("I want to stay at the club until the end of my contract.’", True)
    False
    >>> open_after("'I believe it was him,' he said.")
    False
    >>> open_after('He said: "I have not decided yet at all.')
    True
    >>> open_after("The players' union said it was Costa's fault.")
    False
    """
    states = [now for _, now in _marks(text, is_open)]
    return states[-1] if states else is_open


def _marks(text: str, is_open: bool) -> Iterator[tuple[int, bool]]:
    """Each quotation mark of ``text`` (by offset) with whether a quotation is open after
    it (see ``open_after``)."""
    for k, ch in enumerate(text):
        before = text[k - 1] if k else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        if ch == "“":
            is_open = True
        elif ch == "”":
            is_open = False
        elif ch == '"':
            is_open = _straight(before, after, is_open)
        elif ch in "‘'’":
            if _WORD(before) and _WORD(after):
                continue  # an apostrophe inside a word
            if (before.isspace() or before in "(—–-:") and _WORD(after) and ch != "’":
                is_open = True
            elif is_open and not _WORD(after) and (_WORD(before) or before in ",.!?…"):
                is_open = False
            else:
                continue
        else:
            continue
        yield k, is_open


def _straight(before: str, after: str, is_open: bool) -> bool:
    """Whether a quotation is open after a straight double quote between ``before`` and
    ``after``. A mark after a space and before a word opens one, even when one is open
    already: a quotation of several paragraphs opens each paragraph anew and closes only
    the last (‘said: "I'm still in shock. … "But we will give it our best shot."’); a mark
    after a word or a full stop and before a space closes it. Any other mark toggles.

    >>> _straight(" ", "B", True), _straight(".", " ", False), _straight(" ", " ", True)
    (True, False, False)
    """
    if (before.isspace() or before in "([:—–-") and (_WORD(after) or after == "…"):
        return True
    if (_WORD(before) or before in ",.!?…;'’") and (after.isspace() or after in ',.;:!?)"'):
        return False
    return not is_open


def closes_first(text: str) -> bool:
    """Whether the first quotation mark of ``text`` closes a quotation open before it
    ("… everything,” she said", not "She said “yes” and …").

    >>> closes_first("we lost everything,” she said."), closes_first('He said "yes" to it.')
    (True, False)
    """
    return next((not now for _, now in _marks(text, True)), False)


def unbalanced(text: str) -> bool:
    """Whether the quotation ``text`` opens with is never closed in it."""
    if text.lstrip()[:1] == '"':
        return text.count('"') % 2 == 1
    return text.count("“") + text.count("‘") > text.count("”") + _closing_singles(text)


def _closing_singles(text: str) -> int:
    return sum(1 for k, ch in enumerate(text) if ch == "’" and not text[k + 1 : k + 2].isalpha())
