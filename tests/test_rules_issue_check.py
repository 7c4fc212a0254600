"""Open issues of the rules backend: open, never a position restated, unknowns asked."""

from __future__ import annotations

import pytest

import briefs
from briefs.backends.rules.document import build
from briefs.backends.rules.issue_check import (
    Said,
    is_question,
    main_clause_open,
    passes,
    says_open,
    told_in_past,
)
from briefs.evaluate.restated import RESTATE_SIMILARITY
from briefs.text.similarity import lexical


def test_every_seed_issue_is_open_and_restates_no_position(seed_briefs):
    """Whatever rule proposed it, a listed issue in the sentence's own words carries
    a cue of openness and says what no position of its brief says."""
    checked = 0
    for _, brief in seed_briefs.values():
        for issue in brief.open_issues:
            if is_question(issue.issue):
                continue
            checked += 1
            assert says_open(issue.issue), (brief.id, issue.issue)
            for pos in brief.positions:
                assert lexical(issue.issue, pos.stance) < RESTATE_SIMILARITY, (
                    brief.id,
                    issue.issue,
                    pos.stance,
                )
    assert checked > 0  # the seeds do list issues in their own words


def test_a_vow_reported_in_the_issue_sentence_is_the_position_not_an_issue():
    vow = Said(0, "Mr Gordon would not be expected to quit.")
    sentence = (
        "Mr Katter used two MPs as examples, but vowed Mr Gordon would not be expected to quit."
    )
    assert passes(sentence, 0, [])  # "expected": open, when no one claims it
    assert not passes(sentence, 0, [vow])  # its only open word is inside the vow
    assert passes("Whether Mr Gordon will quit.", 0, [vow])  # a question asks, restates nothing
    restated = "Mr Gordon would not be expected to quit, he vowed at the meeting."
    assert not passes(restated, 5, [vow])  # the same claim, from another sentence


def test_a_modal_alone_is_no_open_issue_but_a_pending_step_is():
    assert not says_open("On Friday, the president will join the Queen for lunch.")
    assert says_open("The inquiry's findings are expected next month.")
    assert says_open("The union is demanding a pay rise.")
    assert not says_open("The chairman led the calls for compensation.", past=True)


TEXT = (
    "Thousands of holidaymakers have not received any compensation for the passport "
    "delays, the Home Affairs Committee said. The Passport Office said it could not "
    "say how many claims were rejected, partly because of a system failure. "
    "The official accused of the attack has not been identified, police said."
)


def test_unknowns_become_their_questions_in_a_brief():
    issues = [i.issue for i in briefs.generate_brief(TEXT).open_issues]
    assert "How many claims were rejected." in issues
    assert "Who the official accused of the attack is." in issues


def test_rewrites_that_would_say_nothing_are_left_alone():
    from briefs.backends.rules.document import build
    from briefs.backends.rules.questions import as_question

    def ask(text: str) -> str | None:
        return as_question(build(text).sentences[0], [])

    assert ask('The ballot papers will ask: "Should the UK approve the treaty?"') is None
    assert ask("Further charges could follow.") == "Whether further charges could follow."


NARRATED = (
    "Fiat and General Motors have settled their dispute. GM will pay Fiat $2bn as part "
    "of the settlement. A total of £345m will be invested in 31 sports. Police said the "
    "highway would be closed for a few hours while the wreckage is cleared."
)


def test_a_narrators_plain_statement_is_no_whether_question():
    issues = [i.issue for i in briefs.generate_brief(NARRATED).open_issues]
    assert not any("GM will pay" in i or "£345m" in i for i in issues), issues
    # a forecast reported from a speaker still asks whether it comes true
    assert any(i.startswith("Whether the highway will be closed") for i in issues), issues


def test_advice_asked_back_is_the_speakers_position():
    advice = [Said(2, "The Bank should stand ready to cut rates.")]
    assert not passes("Whether the Bank should stand ready to cut rates.", 2, advice)
    assert passes("Whether the Bank will cut rates.", 2, advice)


def test_a_cue_only_in_an_aside_leaves_nothing_open():
    text = (
        "Mr Marchionne becomes the fourth head of the business, which is expected to "
        "make a loss in 2004, in as many years. Ferrari could be floated on the stock "
        "market in either 2006 or 2007."
    )
    issues = [i.issue for i in briefs.generate_brief(text).open_issues]
    assert not any("Marchionne" in i for i in issues), issues
    assert any("ferrari could be floated" in i.lower() for i in issues), issues


def test_a_pending_step_on_the_calendar_stays_an_issue():
    text = (
        "The two firms have argued over the merger for a year. The committee will vote on "
        "the bill on Tuesday. The new chief executive will be named in March."
    )
    issues = [i.issue for i in briefs.generate_brief(text).open_issues]
    assert "Whether the committee will vote on the bill on Tuesday." in issues, issues
    assert "Whether the new chief executive will be named in March." in issues, issues


@pytest.mark.parametrize(
    ("text", "open_"),
    [
        ("Now, if you are confronted with this choice, your best bet is to confess.", False),
        (
            "Profits rose 1% but would have been 8% higher if currency moves were stripped out.",
            False,
        ),
        (
            "It looked for one glorious moment as if the Cabinet had decided to go on together.",
            False,
        ),
        ("The firm will move its headquarters to London if the bid is successful.", True),
    ],
)
def test_an_if_that_opens_nothing_is_no_cue(text: str, open_: bool) -> None:
    sent = build(text).sentences[0]
    assert main_clause_open(sent, past=told_in_past(sent)) is open_
