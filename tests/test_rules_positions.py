"""Positions of the rules backend: sentence seams (glued full stops, brackets in
quotations) and who speaks (inverted "said", relatives, quotations, passives)."""

from __future__ import annotations

from rules_briefs import assert_evidence_exact, stances_of

import briefs
from briefs.backends.rules.document import build


def test_a_glued_full_stop_starts_a_new_sentence_with_exact_offsets():
    text = 'The head told the BBC.The education secretary said "it was wrong".It rained.'
    doc = build(text)
    assert [s.text for s in doc.sentences] == [
        "The head told the BBC.",
        'The education secretary said "it was wrong".',
        "It rained.",
    ]
    for tok in doc.tokens:
        assert text[tok.start : tok.end] == tok.value
    for ent in doc.entities:
        assert text[ent.start : ent.end] == ent.text


def test_a_glued_statement_goes_to_its_own_speaker():
    text = (
        "Head teacher Anna Lowe said the pupils had worked hard, speaking to the "
        "BBC.Education Secretary Justine Greening said the results were a credit to "
        "the school."
    )
    brief = briefs.generate_brief(text)
    lowe = " ".join(stances_of(brief, "Anna Lowe"))
    assert "Education" not in lowe and "worked hard" in lowe
    assert any("credit" in p.stance for p in brief.positions if p.actor == "Justine Greening")
    assert_evidence_exact(text, brief)


def test_domains_abbreviations_and_decimals_are_no_seam():
    text = "Visit bbc.co.uk for more. The U.S.Army and Mr.Smith met at 3.5 times the pace."
    assert len(build(text).sentences) == 2


def test_a_bracket_inside_a_quotation_does_not_cut_the_sentence():
    text = (
        '"I would hate to see him end up like Tom Brown [the singer who quit after the '
        'scandal]." It rained.'
    )
    doc = build(text)
    assert doc.sentences[0].text.endswith('scandal]."')
    assert len(doc.sentences) == 2


def test_an_inverted_said_goes_to_the_person_behind_the_title():
    text = (
        "The US, which can block any sale, said it is looking at other ways. "
        '"The US is not convinced that is the right way," said Treasury Under '
        "Secretary Jim Tyler. "
        '"It will be a tragedy if the government fails," said the chairman of the '
        "education committee, Labour's Barry Shearer. The government said it was "
        "still rewriting its reply."
    )
    brief = briefs.generate_brief(text)
    by = {p.actor: p.stance for p in brief.positions}
    assert "not convinced" in by.get("Jim Tyler", "")
    assert "tragedy" in by.get("Barry Shearer", "")
    assert all(
        "tragedy" not in s and "convinced" not in s
        for a, s in by.items()
        if a in ("United States", "government")
    )


def test_a_relative_after_a_dash_speaks_for_the_name_before_it():
    text = (
        "Prosecutor Shane Dunn suggested that the accused faked his memory loss while "
        "being interviewed by Professor Paul Mellor - who denied these claims."
    )
    brief = briefs.generate_brief(text)
    by = {p.actor: p.stance for p in brief.positions}
    assert by["Paul Mellor"].startswith("Denied these claims")
    assert "denied" not in by["Shane Dunn"] and by["Shane Dunn"].endswith("Paul Mellor.")


def test_a_reporting_verb_inside_a_quotation_is_the_quoted_speakers():
    text = (
        "Argentina froze bank accounts in 2001. Argentina later repaid some savers. "
        'Carla Ruiz leads the savers. "Many of them invested in good faith," she said. '
        '"The Argentine state replied by keeping half of the deposits."'
    )
    brief = briefs.generate_brief(text)
    ruiz = stances_of(brief, "Carla Ruiz")
    assert ruiz and "replied by keeping" in ruiz[0]
    assert all("replied" not in p.stance for p in brief.positions if p.actor != "Carla Ruiz")


