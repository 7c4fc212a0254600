"""Bag-of-words vectors for sentences: stop words out, crude suffix stemming."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

__all__ = ["cosine", "stem", "stopwords", "vector", "words"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_SUFFIXES = (
    "ingly",
    "edly",
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "s",
    "ly",
)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    data = resources.files("briefs.backends.rules").joinpath("data").joinpath("stopwords.txt")
    return frozenset(data.read_text(encoding="utf-8").split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def vector(text: str) -> Counter[str]:
    stop = stopwords()
    return Counter(stem(w) for w in words(text) if w not in stop and len(w) > 1)


def cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0
