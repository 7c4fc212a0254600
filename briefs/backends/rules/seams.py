"""Sentence seams the parser misreads: full stops glued to the next sentence, and
brackets inside a quotation.

Some texts (XSum's BBC pages above all) join sentences with no space after the full
stop: "… told the BBC.The education secretary said …". spaCy's tokenizer keeps
"BBC.The" as one word, so both sentences become one and the second statement goes
to the first speaker. The parser reads the text with a space put back at each such
seam (``parse_text``); offsets are mapped back to the article's own text
(``Offsets``), so evidence still slices the article exactly.

An editor's words in square brackets inside a quotation ("I love [the club] and …")
make spaCy start a sentence at or after the bracket; ``joins_previous`` tells the
document builder to keep such a piece with the sentence it belongs to.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from briefs.backends.rules.wordbook import words

__all__ = ["Offsets", "glued_stops", "joins_previous", "parse_text"]

# two letters or a digit, a full stop (or ! ?), maybe a closing quote, then a
# capitalised word: "BBC.The", "2007.The", "rate.Jonathan", "UK.\"We"; not "U.S",
# "bbc.co.uk", "F.Marinos", "1.5" (one letter before the stop, or no capital after it)
_GLUE = re.compile(r"(?<![\w.])([A-Za-z]*[A-Za-z]{2}|\w*\d)[.!?]([\"’”]?)(?=[\"‘“]?[A-Z][a-z])")


def glued_stops(text: str) -> list[int]:
    """Offsets where a sentence starts right after a full stop with no space.

    >>> text = "He told the BBC.The minister said no. See bbc.co.uk. It won 2-0.Fans sang."
    >>> [text[i:i + 4] for i in glued_stops(text)]
    ['The ', 'Fans']
    >>> text = 'He said: "We won!"Mr Li left.It rained."We lost."'
    >>> [text[i:i + 3] for i in glued_stops(text)]
    ['Mr ', 'It ', '"We']
    >>> glued_stops("The U.S.Army and Mr.Smith met in Washington D.C.")
    []
    """
    stops = []
    skip = words("abbreviations") | words("rank_abbreviations")
    for match in _GLUE.finditer(text):
        if match.group(1) in skip:
            continue
        end = match.end()
        if match.group(2) == '"' and text.count('"', 0, end - 1) % 2 == 0:
            end -= 1  # a straight quote outside any quotation opens the next sentence
        stops.append(end)
    return stops


def parse_text(text: str) -> str:
    """``text`` as the parser should read it: a space at every glued full stop.

    >>> parse_text("He told the BBC.The minister said no.")
    'He told the BBC. The minister said no.'
    """
    stops = glued_stops(text)
    if not stops:
        return text
    pieces, last = [], 0
    for stop in stops:
        pieces.append(text[last:stop])
        last = stop
    pieces.append(text[last:])
    return " ".join(pieces)


class Offsets:
    """Maps offsets in the parsed text back to the article's text (``parse_text``
    only ever inserts single spaces).

    >>> text = "He told the BBC.The minister said no."
    >>> at = Offsets(text, parse_text(text))
    >>> at(parse_text(text).index("minister")) == text.index("minister")
    True
    """

    def __init__(self, text: str, parsed: str) -> None:
        self._inserted: list[int] = []  # positions in ``parsed`` of inserted spaces
        if parsed != text:
            self._inserted = [stop + n for n, stop in enumerate(glued_stops(text))]

    def __call__(self, index: int) -> int:
        return index - bisect_left(self._inserted, index)


_FINAL = re.compile(r"[.!?…:;]['\"’”)]*$")


def joins_previous(previous: str, current: str) -> bool:
    """Whether a parser sentence ``current`` continues ``previous``: the cut falls at a
    square bracket (an editor's insertion in a quotation) and ``previous`` has no
    final punctuation of its own.

    >>> joins_previous('"I love', "[the club] and I want to stay.")
    True
    >>> joins_previous('"It is my aim, and [veteran goalkeeper]', "Gemma Fay agrees.")
    True
    >>> joins_previous("He left.", "[Updated] The talks resume today.")
    False
    """
    if _FINAL.search(previous.rstrip()):
        return False
    return previous.rstrip().endswith("]") or current.lstrip().startswith("[")
