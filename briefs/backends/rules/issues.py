"""Open issues: sentences that leave something unresolved, with the actors in them.

A sentence is rated by the issue cues it holds (blockade, dispute, talks,
ceasefire, appeal, ...) and by whether it looks forward or stays open ("will",
"yet to", "remains unclear", "could face"). The best few distinct ones become
open issues; each names the actors mentioned in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefs.backends.rules.document import Sentence
from briefs.backends.rules.issue_check import Said, main_clause_open, passes, told_in_past
from briefs.backends.rules.issue_settled import (
    decided,
    first_person,
    fragment,
    keeps_polarity,
    plain,
    relative_modals,
    settled,
)
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.mentions import Mention
from briefs.backends.rules.question_advice import reported_advice
from briefs.backends.rules.question_condition import condition_question
from briefs.backends.rules.question_dispute import disputed
from briefs.backends.rules.question_narrated import narrated
from briefs.backends.rules.question_unknown import unknown_question
from briefs.backends.rules.question_unnamed import unnamed_question
from briefs.backends.rules.questions import Vocabulary, as_question
from briefs.backends.rules.summary import is_boilerplate
from briefs.backends.rules.vectors import cosine, vector
from briefs.backends.rules.wordbook import words

__all__ = ["Issue", "find_issues"]

MAX_ISSUES = 6  # references hold 2 to 5 issues; a cap of eight trades precision for recall
MIN_SCORE = 1.0
OPEN_WEIGHT = 1.5
QUOTE_PENALTY = 1.0
FIRST_PERSON_PENALTY = 1.0  # an issue in the first person is a speaker's words
REDUNDANCY = 0.5
RESTATED = 0.7  # cosine to a position's stance above which an issue restates it
ACTOR_WEIGHT = 0.1
TOPIC_WEIGHT = 1.0  # an issue word that does not itself look forward ("crisis", "talks")
QUESTION_BONUS = 0.0  # a sentence that states its open question plainly
EXPLICIT_WEIGHT = 1.0  # the article says outright that something is open ("unclear whether")
DATED_WEIGHT = 1.0  # expected or due by a date: a decision pending ("expected on July 18")
TRIM_ATTRIBUTION = True
AS_QUESTIONS = True  # "Whether X will Y." where the sentence states it simply enough
OPEN_ONLY = True  # a forward-looking sentence without an issue word is a candidate too
_MODALS = frozenset(("will", "would", "could", "may", "might", "should"))
_LEADS = re.compile(
    r"^(however|in conclusion|additionally|meanwhile|as such|moreover|furthermore|"
    r"nonetheless|nevertheless|despite this|still|yet|but|and|also|separately|indeed)[,\s]+",
    re.I,
)


def explicitly_open(low: str, explicit_re: re.Pattern[str]) -> bool:
    """The sentence says outright that something is open ("has been questioned",
    "the only remaining question is whether", "the jury is still out"): it is a
    candidate even with no other cue, a past tense does not make it settled and a
    quotation mark in front does not rank it down. Seen in two dev articles: "The
    prince's own commitment to royal duty has been questioned in recent months"
    (36086291), "The only remaining question is whether the Syrian regime ... is
    willing to go to Geneva" (38329461).

    >>> from briefs.backends.rules.wordbook import words
    >>> cues = _cue_pattern(tuple(words("explicit_open")))
    >>> [explicitly_open(t, cues) for t in (
    ...     "his commitment to royal duty has been questioned in recent months.",
    ...     "his commitment to royal duty was praised in recent months.")]
    [True, False]
    """
    return explicit_re.search(low) is not None


_WHEN = frozenset(("DATE", "TIME"))
_PENDING = words("pending_cues")


def dated(sent: Sentence, open_cues: set[str]) -> bool:
    """Something expected or due by a date: the step at which a pending matter will
    be decided ("Sentencing is expected on July 18.", "The application is expected
    to return to the planning committee on December 9.", "The government's response
    ... is expected next week.", "The mission's final report is expected within two
    months."). ``open_cues`` are the forward cues found in the sentence. An
    expectation told in the past perfect, which the story has overtaken, is none
    ("The evacuation had been due to take place on Wednesday but ... collapsed",
    "Gazprom had been expected to win the December auction, but ended up not bidding").

    >>> from briefs.backends.rules.document import build
    >>> [dated(s, {"expected"}) for s in build(
    ...     "Sentencing is expected on July 18. Sentencing is expected soon.").sentences]
    [True, False]
    >>> [dated(s, {"due to"}) for s in build(
    ...     "The measure is due to expire in June 2026. Monday's launch was scrubbed "
    ...     "due to weather. He was sentenced on July 18. The vote had been due to "
    ...     "take place on Wednesday.").sentences]
    [True, False, False, False]
    """
    toks = sent.tokens
    if any(
        (toks[k - 2].lower, toks[k - 1].lower) == ("had", "been")
        for k, t in enumerate(toks)
        if k >= 2 and t.lower in ("due", "expected")
    ):
        return False  # "had been due to take place on Wednesday but ... collapsed"
    due = any(  # "is due to expire in June", not "scrubbed due to weather"
        t.lower == "due" and toks[k + 1].lower == "to" and toks[k + 2].tag == "VB"
        for k, t in enumerate(toks[:-2])
    )
    pending = due or bool(open_cues & _PENDING)
    return pending and any(e.label in _WHEN for e in sent.entities)


@dataclass
class Issue:
    text: str
    actors: list[str]
    start: int
    end: int
    score: float
    sentence: int = 0
    question: str | None = None  # the sentence as a whether-question, where it says one
    explicit: bool = False  # the sentence says outright that something is open


@lru_cache(maxsize=4)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(r"\b(" + alternatives + r")\b")


_ATTRIBUTION = re.compile(
    r"^(?:according to [^,]{1,60},\s*|in a statement[^,]{0,40},\s*|"
    r"(?:[A-Z][\w'’.-]*\s){1,5}(?:said|says|warned|added|argued|insisted|claimed)"
    r"(?:\s+on \w+)?(?:\s+that)?\s+)",
)


def _tidy(text: str) -> str:
    """The issue as the sentence says it, without lead-ins ("However, ") and without
    the attribution in front ("According to the IRC, ", "The council said that ")."""
    text = _LEADS.sub("", text.strip()).strip()
    if TRIM_ATTRIBUTION:
        trimmed = _ATTRIBUTION.sub("", text, count=1)
        if len(trimmed.split()) >= 6:
            text = trimmed
    return text[:1].upper() + text[1:] if text else text


def _advice_only(question: str | None) -> bool:
    """No question, or one that asks back a "should" (see ``question_advice``)."""
    return question is None or " should " in f" {question.lower()} "


def find_issues(
    sentences: Sequence[Sentence],
    mentions: Sequence[Sequence[Mention]],
    keep: set[str],
    lex: Lexicon,
    kinds: Mapping[str, str] | None = None,
    said: Sequence[Said] = (),
) -> list[Issue]:
    """The article's open issues, best first; ``kinds`` (actor -> kind) lets a
    pronoun in an issue's question become the actor it refers to. An issue that says
    what one of the claims ``said`` (the brief's positions) says is left out: an open
    issue is what the article leaves open, not a restated position (``issue_check``)."""
    taken = [vector(s.stance) for s in said]
    issue_re = _cue_pattern(tuple(lex.issue_cues))
    future_re = _cue_pattern(tuple(lex.future_cues))
    explicit_re = _cue_pattern(tuple(words("explicit_open")))
    by_index = {s.index: (s, m) for s, m in zip(sentences, mentions, strict=False)}
    vocabulary = Vocabulary.of(sentences, mentions)
    scored: list[Issue] = []
    for sent, sent_mentions in zip(sentences, mentions, strict=False):
        if is_boilerplate(sent, lex) or fragment(sent) or decided(sent, future_re):
            continue  # "he was told he will face no further action": nothing left open
        low = sent.text.lower()
        cues = {m.group(1) for m in issue_re.finditer(low)}
        open_cues = {m.group(1) for m in future_re.finditer(plain(sent))}
        if open_cues <= _MODALS and relative_modals(sent):
            open_cues = set()  # "an example of what a good monarch could be"
        # "could not say how many claims were rejected", "has not been identified"
        unknown = unknown_question(sent) or unnamed_question(sent)
        unknown = unknown or disputed(sent.index, said)  # "…, something Mr Kay denies"
        explicit = unknown is not None or explicitly_open(low, explicit_re)
        if not cues and not (OPEN_ONLY and open_cues) and not explicit:
            continue  # "his commitment has been questioned": open with no issue word
        actors: list[str] = []
        for m in sent_mentions:
            if m.entity in keep and m.entity not in actors:
                actors.append(m.entity)
        asked = as_question(sent, sent_mentions, vocabulary, kinds) if AS_QUESTIONS else None
        if unknown is None and asked is not None and narrated(sent, asked):
            continue  # "GM will pay Fiat $2bn as part of the settlement": a fact, no doubt
        question = unknown or asked
        question = question or condition_question(sent)  # "If a bid is going to emerge ..."
        if question is not None and not keeps_polarity(sent, question):
            question = None  # "said he would not be prosecuted" is no "Whether he will be"
        if not explicit and reported_advice(sent) and _advice_only(question):
            continue  # "Convention should be nurtured ..., he said": the speaker's view
        score = (
            OPEN_WEIGHT * min(len(open_cues), 3)
            + TOPIC_WEIGHT * min(len(cues - open_cues), 3)
            + ACTOR_WEIGHT * min(len(actors), 4)
            + (QUESTION_BONUS if question else 0.0)
            + (EXPLICIT_WEIGHT if explicit else 0.0)
            + (DATED_WEIGHT if dated(sent, open_cues) else 0.0)
            - (QUOTE_PENALTY if sent.text.lstrip()[:1] in '"“' and not explicit else 0.0)
            - (FIRST_PERSON_PENALTY if first_person(sent) else 0.0)
        )
        if score >= MIN_SCORE:
            issue = Issue(
                _tidy(sent.text), actors, sent.start, sent.end, score, sent.index, explicit=explicit
            )
            issue.question = question
            scored.append(issue)
    scored.sort(key=lambda i: (-i.score, i.start))
    chosen: list[Issue] = []
    for issue in scored:
        if len(chosen) >= MAX_ISSUES:
            break
        v = vector(issue.text)
        if any(cosine(v, vector(c.text)) > REDUNDANCY for c in chosen):
            continue
        sent, _ = by_index[issue.sentence]
        if issue.question is None and any(cosine(v, t) > RESTATED for t in taken):
            continue  # the sentence as it stands is a position of the brief
        if issue.question is None and settled(sent, future_re) and not issue.explicit:
            continue  # a past event told as done leaves nothing open
        issue.text = issue.question or issue.text
        past = told_in_past(sent)
        if not passes(issue.text, issue.sentence, said, past=past):
            continue  # not open, or a position of the brief in other words
        if issue.question is None and not issue.explicit and not main_clause_open(sent, past=past):
            continue  # "… the business - which is expected to make a loss - …": an aside
        chosen.append(issue)
    return chosen
