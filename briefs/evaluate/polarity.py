"""Polarity of a stance or issue: does it assert its content (+1) or negate it (-1)?

``polarity(text)`` multiplies one -1 per negation cue found, so a double negation
asserts again ("Greece has denied it will fail to pay" -> +1, "It will fail to pay"
-> -1). The cues, matched on whole words, case-insensitive:

- negators: not, no, never, unless ("unless X" is "if not X"), none, nobody,
  nothing, neither, nor, cannot, unable, unwilling, and every "n't" contraction
  ("won't", "doesn't"); "not only", "not just" and "not least" (idioms that assert)
  are skipped. Contrastive "rather than" / "instead of" and "lack" are not cues: they
  negate a side detail ("a social tariff funded through taxation rather than bills"),
  and counting them turned more true matches into mismatches than it caught;
- verbs that deny or refuse what follows, in any inflection: deny, reject, refuse,
  oppose, dismiss, rebuff, refute, disagree, decline to, fail to, rule out, and the
  nouns denial, refusal.

"fail" and "decline" count only before "to" ("talks failed" is an event, "failed to
pay" negates paying; "shares declined" is not a refusal); "dispute" and "doubt"
count only before "that" ("nobody disputes that X" asserts X; "the pay dispute" is
a topic). The gerund of a refusal verb as a subject, at the start or after
"whether", "if" or "that" ("denying a school place would hit the poor"), names an act
and does not count. It is a lexicon, not a parser: it does not know the scope of a negation,
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
NEGATION_CUES = re.compile(
    rf"\b(?:{_NEGATORS}|{_VERBS})\b(?!\s+(?:only|least|just)\b)", re.IGNORECASE
)


_GERUND = re.compile(r"(?:deny|reject|refus|oppos|dismiss|rebuff|refut)\w*ing$", re.IGNORECASE)
_SUBJECT_SLOT = re.compile(r"(?:^|\b(?:whether|if|that)\s*)$", re.IGNORECASE)


def _counts(match: re.Match[str], text: str) -> bool:
    """A refusal verb's gerund as a clause's subject ("denying a place would hurt",
    "whether refusing the scheme could cost") names an act; it negates nothing."""
    if _GERUND.match(match.group(0)):
        return not _SUBJECT_SLOT.search(text[: match.start()].strip())
    return True


def polarity(text: str) -> int:
    """+1 when ``text`` asserts its content, -1 when it negates it (odd number of cues)."""
    cues = sum(1 for m in NEGATION_CUES.finditer(text) if _counts(m, text))
    return -1 if cues % 2 else 1
