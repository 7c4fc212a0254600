"""What the rules backend's brief means: polarity, speakers, actors (issue #10)."""

from __future__ import annotations

import briefs


def _brief(text: str):
    return briefs.generate_brief(text)


def test_a_denial_stays_a_denial():
    brief = _brief(
        "Greece has denied it will fail to pay a multi-million pound loan to the IMF. "
        "Greek finance minister Yanis Varoufakis said the country would pay on time."
    )
    greece = [p for p in brief.positions if p.actor == "Greece"]
    assert greece and greece[0].stance.startswith("Denied it will fail to pay")


def test_a_negated_report_keeps_its_not():
    brief = _brief(
        "The Italian coast guard told CNN that it cannot confirm such an incident. "
        "The Italian coast guard said it had rescued 8,480 migrants since Friday."
    )
    stances = " ".join(p.stance for p in brief.positions)
    assert "cannot confirm" in stances


def test_a_passive_denial_goes_to_its_agent():
    brief = _brief(
        "Michael Howard said Labour would raise taxes. His claims were denied by "
        "Foreign Secretary Jack Straw, who accused the Tories of running scared."
    )
    straw = [p.stance for p in brief.positions if p.actor == "Jack Straw"]
    assert any(s.startswith("Denied his claims") for s in straw)
    assert all(
        not s.startswith("Denied")
        for p in brief.positions
        if p.actor == "Michael Howard"
        for s in [p.stance]
    )


def test_a_belief_is_a_position_but_a_passive_belief_is_nobodys():
    brief = _brief(
        "Former team-mate Nabil Dirar believes the striker must be regretting his move "
        "to Manchester United. Dirar added that the club had treated him well. "
        "The Rausu Fisheries Cooperative Association said the island appeared on Monday. "
        "It is not believed to be related to the earthquake in Nepal."
    )
    dirar = [p.stance for p in brief.positions if p.actor == "Nabil Dirar"]
    assert any("must be regretting his move" in s for s in dirar)
    assert all("believed" not in p.stance for p in brief.positions)


def test_a_wire_dateline_at_the_very_start_is_neither_title_nor_summary():
    brief = _brief(
        "(CNN)The defense minister told parliament that his jets had never met a UFO. "
        "Defense Minister Gen Nakatani said the air force scrambles jets when needed. "
        "Lawmaker Antonio Inoki had asked the budget committee about alien visitors."
    )
    assert brief.title and brief.title.startswith("The defense minister")
    assert "(CNN)" not in brief.summary and brief.summary.startswith("The defense minister")


def test_an_appositive_role_is_a_role_but_a_clause_after_a_comma_is_not():
    brief = _brief(
        "Responding to a query from lawmaker Antonio Inoki, Defense Minister Gen Nakatani "
        "told the Diet, Japan's parliament, that his jets never met a UFO. "
        "Tom Okafor, general secretary of the union, said members would strike. "
        "Okafor said talks had failed."
    )
    roles = {a.name: a.role for a in brief.actors}
    assert "told" not in (roles.get("Antonio Inoki") or "")
    assert roles.get("Tom Okafor") == "general secretary of the union"


def test_he_is_the_subject_carried_on_not_a_name_inside_an_object():
    brief = _brief(
        "Lawmaker Antonio Inoki has appeared in the WWE. He entered the Upper House in "
        "2013. He also fought Muhammad Ali in 1976. The maverick politician has tried to "
        "replicate Dennis Rodman's basketball diplomacy. He says he practices both Islam "
        "and Buddhism."
    )
    speakers = {p.actor for p in brief.positions if "Islam" in p.stance}
    assert speakers and all("Antonio Inoki" in s for s in speakers), speakers


def test_a_film_title_is_no_actor():
    brief = _brief(
        "A dress worn by Vivien Leigh in the 1939 film Gone With the Wind has fetched "
        "$137,000 at auction. Heritage Auctions offered the dress on Saturday. The dress "
        "was worn in several key scenes of Gone With The Wind. Leigh wore it in 1939."
    )
    assert all("Wind" not in a.name for a in brief.actors), [a.name for a in brief.actors]


def test_sir_and_a_first_name_is_the_knight_and_his_post_does_not_speak():
    brief = _brief(
        "Sir Michael Wilshaw, Chief Inspector of Schools in England, told the BBC that "
        "his inspectors were visibly shocked. Ofsted says it found children taught in "
        "squalid conditions. Sir Michael said the cases were the tip of the iceberg."
    )
    names = [a.name for a in brief.actors]
    assert "Michael" not in names and "Inspector of Schools" not in names, names
    wilshaw = " ".join(p.stance for p in brief.positions if p.actor == "Michael Wilshaw")
    assert "visibly shocked" in wilshaw and "tip of the iceberg" in wilshaw


def test_a_coordinated_report_keeps_the_first_speaker():
    brief = _brief(
        "Ms Villalba, a former executive, has sued the bank. Merrill Lynch denied Ms "
        "Villalba's claims and said she was removed because of the losses on the continent."
    )
    assert [p.actor for p in brief.positions if "Denied" in p.stance] == ["Merrill Lynch"]
    villalba = [p.stance for p in brief.positions if p.actor == "Villalba"]
    assert not any("removed" in s or "Denied" in s for s in villalba), villalba
    assert villalba == ["Has sued the bank."]  # what she does is hers (deeds.py)


def test_a_state_is_one_actor_however_named():
    brief = _brief(
        "U.S. officials said Washington would not back the deal. American diplomats warned "
        "that the United States could impose sanctions on the company."
    )
    names = [a.name for a in brief.actors]
    assert names.count("United States") == 1
    assert "Northern Mariana Islands" not in names
    us = next(a for a in brief.actors if a.name == "United States")
    assert {"U.S. officials", "American diplomats"} <= set(us.aliases)


def test_titles_stay_whole_and_people_sharing_a_surname_stay_apart():
    brief = _brief(
        "Deputy Prime Minister John Prescott said the plan was ready. Ed Miliband said he "
        "would vote against it. His brother David Miliband said he supported the plan."
    )
    by_name = {a.name: a for a in brief.actors}
    assert by_name["John Prescott"].role == "Deputy Prime Minister"
    assert {"Ed Miliband", "David Miliband"} <= set(by_name)


def test_page_furniture_never_reaches_the_brief():
    brief = _brief(
        "Share this withEmailFacebookMessengerTwitterPinterestWhatsAppLinkedinCopy this "
        "linkCuadrilla, the firm behind the tests, said drilling had been suspended as a "
        "precaution. The British Geological Survey said it would examine the data before "
        "the firm decides whether to resume drilling next month."
    )
    text = " ".join(
        [brief.summary, *(p.stance for p in brief.positions), *(i.issue for i in brief.open_issues)]
    )
    assert "Share this" not in text and "Facebook" not in text
    assert brief.summary.startswith("Cuadrilla")


def test_summary_is_two_to_four_sentences_within_the_word_ceiling(seed_briefs):
    import re

    for _, brief in seed_briefs.values():
        sentences = re.findall(r"[.!?][”\"')]?(?:\s|$)", brief.summary)
        assert 2 <= len(sentences) <= 4, brief.id
        assert len(brief.summary.split()) <= 130, brief.id
