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

from briefs.backends.rules.document import Sentence
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.vectors import cosine, vector

__all__ = ["is_boilerplate", "summarize"]

POSITION_WEIGHT = 0.8
CENTRALITY_WEIGHT = 1.0 - POSITION_WEIGHT
POSITION_DECAY = 0.35
ACTOR_BONUS = 0.04
REDUNDANCY = 0.6
# Two sentences, and more (up to four) while the summary is shorter than the budget;
# never past the ceiling: the brief format asks for 2 to 4 sentences that say what
# happened, who is on which side and what is unresolved (about 60 to 120 words).
MIN_SENTENCES = 2
MAX_SENTENCES = 4
WORD_BUDGET = 80
WORD_CEILING = 120


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
    open_sentence: int | None = None,
) -> list[Sentence]:
    """The summary sentences, in document order (2-4 of them where the text allows).

    ``open_sentence`` (the index of the sentence stating the article's main open
    issue) joins the picks when it is not among them (dropping the last picks if the
    summary would pass the ceiling), so the summary tells what happened, who is on
    which side and what is still open."""
    candidates = [s for s in sentences if not is_boilerplate(s, lex)] or list(sentences[:1])
    max_k = k if k is not None else MAX_SENTENCES
    min_k = k if k is not None else MIN_SENTENCES
    vectors = {s.index: vector(s.text) for s in candidates}
    centroid: Counter[str] = Counter()
    for v in vectors.values():
        centroid.update(v)
    central = {i: cosine(v, centroid) for i, v in vectors.items()}
    top_central = max(central.values(), default=0.0) or 1.0
    spans = [span for group in actor_spans for span in group]
    ranked: list[tuple[float, Sentence]] = []
    for rank, sent in enumerate(candidates):
        position = 1.0 / (1.0 + POSITION_DECAY * rank)
        actors = sum(1 for a, b in spans if sent.start <= a and b <= sent.end)
        score = (
            POSITION_WEIGHT * position
            + CENTRALITY_WEIGHT * central[sent.index] / top_central
            + ACTOR_BONUS * min(actors, 3)
        )
        ranked.append((score, sent))
    ranked.sort(key=lambda pair: -pair[0])
    chosen: list[Sentence] = []
    words = 0
    for _, sent in ranked:
        if len(chosen) >= max_k or (len(chosen) >= min_k and words >= WORD_BUDGET):
            break
        if any(cosine(vectors[sent.index], vectors[c.index]) > REDUNDANCY for c in chosen):
            continue
        if len(chosen) >= min_k and words + len(sent.text.split()) > WORD_CEILING:
            continue
        chosen.append(sent)
        words += len(sent.text.split())
    if open_sentence is not None and all(s.index != open_sentence for s in chosen):
        extra = [s for s in candidates if s.index == open_sentence]
        if extra and len(chosen) >= min_k:
            while chosen and (
                len(chosen) >= max_k
                or (words + len(extra[0].text.split()) > WORD_CEILING and len(chosen) > min_k)
            ):
                words -= len(chosen.pop().text.split())
            if words + len(extra[0].text.split()) <= WORD_CEILING:
                chosen.append(extra[0])
    return sorted(chosen, key=lambda s: s.index)
