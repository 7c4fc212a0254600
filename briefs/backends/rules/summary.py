"""Extractive summary: rate every sentence, take the top k, put them back in order.

A sentence's rating mixes its centrality (cosine to the article's centroid) with
its position (news puts the most important facts first), with a small bonus for
naming the article's main actors. Captions, bylines and boilerplate are not
candidates. Near-duplicates of a chosen sentence are skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.text import Sentence
from briefs.backends.rules.vectors import cosine, vector

__all__ = ["is_boilerplate", "summarize"]

POSITION_WEIGHT = 0.55
CENTRALITY_WEIGHT = 0.45
ACTOR_BONUS = 0.04
REDUNDANCY = 0.6


def is_boilerplate(sentence: Sentence, lex: Lexicon) -> bool:
    text = sentence.text.strip()
    low = text.lower()
    if any(re.search(p, low) for p in lex.boilerplate):
        return True
    n_words = len(text.split())
    if n_words < 6 or n_words > 80:
        return True
    if not text.rstrip("\"”’')").endswith((".", "!", "?")):
        return True  # captions and headlines carry no final punctuation
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def summarize(
    sentences: Sequence[Sentence],
    lex: Lexicon,
    actor_spans: Sequence[Sequence[tuple[int, int]]] = (),
    k: int | None = None,
) -> list[Sentence]:
    """The summary sentences, in document order (2-4 of them where the text allows)."""
    candidates = [s for s in sentences if not is_boilerplate(s, lex)] or list(sentences[:1])
    if k is None:
        k = 2 if len(candidates) <= 6 else 3 if len(candidates) <= 30 else 4
    vectors = {s.index: vector(s.text) for s in candidates}
    centroid: Counter[str] = Counter()
    for v in vectors.values():
        centroid.update(v)
    central = {i: cosine(v, centroid) for i, v in vectors.items()}
    top_central = max(central.values(), default=0.0) or 1.0
    spans = [span for group in actor_spans for span in group]
    ranked: list[tuple[float, Sentence]] = []
    for rank, sent in enumerate(candidates):
        position = 1.0 / (1.0 + 0.35 * rank)
        actors = sum(1 for a, b in spans if sent.start <= a and b <= sent.end)
        score = (
            POSITION_WEIGHT * position
            + CENTRALITY_WEIGHT * central[sent.index] / top_central
            + ACTOR_BONUS * min(actors, 3)
        )
        ranked.append((score, sent))
    ranked.sort(key=lambda pair: -pair[0])
    chosen: list[Sentence] = []
    for _, sent in ranked:
        if len(chosen) >= k:
            break
        if any(cosine(vectors[sent.index], vectors[c.index]) > REDUNDANCY for c in chosen):
            continue
        chosen.append(sent)
    return sorted(chosen, key=lambda s: s.index)
