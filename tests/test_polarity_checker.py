"""briefs.evaluate.polarity: the net polarity of a stance (convention in its docstring)."""

from __future__ import annotations

import pytest

from briefs.evaluate.polarity import NEGATIVE, POSITIVE, is_negative, negation_cues, polarity


@pytest.mark.parametrize(
    ("stance", "expected"),
    [
        # the flip of issue #10: stripping "denied" turns the stance around
        ("Denied that it will fail to repay the IMF loan", NEGATIVE),
        ("It will fail to repay the loan", POSITIVE),
        ("Greece has denied it will fail to pay a multi-million pound loan", NEGATIVE),
        # every cue family
        ("Denies the allegations", NEGATIVE),
        ("Rejected a takeover offer from Foster's", NEGATIVE),
        ("Refuses to retract the remark", NEGATIVE),
        ("Dismissed the research as rubbish", NEGATIVE),
        ("Has ruled out raising the state pension age", NEGATIVE),
        ("Opposes the control orders", NEGATIVE),
        ("It will not allow new tobacco factories", NEGATIVE),
        ("It won't increase the stock of consoles", NEGATIVE),
        ("The claims were untrue", NEGATIVE),
        ("The claims about the budget were false", NEGATIVE),
        ("Never took illegal substances", NEGATIVE),
        ("There is no overrun in the budget", NEGATIVE),
        ("The club is no longer for sale", NEGATIVE),
        ("Claims denied by Labour", NEGATIVE),
        ("The claim was strongly denied by Shepherd", NEGATIVE),
        # double negation: the cues cancel
        ("Rejected claims it had not paid", POSITIVE),
        ("Did not rule out a strike", POSITIVE),
        ("Refused to rule out a second independence vote", POSITIVE),
        ("Cannot deny that we made mistakes", POSITIVE),
        ("I can't deny it's exciting", POSITIVE),
        ("Denied that he was ruling out membership of the euro", POSITIVE),
        ("Neither confirms nor denies the report", POSITIVE),
        # no negation at all, though a naive detector would see one
        ("Was denied a late try against Ireland", POSITIVE),
        ("Has no doubt the festival will be the best in Asia", POSITIVE),
        ("Firms want not only neat devices but efficient power supplies", POSITIVE),
        ("Could not be happier with the favourite", POSITIVE),
        ("Couldn't be happier with the horse", POSITIVE),
        ("Backs the No campaign in the referendum", POSITIVE),
        ("Will fail to meet the target", POSITIVE),
        ("Confirmed the band will take a break", POSITIVE),
        ("Denies 10 charges of child abuse and false imprisonment", NEGATIVE),
    ],
)
def test_polarity(stance: str, expected: int) -> None:
    assert polarity(stance) == expected, negation_cues(stance)


@pytest.mark.parametrize(
    ("stance", "expected"),
    [
        # only the first clause counts: what follows is another proposition
        ("Denied the claims, saying they were not true", NEGATIVE),
        ("Denied the charges but said he had made mistakes", NEGATIVE),
        ("Denied he was ruling out the euro despite saying there would be no test", POSITIVE),
        ("Has refused to withdraw the film and says it is not offensive", NEGATIVE),
        ("Would not launch an inquiry and that the reports were not well informed", NEGATIVE),
        ("It is not true; the money was never paid", NEGATIVE),
        ("Stood behind the journalists and did not rule out a strike", POSITIVE),
        # "and" between nouns does not cut
        ("Denies child abuse and false imprisonment", NEGATIVE),
        ("Denied that he and his wife had not paid", POSITIVE),
    ],
)
def test_scope_is_the_first_clause(stance: str, expected: int) -> None:
    assert polarity(stance) == expected, negation_cues(stance)


def test_cues_are_reported_in_order() -> None:
    assert negation_cues("Refused to rule out a strike") == ["refused", "rule out"]
    assert negation_cues("He didn't say it") == ["n't"]
    assert negation_cues("It will go ahead") == []


def test_is_negative_and_empty_text() -> None:
    assert is_negative("Denies it")
    assert not is_negative("Confirms it")
    assert polarity("") == POSITIVE