def test_a_passive_telling_goes_to_its_agent():
    text = (
        "Anna Berg complained to the Palace twice. Ms Berg has now been told by the "
        "Palace that the household would help any police inquiry fully."
    )
    brief = briefs.generate_brief(text)
    palace = [p.stance for p in brief.positions if "Palace" in p.actor]
    assert palace and palace[0].startswith("The household would help")


def test_an_expressed_reservation_is_a_stance():
    text = (
        "Canada has long sold gold. The plan was put forward by the G7. Canada, a key "
        "gold producer, also expressed reservations."
    )
    brief = briefs.generate_brief(text)
    canada = stances_of(brief, "Canada")
    assert canada and canada[0].lower().startswith("expressed reservations")


def test_a_relative_speaker_is_the_next_he():
    text = (
        "Prosecutor Shane Dunn suggested that the accused faked his memory loss while "
        "being interviewed by Professor Paul Mellor - who denied these claims. "
        "'My view is that the man was ill for months before the attack,' he said."
    )
    brief = briefs.generate_brief(text)
    mellor = " ".join(stances_of(brief, "Paul Mellor"))
    assert "ill for months" in mellor


def test_a_line_wrapped_inside_a_sentence_does_not_cut_it():
    text = (
        "Wales captain Ashley Williams spoke before the game.\n"
        '"We want to make sure that we throw everything at it, and\n'
        'after that, who knows," Williams said.\n'
        "The match starts at 20:00."
    )
    doc = build(text)
    assert any("and\nafter that" in s.text for s in doc.sentences)
    brief = briefs.generate_brief(text)
    stances = stances_of(brief, "Ashley Williams")
    assert any("and after that, who knows" in s for s in stances), stances
    assert all("\n" not in s for s in stances)
    assert_evidence_exact(text, brief)


def test_the_title_is_not_the_former_holder_of_it() -> None:
    """ "the president told ..." is never the "former president": a role no longer held
    names nobody now (the speaker may stay unknown, never wrong)."""
    text = (
        "Freedonia is offering a tax amnesty to people who hid their earnings under the "
        "rule of former president Ed Shaw.\n\nThe country's new president, Mia Kerr, has "
        "said that anyone who discloses their wealth will pay 1% in tax.\n\n"
        '"There are people who have money but are afraid to show it," the president '
        "told a cabinet session."
    )
    brief = briefs.generate_brief(text)
    assert not [p for p in brief.positions if p.actor == "Ed Shaw"]


def test_what_one_person_says_another_did_is_the_speakers_claim() -> None:
    """An accusation told in a that-clause ("the witness has said that Mr Hale ordered
    ...") is the witness's claim; it never becomes the accused's own position."""
    text = (
        "Former finance chief Tom Reyes is the prosecution's main witness against Ed "
        "Hale, who has pleaded not guilty. Tom Reyes has said that Mr Hale ordered "
        'accounting changes at the firm, telling him to "hit our numbers".'
    )
    brief = briefs.generate_brief(text)
    assert not [p for p in brief.positions if p.actor == "Ed Hale" and "ordered" in p.stance]
    reyes = [p.stance for p in brief.positions if p.actor == "Tom Reyes"]
    assert any("ordered accounting changes" in stance for stance in reyes)


def test_she_in_a_clause_hung_on_the_main_one_is_its_subject() -> None:
    """ "…, where she ordered …" is the main clause's person, not the last speaker."""
    text = (
        "Senate contender Tom Reyes is a regular at the cafes and recently told the Herald "
        "that he always tips staff. And just one day into her campaign, Ann Lee was seen "
        "in a cafe in Dayton, Ohio where she ordered a chicken dish with rice, a salad and "
        "fruit juice."
    )
    brief = briefs.generate_brief(text)
    ordered = [p.actor for p in brief.positions if "ordered" in p.stance.lower()]
    assert "Tom Reyes" not in ordered
    assert ordered == ["Ann Lee"]
