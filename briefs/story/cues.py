"""The digest's word lists: what makes a stance negative, strong, weak, a demand,
and what makes a later statement settle an open issue. One place, documented."""

from __future__ import annotations

import re

__all__ = ["DEMAND", "NEGATION", "OPEN", "RESOLVED", "STRONG", "WEAK", "has_cue"]

#: Words that negate what a stance asserts; an odd count makes it negative.
NEGATION = frozenset(
    "not n't never no cannot deny denies denied denying reject rejects rejected rejecting "
    "refuse refuses refused refusing dismiss dismisses dismissed oppose opposes opposed "
    "against ruled_out rule_out rules_out".split()
)
#: Commitment: firm words raise a stance's strength.
STRONG = frozenset(
    "must will insist insists insisted demand demands demanded vow vows vowed pledge "
    "pledges pledged determined refuse refuses refused never certain definitely "
    "ultimatum non-negotiable".split()
)
#: Hedges: soft words lower it.
WEAK = frozenset(
    "could may might consider considers considering open willing possibly perhaps hope "
    "hopes hoped prefer prefers would_like might_accept compromise flexible".split()
)
#: A stance that asks something of someone.
DEMAND = frozenset(
    "demand demands demanded call calls called_for urge urges urged insist insists "
    "insisted want wants wanted ask asks asked require requires required".split()
)
#: Past, decisive outcomes: a later statement with one of these can settle an issue.
RESOLVED = frozenset(
    "agreed agreement approved accepted rejected ruled decided signed completed announced "
    "confirmed won lost withdrew withdrawn dropped cleared convicted acquitted guilty voted "
    "appointed sold bought acquired merged ended settled abandoned blocked passed granted "
    "resigned sealed finalised finalized concluded dismissed overturned upheld".split()
)
#: Still-open wording: a statement with one of these settles nothing.
OPEN = frozenset(
    "whether if could may might would expected expects plans plan considering consider "
    "unclear uncertain yet pending talks possible possibly likely".split()
)

_PAIRS = (
    ("rule out", "rule_out"),
    ("ruled out", "ruled_out"),
    ("rules out", "rules_out"),
    ("called for", "called_for"),
    ("would like", "would_like"),
)


def words(text: str) -> list[str]:
    """Lower-case words, with the few two-word cues joined ("ruled out" -> "ruled_out")."""
    low = text.lower().replace("’", "'")
    for pair, joined in _PAIRS:
        low = low.replace(pair, joined)
    low = low.replace("n't", " n't")
    return [w for w in re.findall(r"[a-z_]+|n't", low)]


def has_cue(text: str, cues: frozenset[str]) -> bool:
    return any(w in cues for w in words(text))
