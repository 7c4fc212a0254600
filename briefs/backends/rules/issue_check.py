"""The last check an open issue passes: it is open, and it is no position restated.

Whatever rule proposed it, an issue that keeps its sentence's own words (not
rephrased as a "Whether ..." question) is listed only if

1. it says what is open: a cue of openness (a pending decision, a deadline, an
   unknown, a dispute, a threatened or planned action, talks, an inquiry: the
   word book's ``issue_openness``), not just a modal ("She will light a beacon in
   the evening" is a programme, not a question). A fear, a demand or an effort
   under way ("is demanding", "is still trying to", "is due to"; the list
   ``issue_openness_present``) counts only in a sentence told in the present: "Vaz
   led the calls for compensation" is done. That cue lies outside the
   claims the brief already gives to a speaker of the same sentence ("..., but he
   vowed Mr Gordon would not make that mistake": the only forward-looking words are
   the vow itself, which is a position); and
2. it does not say what a position of the brief says: the same claim (the content
   words of issue and stance overlap at ``RESTATED_OVERLAP`` or more).

A question ("Whether the board will reconsider the bid.") asks what a position
asserts; it restates nothing and passes, unless it only asks back a speaker's advice
("Whether the Bank should stand ready to cut rates." after "the Bank should stand
ready to cut rates", a position of the brief).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.question_hypothetical import idle_condition
from briefs.backends.rules.wordbook import words
from briefs.text.similarity import lexical

__all__ = [
    "RESTATED_OVERLAP",
    "Said",
    "is_question",
    "main_clause_open",
    "passes",
    "restates",
    "says_open",
    "told_in_past",
]

RESTATED_OVERLAP = 0.6  # content-word F1 from which an issue says what a stance says
_QUESTION = re.compile(
    r"^\W*(?:whether|how|what|when|who|whom|which|why|if)\b|\?\W*$", re.IGNORECASE
)
_WORD = re.compile(r"[\w’']+")
_SHOULD = re.compile(r"\bshould\b", re.IGNORECASE)


@dataclass(frozen=True)
class Said:
    """A claim the brief gives to a speaker, and the sentence it was read from."""

    sentence: int
    stance: str


def is_question(text: str) -> bool:
    """Phrased as the question it leaves open.

    >>> is_question("Whether the plan will go ahead."), is_question("The plan will go ahead.")
    (True, False)
    """
    return _QUESTION.search(text) is not None


@lru_cache(maxsize=2)
def _openness(present: bool) -> re.Pattern[str]:
    listed = words("issue_openness") | (words("issue_openness_present") if present else set())
    cues = sorted(listed, key=len, reverse=True)
    # "could be floated in 2006 or 2007" may happen; "could have", "might not": no
    modals = "|".join(sorted(words("issue_openness_modals")))
    return re.compile(
        r"\b(?:" + "|".join(re.escape(c) for c in cues) + r"|(?:" + modals + r")"
        r"(?!\s+(?:have|not|n't)\b)(?!n't))\b",
        re.IGNORECASE,
    )


def says_open(text: str, claims: Sequence[str] = (), *, past: bool = False) -> bool:
    """``text`` holds a cue of openness outside the words of ``claims`` (the stances
    read from the same sentence); ``past``: the sentence has a verb in the past
    tense, so a fear, demand or effort it tells of may be over.

    Seen in two unreferenced articles: "In the evening, she will light a beacon ..."
    (a programme) and "Yokohama Rubber ... will become Chelsea's official shirt
    sponsors from the start of the 2015-16 season" (a deal done) hold only a modal;
    "Mr Katter ... vowed Mr Gordon would not make that mistake" holds only the vow
    it reports.

    >>> says_open("In the evening, she will light a beacon to mark the birthday.")
    False
    >>> says_open("The government's response to the plan is expected next week.")
    True
    >>> vow = "Mr Gordon would not make that mistake"
    >>> says_open("But he vowed Mr Gordon would not make that mistake.", [vow])
    False
    >>> says_open("He said talks would resume, but the deadline has passed.",
    ...           ["talks would resume"])
    True
    >>> says_open("The union is demanding a pay rise."), says_open(
    ...     "Vaz led the calls for compensation.", past=True)
    (True, False)

    What may yet happen is open; what might have happened is not: "Ferrari ... could
    be separately floated on the stock market in either 2006 or 2007", "voting against
    the budget could cost them their committee positions", but "he realized he might
    have gotten ahead of himself".

    >>> [says_open(t) for t in ("Ferrari could be floated in 2006 or 2007.",
    ...     "He realized he might have gotten ahead of himself.")]
    [True, False]
    """
    taken = {w.lower() for c in claims for w in _WORD.findall(c)}
    for m in _openness(not past).finditer(text):
        if any(w.lower() not in taken for w in _WORD.findall(m.group(0))):
            return True
    return False


_SIDE = frozenset(("relcl", "acl", "appos"))  # a relative clause, a participle, an aside
_STILL = frozenset(("still", "yet"))
_FRAMING = words("framing_prepositions")  # "which still remain untraced": open wherever it sits


def _in_side_clause(tok: Token, by_index: dict[int, Token]) -> bool:
    for _ in range(len(by_index)):
        if tok.dep in _SIDE and not (tok.dep == "acl" and tok.tag == "VB"):
            return True  # not "the opportunity to take the proposal on to a formal bid"
        if tok.dep == "prep" and _framing(tok, by_index):
            return True  # "following Fiat's resolution of its dispute", "Under the plan"
        if tok.head == tok.index or tok.head not in by_index:
            return False
        tok = by_index[tok.head]
    return False


def _framing(prep: Token, by_index: dict[int, Token]) -> bool:
    """A preposition that sets the scene of the clause rather than saying what is
    open in it ("following", "despite", "since", "after"; "under" with a
    determined noun, "Under the plan", not "under investigation"; word book
    ``framing_prepositions``)."""
    if prep.lower in _FRAMING:
        return True
    if prep.lower != "under":
        return False
    objects = [t for t in by_index.values() if t.head == prep.index and t.dep == "pobj"]
    return any(
        t.head == o.index and t.dep in ("det", "poss") for o in objects for t in by_index.values()
    )


def main_clause_open(sent: Sentence, *, past: bool = False) -> bool:
    """A cue of openness of ``sent`` (see :func:`says_open`) belongs to what the
    sentence asserts, not only to a relative clause, a participle or an aside that
    describes one of its nouns: "Mr Marchionne becomes the fourth head of the
    business - which is expected to make a 800m euro loss in 2004 - in as many
    years" tells who leads the firm; "The winning duo - announced next Monday - will
    tie the knot ..." and "A British Basketball statement ... said: ... the need to
    fund their performance development, which was identified in its own review" tell
    a plan and a complaint, each with its only cue in a side clause. A sentence
    with no cue at all is left to :func:`says_open`. A cue after "still" or "yet"
    is open wherever it sits ("Police have identified eight suspects in the attack,
    of which two still remain untraced").

    >>> from briefs.backends.rules.document import build
    >>> [main_clause_open(s) for s in build(
    ...     "Mr Marchionne becomes the fourth head of the business, which is expected "
    ...     "to make a loss in 2004. The business is expected to make a loss in 2004."
    ... ).sentences]
    [False, True]
    """
    by_index = {t.index: t for t in sent.tokens}
    cued = False
    for m in _openness(not past).finditer(sent.text):
        at = sent.start + m.start()
        tok = next((t for t in sent.tokens if t.start <= at < t.end), None)
        if tok is None:
            continue
        cued = True
        if tok.lower == "if" and idle_condition(sent, tok):
            continue  # "if you believe ...", "would have been higher if ...": nothing open
        before = by_index.get(tok.index - 1)
        if before is not None and before.lower in _STILL:
            return True  # "eight suspects, of which two still remain untraced"
        if not _in_side_clause(tok, by_index):
            return True
    return not cued


def told_in_past(sent: Sentence) -> bool:
    """The sentence's main verb is in the past tense ("Keith Vaz led the calls for
    compensation", "the demand was rejected"); a past verb in a clause hung on it
    does not count ("Insurers are also struggling to assess the cost of the damage
    ... the hurricanes that battered the US").

    >>> from briefs.backends.rules.document import build
    >>> [told_in_past(s) for s in build(
    ...     "Keith Vaz led the calls for compensation. Insurers are struggling to "
    ...     "assess the damage the storm caused. The demand was rejected.").sentences]
    [True, False, True]
    """
    for root in (t for t in sent.tokens if t.dep == "ROOT"):
        aux = {t.lower for t in sent.tokens if t.head == root.index and t.dep.startswith("aux")}
        if root.tag == "VBD" or aux & {"was", "were", "had", "did"}:
            return True
    return False


def restates(text: str, stances: Sequence[str]) -> bool:
    """``text`` says what one of ``stances`` says (content-word F1 at least
    ``RESTATED_OVERLAP``).

    >>> restates("Mr Gordon will quit after he was accused of domestic violence.",
    ...          ["Mr Gordon would quit after he was recently accused of domestic violence."])
    True
    >>> restates("The committee will vote on the bill next week.",
    ...          ["The bill is a disgrace."])
    False
    """
    return any(lexical(text, s) >= RESTATED_OVERLAP for s in stances)


def passes(text: str, sentence: int, said: Sequence[Said], *, past: bool = False) -> bool:
    """An issue worded ``text`` from sentence ``sentence`` (``past``: told in the
    past tense) may be listed, given the claims ``said`` in the brief: a question
    always; the sentence's own words only if they say what is open (outside the
    claims of that sentence) and restate no claim.

    >>> said = [Said(3, "Mr Gordon would not make that mistake")]
    >>> passes("But he vowed Mr Gordon would not make that mistake.", 3, said)
    False
    >>> passes("Whether Mr Gordon will make that mistake.", 3, said)
    True
    >>> passes("The inquiry is due to report next month.", 4, said)
    True

    A recommendation asked back ("Whether the Bank should stand ready to cut
    rates.", "Whether Britain should take its fair share ...", each a speaker's
    advice in the brief) is that speaker's position, not an open issue:

    >>> advice = [Said(5, "The Bank should stand ready to cut rates.")]
    >>> passes("Whether the Bank should stand ready to cut rates.", 5, advice)
    False
    """
    if is_question(text):  # a recommendation asked back is the speaker's position
        return not (_SHOULD.search(text) and restates(text, [s.stance for s in said]))
    here = [s.stance for s in said if s.sentence == sentence]
    return says_open(text, here, past=past) and not restates(text, [s.stance for s in said])
