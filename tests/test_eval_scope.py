"""Scope in the eval: a nested clause's negation, a participle's tense, a relative pronoun.

Three misreadings the eval made and no longer makes: a denial verb both sides share
inside an embedded clause counted as the speaker's own polarity; a participle after a
present-tense be/remain read as a finished past event; "who"/"which" as relative
pronouns read as open questions.
"""

from __future__ import annotations

import pytest

from briefs.evaluate import score_brief
from briefs.evaluate.contradiction import contradicts, net_cues
from briefs.evaluate.restated import is_question, is_settled_fact, restated_issues
from briefs.schema import Actor, Brief, OpenIssue, Position


# ---------------------------------------------------------------- 1. shared cues
@pytest.mark.parametrize(
    ("brief", "reference"),
    [
        # the "rejected" is the council's, inside what the speaker welcomes, on both sides
        (
            "It is right that the council has rejected the plan for a bypass",
            "Welcomes the council's rejection of the plan for a bypass",
        ),
        (
            "Is pleased that the court refused the appeal against the housing scheme",
            "Pleased by the court's refusal of the appeal against the housing scheme",
        ),
        (
            "Says the minister's denial of the cuts to rural bus services was welcome",
            "Welcomed that the minister denied the cuts to rural bus services",
        ),
    ],
)
def test_a_denial_word_both_clauses_share_is_no_contradiction(brief, reference):
    assert not contradicts(brief, reference)
    assert not contradicts(reference, brief)


def test_a_quoted_embedded_rejection_matches_its_reference_position():
    stance = "Welcomes the council's rejection of the plan for a bypass"
    ref = Brief(
        id="q",
        summary="",
        actors=[Actor(name="Mark Field", kind="person")],
        positions=[Position(actor="Mark Field", stance=stance)],
    )
    brief = ref.model_copy(deep=True)
    brief.positions[0].stance = "It is right that the council has rejected the plan for a bypass"
    s = score_brief(brief, ref)
    assert s.matches.contradicted == frozenset()
    assert s.positions.strict.f1 == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Greenfield Ltd denied the claims about unpaid wages", "The claims about unpaid wages"),
        ("Has denied it will fail to pay its debts.", "It will fail to pay its debts."),
        ("Rejects the offer; talks go on", "Accepts the offer; talks go on"),
        ("The union will not accept the deal", "The union will accept the deal"),
        # the nouns pair with each other, so the speaker's own "Rejects" is still a flip
        (
            "Rejects the council's rejection of the plan for a bypass",
            "Welcomes the council's rejection of the plan for a bypass",
        ),
        # one "not" is shared, the second is not: a double negation against a negation
        ("It is not true that the council will not pay", "The council will not pay"),
    ],
)
def test_a_cue_the_other_clause_lacks_still_flips(a, b):
    assert contradicts(a, b)
    assert contradicts(b, a)


def test_net_cues_counts_only_what_the_other_clause_lacks():
    assert net_cues("The council rejected a bypass", "Its rejection of a bypass") == (0, 0)
    assert net_cues("Rejects the council's rejection", "Welcomes the council's rejection") == (1, 0)
    assert net_cues("X will not pay", "X won't pay") == (0, 0)
    assert net_cues("X denied Y", "Y") == (1, 0)


# ---------------------------------------------------------------- 2. participles
@pytest.mark.parametrize(
    "issue",
    [
        "The council is still burdened by debts from the stadium project.",
        "The party remains committed to the spending plan.",
        "Workers are paid less than the living wage.",
        "The club is now owned by the Glazer family.",
        "The court has been asked to rule on the merger.",
        "Staff have been told to leave the site.",
    ],
)
def test_a_participle_after_present_be_is_no_finished_event(issue):
    assert not is_settled_fact(issue)


@pytest.mark.parametrize(
    "issue",
    [
        "The minister was told of the danger.",
        "Unions agreed the deal.",
        "The firm has been fined £2m by the regulator.",
        "Staff were told to leave the site.",
        "The board rejected the offer on Thursday.",
        "The chairman is retiring after the board sacked him.",
    ],
)
def test_finished_past_events_stay_settled(issue):
    assert is_settled_fact(issue)


# ---------------------------------------------------------------- 3. relative pronouns
@pytest.mark.parametrize(
    "issue",
    [
        "The union, which represents 3,000 staff, rejected the offer.",
        "The chairman who led the bid resigned in June.",
        "A former aide, who is now retired, was interviewed and denied any part in it.",
    ],
)
def test_a_relative_pronoun_is_no_open_question(issue):
    assert is_settled_fact(issue)


@pytest.mark.parametrize(
    "issue",
    [
        "Who paid for the report.",
        "Which bank paid the fine.",
        "The fine was paid. Who paid it is not known.",
        "Ministers asked who paid for the report.",
        "It is unknown which bank paid the fine.",
        "Shareholders want to know whether whoever approved the bid acted alone.",
    ],
)
def test_who_and_which_opening_a_question_stay_open(issue):
    assert not is_settled_fact(issue)


def test_a_settled_fact_with_a_relative_clause_is_restated():
    fact = OpenIssue(issue="The union, which represents 3,000 staff, rejected the offer.")
    question = OpenIssue(issue="Which union will sign the offer first.")
    brief = Brief(id="r", summary="", open_issues=[fact, question])
    assert restated_issues(brief) == {0}
    assert is_question(question.issue) and not is_question(fact.issue)
