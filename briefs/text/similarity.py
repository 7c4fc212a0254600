"""Text similarity for stances and issues: pluggable, deterministic.

The default, ``lexical``, is the F1 of stemmed content words (Porter stemmer,
rouge-score's tokenizer, stop words removed): a stance matches when it says the
same thing in mostly the same words. Register another with ``register``.

Stop words are the function words: articles, pronouns, auxiliaries and modals,
prepositions, conjunctions and every wh-word, "whether" and "if" included, so the
form of an issue ("Whether the IMF will sell gold") never counts as agreement with
another issue of the same form ("Whether the US will block the plan").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from rouge_score import tokenizers

__all__ = ["SIMILARITIES", "Similarity", "content_tokens", "get_similarity", "lexical", "register"]

Similarity = Callable[[str, str], float]

_STOP = frozenset(
    "a an the and or but of to in on at for from by with as is are was were be been being "
    "has have had do does did will would could should may might must can shall this that "
    "these those it its their they them he she his her him we our us you your i me my not "
    "no so than then there here which who whom what when where why how whether if all any "
    "both each few more most other some such only own same too very just also into over "
    "under about after before between through during against said says say told".split()
)
_TOKENIZER = tokenizers.DefaultTokenizer(use_stemmer=True)
_STOP_STEMS = frozenset(t for w in _STOP for t in _TOKENIZER.tokenize(w))


@lru_cache(maxsize=16384)
def content_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in _TOKENIZER.tokenize(text) if t not in _STOP_STEMS)


def lexical(a: str, b: str) -> float:
    """F1 of the stemmed content words two texts share (0..1)."""
    ta, tb = Counter(content_tokens(a)), Counter(content_tokens(b))
    if not ta or not tb:
        return 1.0 if not ta and not tb and a.strip() == b.strip() else 0.0
    overlap = sum((ta & tb).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(ta.values()), overlap / sum(tb.values())
    return 2 * p * r / (p + r)


SIMILARITIES: dict[str, Similarity] = {"lexical": lexical}


def register(name: str, function: Similarity) -> None:
    SIMILARITIES[name] = function


def get_similarity(name: str) -> Similarity:
    try:
        return SIMILARITIES[name]
    except KeyError:
        known = ", ".join(sorted(SIMILARITIES))
        raise KeyError(f"unknown similarity {name!r}; known: {known}") from None
