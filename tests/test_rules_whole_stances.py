"""A stance reads as a whole statement (issue #10, round 6): a quotation of several
paragraphs keeps its speaker and does not run into the narrative after it; no
speaker's tag or stray closing mark at the end of a claim; a claim cut where another
statement begins does not end on the words that open the cut-off part. Invented
sentences of the forms found in real articles."""

from __future__ import annotations

from rules_briefs import assert_evidence_exact, stances_of

import briefs
from briefs.evaluate.polarity import NEGATIVE, polarity


def test_a_new_quotation_paragraph_does_not_carry_the_narrative_after_it():
    text = (
        "City manager Tom Reyes admitted the draw was the hardest possible. Reyes said: \"I'm "
        "still in shock. We have played well against them in the past. "
        '"But it\'s the best competition in the world and we will give it our best shot." '
        "Rovers boss Alan Marsh remained cautious despite a home tie. "
        "\"The best thing is, it's a home game. However, we know it is going to be a "
        'really tough game," said Marsh.'
    )
    brief = briefs.generate_brief(text)
    reyes = " ".join(stances_of(brief, "Tom Reyes"))
    marsh = " ".join(stances_of(brief, "Alan Marsh"))
    assert "best shot" in reyes
    assert "remained cautious" not in reyes and "home game" not in reyes, reyes
    assert "The best thing is, it's a home game" in marsh, marsh
    assert not marsh.rstrip(".").endswith('"'), marsh
    assert_evidence_exact(text, brief)


def test_no_speaker_tag_or_stray_mark_ends_a_claim():
    text = (
        "Economist Sarah Lane gave her view on Monday. "
        '"Prices will keep rising for at least a year," Ms. Lane said. '
        '"Nobody should expect a fall before the summer," she added.'
    )
    brief = briefs.generate_brief(text)
    stances = stances_of(brief, "Sarah Lane")
    joined = " ".join(stances)
    assert "Prices will keep rising for at least a year" in joined, stances
    assert "Ms." not in joined and ',"' not in joined, stances
    assert all(polarity(s) == NEGATIVE for s in joined.split("; ") if "Nobody" in s)


def test_a_cut_claim_does_not_end_on_a_dangling_connective():
    text = (
        "Russia has demanded an apology from Turkey and in the meantime has imposed "
        "sanctions on its goods, which could cost Turkey billions."
    )
    brief = briefs.generate_brief(text)
    stances = stances_of(brief, "Russia")
    assert stances and stances[0].startswith("Demanded an apology from Turkey"), stances
    claims = [c.rstrip(".") for s in stances for c in s.split("; ")]
    assert not any(c.endswith(("and", "meantime", "when", "which")) for c in claims), claims
    assert any("Imposed sanctions" in c for c in claims), claims


def test_a_passive_report_keeps_its_auxiliary_and_it_speaks_for_nobody():
    text = (
        "Luigi Costa appeared in court on Monday. Costa is accused of stabbing his "
        "neighbour in the dining room of his home. It is feared that two more people "
        "were hurt. The Canberra Police said the inquiry continues."
    )
    brief = briefs.generate_brief(text)
    costa = stances_of(brief, "Luigi Costa")
    assert any(s.startswith("Is accused of stabbing") for s in costa), costa
    assert not any(s.startswith("Accused of") for s in costa), costa
    assert not any("two more people" in p.stance for p in brief.positions), brief.positions


def test_the_setting_before_that_is_not_the_stance():
    text = (
        "The Environmental Agency said Friday that a pesticide at the villa may have "
        "caused the illnesses. Mark Stone said last week that there could be further "
        "walkouts over pay."
    )
    brief = briefs.generate_brief(text)
    agency = stances_of(brief, "Environmental Agency")
    stone = stances_of(brief, "Mark Stone")
    assert agency and not agency[0].startswith("Friday"), agency
    assert stone and stone[0].startswith("There could be further walkouts"), stone


def test_a_report_joined_to_a_deed_is_the_deed_doer_s():
    text = (
        "Prime Minister Prayuth Chan-ocha met the families on Monday and agreed that a "
        "delegation of British officers could travel to Thailand."
    )
    brief = briefs.generate_brief(text)
    stances = stances_of(brief, "Prayuth Chan-ocha")
    assert any(s.startswith("Agreed that a delegation") for s in stances), stances
