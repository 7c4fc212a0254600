"""Reports whose frame changes what they say (issue #10, round 5): a negated subject,
a passive report with a "by" agent, a relative denial, a saying verb with a noun-phrase
object. Invented sentences of the forms found in real articles."""

from __future__ import annotations

from rules_briefs import assert_evidence_exact, stances_of

import briefs
from briefs.evaluate.polarity import NEGATIVE, polarity


def test_neither_nor_keeps_the_refusal_for_both_names():
    text = (
        "Labour leader Ann Price and her deputy Tom Hale set out the plan on Monday. "
        "Neither Ms Price nor Mr Hale would say exactly how the money would be spent, "
        "although a rise in fees seems unlikely."
    )
    brief = briefs.generate_brief(text)
    for actor in ("Ann Price", "Tom Hale"):
        stances = stances_of(brief, actor)
        assert any(s.startswith("Would not say exactly how") for s in stances), (actor, stances)
        assert all(polarity(s) == NEGATIVE for s in stances if "money" in s)
    assert_evidence_exact(text, brief)


def test_nobody_from_an_organisation_would_say():
    text = (
        "Markets fell sharply on Tuesday. Nobody from the Treasury would say whether "
        "the tax would rise."
    )
    brief = briefs.generate_brief(text)
    assert stances_of(brief, "Treasury") == ["Would not say whether the tax would rise."]


def test_a_passive_denial_never_goes_to_the_accuser():
    text = (
        "Assembly member Carl Dunmore attacked the Green Party on Tuesday. He accused "
        "the party of striking a secret deal with the Tories. But the claim was denied by "
        'Green Party spokesman, who said: "Mr Dunmore\'s accusations are baseless."'
    )
    brief = briefs.generate_brief(text)
    accuser = [p.actor for p in brief.positions if "Dunmore" in p.actor]
    assert accuser
    for actor in accuser:
        parts = [part for s in stances_of(brief, actor) for part in s.split("; ")]
        assert not any(part.startswith("Denied") for part in parts)
    assert "Denied the claim." in stances_of(brief, "Green Party")


def test_a_passive_report_is_not_its_subjects():
    text = (
        "Northway Bank said profits rose last year. Northway Bank was criticised by "
        "financial regulators for weak controls over its lending."
    )
    brief = briefs.generate_brief(text)
    parts = [part for s in stances_of(brief, "Northway Bank") for part in s.split("; ")]
    assert parts and not any(part.startswith("Criticised by") for part in parts)


def test_something_x_denies_is_a_denial_of_the_claim_before_it():
    text = (
        "The trial of former chief executive Paul Granger continued on Monday. Defence "
        "lawyer Mr Okafor has suggested that Mr Lintott is blaming Mr Granger only to "
        "escape a prison term, something Mr Lintott denies."
    )
    brief = briefs.generate_brief(text)
    claim = [s for p in brief.positions if "Okafor" in p.actor for s in [p.stance]]
    assert claim and all("something" not in s for s in claim)
    denial = [s for p in brief.positions if "Lintott" in p.actor for s in [p.stance]]
    assert any(s.startswith("Denies that Mr Lintott is blaming Mr Granger") for s in denial)
    assert all(polarity(s) == NEGATIVE for s in denial)
    assert_evidence_exact(text, brief)


def test_a_charge_nobody_is_found_to_deny_still_ends_the_accusation():
    text = (
        "Rival MPs have accused the minister of hiding the cost of the scheme from "
        "parliament, a charge which the department denies."
    )
    brief = briefs.generate_brief(text)
    assert all("a charge which" not in p.stance for p in brief.positions)


def test_a_disclosure_of_a_noun_phrase_keeps_its_verb():
    text = (
        "Opposition leader Sarah Quinn has revealed the scale of her planned spending "
        "cuts. Ms Quinn said the cuts would total 3bn pounds."
    )
    brief = briefs.generate_brief(text)
    stances = stances_of(brief, "Sarah Quinn")
    assert any(s.startswith("Revealed the scale of her planned spending cuts") for s in stances)
