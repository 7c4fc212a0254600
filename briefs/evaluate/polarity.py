"""Polarity of a stance or issue: does it assert its content (+1) or negate it (-1)?

``polarity(text)`` multiplies one -1 per negation cue found, so a double negation
asserts again ("Greece has denied it will fail to pay" -> +1, "It will fail to pay"
-> -1). The cues, matched on whole words, case-insensitive:

- negators: not, no, never, unless ("unless X" is "if not X"), none, nobody,
  nothing, neither, nor, cannot, unable, unwilling, and every "n't" contraction
  ("won't", "doesn't"); "not only" is skipped;
- verbs that deny or refuse what follows, in any inflection: deny, reject, refuse,
  oppose, dismiss, rebuff, refute, disagree, decline to, fail to, rule out, and the
  nouns denial, refusal.

"fail" and "decline" count only before "to" ("talks failed" is an event, "failed to
pay" negates paying; "shares declined" is not a refusal); "dispute" and "doubt"
count only before "that" ("nobody disputes that X" asserts X; "the pay dispute" is
a topic). It is a lexicon, not a parser: it does not know the scope of a negation,
so callers compare the polarity of small aligned clauses rather than of whole
paragraphs (``briefs.evaluate.contradiction``).
"""

from __future__ import annotations

import re

__all__ = ["NEGATION_CUES", "polarity"]

_NEGATORS = r"not|no|never|unless|none|nobody|nothing|neither|nor|cannot|unable|unwilling|\w+n[’']t"
_VERBS = (
    r"den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing|al)|"
    r"oppos(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|rebuff(?:s|ed|ing)?|"
    r"refut(?:e|es|ed|ing)|disagree(?:s|d|ing)?|"
    r"(?:fail(?:s|ed|ing)?|declin(?:e|es|ed|ing))(?=\s+to\b)|"
    r"(?:rul(?:e|es|ed|ing))(?=\s+out\b)|(?:disput(?:e|es|ed|ing)|doubt(?:s|ed|ing)?)(?=\s+that\b)"
)
NEGATION_CUES = re.compile(rf"\b(?:{_NEGATORS}|{_VERBS})\b(?!\s+only\b)", re.IGNORECASE)


def polarity(text: str) -> int:
    """+1 when ``text`` asserts its content, -1 when it negates it (odd number of cues)."""
    return -1 if len(NEGATION_CUES.findall(text)) % 2 else 1
