"""Whether a summary says only what the article says: names, numbers, sentences.

- **Names**: capitalised words not at the start of a sentence (runs such as "Gordon
  Brown" are checked word by word) and acronyms anywhere ("IMF", "G7"). A name is
  supported when the word occurs in the article, case-insensitively, with a
  possessive "'s" or a plural "s" removed (each capitalised part of a hyphenated
  word on its own: "Russian-brokered" needs "Russian").
- **Numbers**: digit groups with their decimals and a scale suffix ("1.55bn",
  "£600m", "2,000", "9%"). A number is supported when the article has the same digits
  (commas, currency signs and the suffix off; "1.55bn" and "1.55 billion" agree).
- **Sentences**: a summary sentence is supported when some article sentence, or two
  adjacent ones, contain at least ``SUPPORT_RECALL`` (0.5) of its content words
  (stemmed, stop words off, as in ``similarity.content_tokens``).

``unsupported`` lists every name, number and sentence that fails; the field
``summary.unsupported`` is their count (lower is better; the gate's ceiling is 0).
An extractive summary (article sentences, verbatim) scores 0.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from syntok import segmenter

from briefs.text.similarity import content_tokens

__all__ = ["SUPPORT_RECALL", "Support", "check_support", "sentences"]

SUPPORT_RECALL = 0.5
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-.&]*[A-Za-z]|[A-Z]")
_SCALES = r"(?:bn|m|k|billion|million|trillion|thousand|%|per cent)"
_NUMBER = re.compile(
    rf"(?<![\w.])[£$€]?\d[\d,]*(?:\.\d+)?(?:\s?{_SCALES}(?![A-Za-z]))?", re.IGNORECASE
)
_SCALE = re.compile(rf"\s?{_SCALES}$", re.IGNORECASE)


@dataclass(frozen=True)
class Support:
    """Unsupported items of one summary (empty tuples: fully supported)."""

    names: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()

    @property
    def unsupported(self) -> tuple[str, ...]:
        return self.names + self.numbers + self.sentences

    @property
    def count(self) -> int:
        return len(self.unsupported)


def sentences(text: str) -> list[str]:
    out = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            s = "".join(t.spacing + t.value for t in sentence).strip()
            if s:
                out.append(s)
    return out


def _norm_word(word: str) -> str:
    w = word.lower().replace("’", "'").strip(".'")
    return re.sub(r"'s$", "", w)


def _norm_number(number: str) -> str:
    digits = _SCALE.sub("", number).lstrip("£$€").replace(",", "")
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    return digits


@lru_cache(maxsize=64)
def _article_index(text: str) -> tuple[frozenset[str], frozenset[str], tuple[Counter[str], ...]]:
    words = frozenset(_norm_word(w) for w in _WORD.findall(text))
    parts = frozenset(p for w in words for p in re.split(r"[-.&]", w) if p)
    numbers = frozenset(_norm_number(n) for n in _NUMBER.findall(text))
    sents = [Counter(content_tokens(s)) for s in sentences(text)]
    windows = sents + [a + b for a, b in pairwise(sents)]
    return words | parts, numbers, tuple(windows)


def _names(sentence: str) -> list[str]:
    out = []
    for i, m in enumerate(_WORD.finditer(sentence)):
        word = m.group(0).strip(".")
        acronym = len(word) >= 2 and word.replace("&", "").isupper()
        if acronym or (i > 0 and word[:1].isupper()):
            out.append(word)
    return out


def _name_supported(name: str, words: frozenset[str]) -> bool:
    """The word, or each capitalised part of a hyphenated one, with or without plural -s."""
    parts = [p for p in re.split(r"[-.&]", name) if p[:1].isupper()] or [name]
    return all(_norm_word(p) in words or _norm_word(p).removesuffix("s") in words for p in parts)


def _supported_sentence(sentence: str, windows: tuple[Counter[str], ...]) -> bool:
    mine = Counter(content_tokens(sentence))
    total = sum(mine.values())
    if not total:
        return True
    best = max((sum((mine & w).values()) / total for w in windows), default=0.0)
    return best >= SUPPORT_RECALL


def check_support(summary: str, article: str) -> Support:
    """The names, numbers and sentences of ``summary`` that ``article`` does not support."""
    words, numbers, windows = _article_index(article)
    names: list[str] = []
    nums: list[str] = []
    sents: list[str] = []
    for sentence in sentences(summary):
        for name in _names(sentence):
            if not _name_supported(name, words):
                names.append(name)
        for number in _NUMBER.findall(sentence):
            if _norm_number(number) not in numbers:
                nums.append(number.strip())
        if not _supported_sentence(sentence, windows):
            sents.append(sentence)
    return Support(tuple(names), tuple(nums), tuple(sents))
