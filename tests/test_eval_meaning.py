"""The eval sees meaning: polarity, restated issues, summary support (issue #11)."""

from __future__ import annotations

import pytest

from briefs.evaluate import score_brief
from briefs.evaluate.contradiction import contradicts
from briefs.evaluate.perturb import negate
from briefs.evaluate.polarity import polarity
from briefs.evaluate.restated import is_settled_fact, restated_issues
from briefs.evaluate.support import check_support
from briefs.schema import Actor, Brief, OpenIssue, Position


# ---------------------------------------------------------------- polarity
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Greece will pay its debts", 1),
        ("Greece will not pay its debts", -1),
        ("Greece won't pay its debts", -1),
        ("It will fail to pay its debts", 1),  # "fail to" is content: asserts a failure
        ("Greece has denied it will fail to pay its debts", -1),  # the denial keeps its force
        ("Rejects the pay offer", -1),
        ("Accepts the pay offer", 1),
        ("The talks failed", 1),  # an event, not a negation
        ("Shares declined 3%", 1),
        ("Rules out a strike", -1),
        ("Not only higher pay but shorter hours", 1),
        ("Nobody disputes that homes are needed", 1),
        ("Walkouts will follow unless employers improve the offer", 1),  # a threat, asserted
        ("Denying a school place would hit the poorest families", 1),  # a gerund subject
        ("Whether refusing the scheme could expose the council to costs", 1),
        ("The union is refusing the offer", -1),
        ("Abuse is widespread, not least in the capital", 1),
    ],
)
def test_polarity(text, sign):
    assert polarity(text) == sign


def test_the_greece_case_is_a_contradiction():
    ref = "Has denied it will fail to pay its debts."
    assert contradicts("It will fail to pay its debts.", ref)
    assert not contradicts("Insists it will not fail to pay its debts.", ref)
    # a negation in a clause with no counterpart does not count
    assert not contradicts("Pay rose 3%; no deal on jobs yet", "Pay rose 3%")


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("X will pay", "X will not pay"),
        ("A rise would only improve the outlook", "A rise would not improve the outlook"),
        ("The union will not accept the deal", "The union will accept the deal"),
        ("Accepts the offer", "Rejects the offer"),
        ("Denied the claims", "Admitted the claims"),
        ("Russia cannot meet the needs", "Russia can meet the needs"),
    ],
)
def test_negate(text, negated):
    assert negate(text) == negated


def _negated(ref: Brief, *, stances: bool = True, issues: bool = False) -> Brief:
    b = ref.model_copy(deep=True)
    if stances:
        for p in b.positions:
            p.stance = negate(p.stance)
    if issues:
        for i in b.open_issues:
            i.issue = negate(i.issue)
    return b


def _all_references(references):
    from pathlib import Path

    from briefs.evaluate import load_briefs

    external = load_briefs(Path(__file__).resolve().parent.parent / "evals" / "external")
    return {**references, **external}


def test_negating_every_stance_drops_strict_f1_by_half(references):
    for ref in _all_references(references).values():
        if not ref.positions:
            continue
        perfect = score_brief(ref, ref).positions.strict.f1
        hurt = score_brief(_negated(ref), ref)
        assert perfect - hurt.positions.strict.f1 >= 0.5, ref.id
        assert hurt.matches.contradicted == frozenset(range(len(ref.positions))), ref.id


def test_a_negated_issue_is_unmatched(references):
    for ref in _all_references(references).values():
        for k, issue in enumerate(ref.open_issues):
            b = ref.model_copy(deep=True)
            b.open_issues = [OpenIssue(issue=negate(issue.issue), actors=issue.actors)]
            s = score_brief(b, Brief(id=ref.id, summary="", open_issues=[ref.open_issues[k]]))
            assert s.issues.recall == 0.0, (ref.id, issue.issue, negate(issue.issue))


# ---------------------------------------------------------------- restated issues
def _brief(issues: list[OpenIssue], positions: list[Position]) -> Brief:
    return Brief(
        id="r",
        summary="",
        actors=[Actor(name="Meridian Port Holdings", kind="organization", aliases=["Meridian"])],
        positions=positions,
        open_issues=issues,
    )


def test_a_position_repeated_as_an_issue_is_restated():
    stance = "Meridian is losing several million in revenue every day of the strike"
    pos = [Position(actor="Meridian Port Holdings", stance=stance)]
    same = OpenIssue(issue=stance + ".", actors=["Meridian"])
    question = OpenIssue(issue="Whether Meridian will keep losing revenue every day.")
    other_actor = OpenIssue(issue=stance, actors=["Harbour Union"])
    brief = _brief([same, question, other_actor], pos)
    assert restated_issues(brief) == {0}
    assert score_brief(brief, brief).issues.restated == pytest.approx(1 / 3)


def test_settled_facts_are_restated_open_questions_are_not():
    assert is_settled_fact("The board rejected the offer on Thursday.")
    assert is_settled_fact("Prices fell 3% after the report was published.")
    assert not is_settled_fact("Whether the board will reject the offer.")
    assert not is_settled_fact("The appeal against the ruling.")
    assert not is_settled_fact("Implementation of the Russian-brokered ceasefire.")
    assert not is_settled_fact("The blockade of the corridor remains in place.")


def test_restated_issues_count_neither_found_nor_predicted():
    ref = Brief(id="r", summary="", open_issues=[OpenIssue(issue="The board rejected the bid.")])
    brief = ref.model_copy(deep=True)  # the same words, but a settled fact
    s = score_brief(brief, ref)
    assert (s.issues.recall, s.issues.restated) == (0.0, 1.0)


def test_every_reference_issue_is_open(references):
    for ref in _all_references(references).values():
        assert restated_issues(ref) == set(), ref.id


# ---------------------------------------------------------------- summary support
def test_extractive_summaries_are_supported(seed_briefs):
    for article, brief in seed_briefs.values():
        assert check_support(brief.summary, article.text).count == 0, article.id


def test_a_swapped_name_or_number_is_caught(seed_briefs):
    article, brief = seed_briefs["000_69c10cbc4915efea"]
    summary = brief.summary
    assert "Pashinyan" in summary
    swapped = check_support(summary.replace("Pashinyan", "Aliyev"), article.text)
    assert swapped.names == ("Aliyev",)
    _, port = seed_briefs["001_port_strike"]
    text = seed_briefs["001_port_strike"][0].text
    import re

    number = re.search(r"\d+", port.summary)
    assert number, port.summary
    changed = port.summary[: number.start()] + "977" + port.summary[number.end() :]
    assert check_support(changed, text).numbers == ("977",)
    assert check_support(port.summary, text).count == 0


def test_numbers_are_normalised():
    text = "GM will pay 1.55 billion euros; Fiat's debt is £600m, or 2,000 jobs."
    assert check_support("GM pays 1.55bn euros and Fiat owes £600m for 2000 jobs.", text).count == 0
    assert check_support("GM pays 1.65bn euros.", text).numbers == ("1.65bn",)


def test_an_unrelated_sentence_is_unsupported():
    text = "The union rejected the offer. Talks resume on Thursday."
    result = check_support(
        "The union rejected the offer. Rainfall in the valleys stayed low.", text
    )
    assert result.sentences == ("Rainfall in the valleys stayed low.",)
    assert (
        score_brief(
            Brief(id="x", summary="Rainfall in the valleys stayed low."),
            Brief(id="x", summary="x"),
            text=text,
        ).summary.unsupported
        == 1.0
    )
