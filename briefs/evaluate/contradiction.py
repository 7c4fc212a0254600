"""Whether two stances (or issues) say opposite things: aligned clauses, polarity apart.

A text is cut into clauses at ";", ":", every comma, and before "and", "but",
"although", "though", "while", "whereas", "or", "if", "unless", "because", "since",
"when", "before", "after" and "until" (fine pieces: a negation then only counts
where it stands). Two clauses are aligned when each is the other's most similar
clause and their lexical similarity is at least ``ALIGN`` (0.5); the texts contradict
when some aligned pair has opposite polarity (``briefs.evaluate.polarity``). So "X
will not pay" contradicts "X will pay", "Rejects the offer; talks go on" contradicts
"Accepts the offer; talks go on", and a negation in an unrelated clause ("Pay rose
3%; no deal on jobs" against "Pay rose 3%") does not count: it has no counterpart.

Polarity is compared per aligned pair, cue by cue (``net_cues``): a negation cue
that the other clause shares is no difference. The same cue in both cancels (as it
does in the product of polarities), and so does a cue whose word the other clause
uses without it counting there: "It is right that the council has rejected the
bypass" against "Welcomes the council's rejection of the bypass" shares "reject",
which belongs to the embedded clause about the council in both, so neither speaker
denies anything. A cue the other clause lacks still flips: "X denied Y" against "Y"
contradicts.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rouge_score import tokenizers

from briefs.evaluate.polarity import negation_cues
from briefs.text.similarity import lexical

__all__ = ["ALIGN", "clauses", "contradicts", "net_cues"]

ALIGN = 0.5
_SPLIT = re.compile(
    r"\s*[;:]\s*|,\s+|\s+(?=(?:but|although|though|while|whereas|and|or|if|unless|because|"
    r"since|when|before|after|until)\b)",
    re.IGNORECASE,
)
_STEMMER = tokenizers.DefaultTokenizer(use_stemmer=True)
_PREFIX = 4  # a cue's stem and a word's stem agree when one begins the other, >= 4 letters


@lru_cache(maxsize=16384)
def clauses(text: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in _SPLIT.split(text) if p and p.strip())
    return parts or (text,)


def _best(clause: str, others: tuple[str, ...]) -> tuple[float, int]:
    return max((lexical(clause, o), -k) for k, o in enumerate(others))


@lru_cache(maxsize=16384)
def _cue_stems(clause: str) -> Counter[str]:
    """Stems of the cues that count in ``clause`` ("n't" is "not"; "rule out" is "rule")."""
    stems: Counter[str] = Counter()
    for cue in negation_cues(clause):
        word = "not" if cue == "n't" else cue.split()[0]
        stems.update(_STEMMER.tokenize(word)[:1] or [word])
    return stems


@lru_cache(maxsize=16384)
def _word_stems(clause: str) -> Counter[str]:
    return Counter(_STEMMER.tokenize(re.sub(r"n[\u2019']t\b", " not", clause)))


def _same(cue: str, word: str) -> bool:
    if cue == word:
        return True
    short = min(len(cue), len(word))
    return short >= _PREFIX and (cue.startswith(word) or word.startswith(cue))


def _plain(stem: str, words: Counter[str], cues: Counter[str]) -> int:
    """How many words of a clause have ``stem`` without being one of its cues."""
    return max(0, sum(n for w, n in words.items() if _same(stem, w)) - cues[stem])


def net_cues(a: str, b: str) -> tuple[int, int]:
    """The negation cues of clause ``a`` and of clause ``b`` that the other does not share.

    Per cue stem, words pair one to one: a cue with the same cue in the other clause,
    a plain word with a plain word, and what is left of the cues with what is left of
    the other's plain words ("Rejects the council's rejection" against "Welcomes the
    council's rejection": the nouns pair, so "Rejects" is unshared).
    """
    ca, cb = _cue_stems(a), _cue_stems(b)
    wa, wb = _word_stems(a), _word_stems(b)
    left_a = left_b = 0
    for stem in ca.keys() | cb.keys():
        pair = min(ca[stem], cb[stem])
        pa, pb = _plain(stem, wa, ca), _plain(stem, wb, cb)
        spare = min(pa, pb)
        left_a += max(0, ca[stem] - pair - (pb - spare))
        left_b += max(0, cb[stem] - pair - (pa - spare))
    return left_a, left_b


def _differ(a: str, b: str) -> bool:
    left_a, left_b = net_cues(a, b)
    return (left_a + left_b) % 2 == 1


def contradicts(a: str, b: str) -> bool:
    """True when a mutually aligned clause pair of ``a`` and ``b`` differs in polarity."""
    ca, cb = clauses(a), clauses(b)
    for x in ca:
        sim, k = _best(x, cb)
        y = cb[-k]
        if sim >= ALIGN and -_best(y, ca)[1] == ca.index(x) and _differ(x, y):
            return True
    return False
