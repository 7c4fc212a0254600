"""Open issues that are not open: a position restated, or a settled fact.

An open issue is *restated* when either

1. it is not phrased as a question (no "whether", no leading how/what/when/who/
   which/why/if, no "?") and repeats a position of the same brief: lexical
   similarity to that position's stance of at least ``RESTATE_SIMILARITY`` (0.7),
   with the position's actor among the issue's actors (any name match; an issue
   that names no actors counts as naming every actor); or
2. it states a settled fact: it has no open-question cue (whether, if, unless,
   unclear, uncertain, yet to, pending, could, may, might, will, would, should, can,
   must, expected, plans, threat, deadline, appeal, investigation, review, inquiry,
   talks, negotiation, remains, awaits, possible, future, risk, question words, ...;
   ``OPEN_CUES``) and it reads as a past-tense statement: a finite past-tense verb
   (a word ending in "-ed", or an irregular past such as was, said, fell, won)
   that follows a subject, not a participle inside a noun phrase ("the
   Russian-brokered ceasefire", "the agreed deal"), nor a passive or adjectival
   participle after a present-tense be/remain ("is still burdened by", "remains
   committed to": a state that holds, not an event that finished), nor one after
   "has/have been" that asks for more ("has been asked to decide"). "was told",
   "agreed" and "has been fined" are finished events.

"who" and "which" are open cues only as question words: opening the issue (or a
sentence of it) or after whether, ask..., unclear, unknown or uncertain ("asked who
would pay"); a relative pronoun ("the union, which rejected the offer") is no cue.

Restated issues never match a reference issue, and ``issues.restated`` is their
share of the brief's issues (lower is better).
"""

from __future__ import annotations

import re

from briefs.schema import Actor, Brief, OpenIssue
from briefs.text.names import match_score
from briefs.text.similarity import lexical

__all__ = ["OPEN_CUES", "RESTATE_SIMILARITY", "is_question", "is_settled_fact", "restated_issues"]

RESTATE_SIMILARITY = 0.7

OPEN_CUES = re.compile(
    r"\b(?:whether|if|unless|until|unclear|uncertain\w*|unknown|unresolved|undecided|"
    r"yet|pending|could|may|might|will|would|should|shall|can|cannot|must|"
    r"expect\w*|plan(?:s|ned|ning)?|threat\w*|deadline|appeal\w*|investigat\w*|"
    r"inquiry|review\w*|talks|negotiat\w*|remain\w*|await\w*|possib\w*|potential\w*|"
    r"future|risk\w*|question\w*|how|what|when|why|likely|hope\w*|seek\w*|"
    r"next|proposal\w*|propos\w*|continu\w*|ongoing|outstanding|doubt\w*|dispute\w*|"
    r"fate|prospect\w*|outcome|decid\w*|decision|consider\w*)\b",
    re.IGNORECASE,
)
_IRREGULAR_PAST = (
    "was were had did said made took gave won lost fell rose sold bought paid left went "
    "came met held kept put cut told found became began broke brought chose drove ran "
    "saw spent stood struck swore taught thought threw understood wrote grew hit led "
    "let got sent shut sat slid spoke stole won withdrew overturned"
).split()
_PAST = re.compile(r"\b(?:\w{3,}ed|" + "|".join(_IRREGULAR_PAST) + r")\b", re.IGNORECASE)
# "who"/"which" ask only where a question opens; elsewhere they are relative pronouns
_WH_QUESTION = re.compile(
    r"(?:^|[.!?:;]\s+|\b(?:whether|ask(?:s|ed|ing)?|unclear|unknown|uncertain)\s+)"
    r"(?:who|whom|whose|which)\b",
    re.IGNORECASE,
)
# a present-tense be/remain (adverbs between) before a participle: a state, not an event
_PRESENT_STATE_BEFORE = re.compile(
    r"(?:\b(?:am|is|are|remains?|stays?|seems?|appears?)|[\u2019'](?:s|re))"
    r"(?:\s+(?:still|now|also|already|not|no\s+longer|being|even|further|increasingly|\w+ly))*"
    r"\s+$",
    re.IGNORECASE,
)
_PRESENT_PERFECT_BEFORE = re.compile(
    r"(?:\b(?:has|have)|[\u2019'](?:s|ve))(?:\s+(?:still|now|also|already|not|\w+ly))*\s+been\s+$",
    re.IGNORECASE,
)
_TO_VERB_AFTER = re.compile(r"^\s+to\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)[a-z]+\b")
_NOUN_PHRASE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|these|those|of|for|with|by|"
    r"and|or|to|on|in|at|from)\s+|-)$",
    re.IGNORECASE,
)


_QUESTION = re.compile(
    r"^\W*(?:how|what|when|who|whom|which|why|if)\b|\bwhether\b|\?\s*$", re.IGNORECASE
)


def is_question(issue: str) -> bool:
    """Phrased as the question it leaves open."""
    return _QUESTION.search(issue) is not None


def is_settled_fact(issue: str) -> bool:
    """No open-question cue, and a finite past-tense verb after a subject."""
    if OPEN_CUES.search(issue) or _WH_QUESTION.search(issue):
        return False
    for m in _PAST.finditer(issue):
        before = issue[: m.start()]
        if not before.strip():
            continue  # a participle opening a phrase ("Agreed pay deal ...")
        if _NOUN_PHRASE_BEFORE.search(before):
            continue
        if _PRESENT_STATE_BEFORE.search(before):
            continue  # "is still burdened by": a state that holds
        if _PRESENT_PERFECT_BEFORE.search(before) and _TO_VERB_AFTER.match(issue[m.end() :]):
            continue  # "has been asked to decide": the asking is done, the deciding is not
        return True
    return False


def _forms(actor: Actor | None, name: str) -> list[str]:
    return [name] if actor is None else [actor.name, *actor.aliases]


def _shares_actor(brief: Brief, issue: OpenIssue, actor_name: str) -> bool:
    if not issue.actors:
        return True
    by_name = {a.name: a for a in brief.actors}
    speaker = _forms(by_name.get(actor_name), actor_name)
    return any(match_score(_forms(by_name.get(n), n), speaker) > 0 for n in issue.actors)


def restated_issues(brief: Brief) -> set[int]:
    """Indices of ``brief.open_issues`` that restate a position or a settled fact."""
    out: set[int] = set()
    for i, issue in enumerate(brief.open_issues):
        if is_settled_fact(issue.issue):
            out.add(i)
            continue
        if is_question(issue.issue):
            continue
        for pos in brief.positions:
            if lexical(issue.issue, pos.stance) >= RESTATE_SIMILARITY and _shares_actor(
                brief, issue, pos.actor
            ):
                out.add(i)
                break
    return out
