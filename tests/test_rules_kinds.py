"""Actor kinds in rules briefs: clubs and companies are organisations, a titled name
is a person, a hyphenated adjective is not part of a name (issue #10, round 3)."""

from __future__ import annotations

from rules_briefs import actor_kinds

import briefs


def test_clubs_read_as_people_by_their_shape_are_organisations():
    kinds = actor_kinds(
        "Injury-ravaged Bayern Munich were beaten 3-1 by Porto on Wednesday night. "
        "Bayern Munich said they would appeal against the red card. "
        "Borussia Dortmund manager Jurgen Klopp will leave the club in the summer. "
        "Borussia Dortmund said the decision was his own and thanked him."
    )
    assert kinds.get("Bayern Munich") == "organization"
    assert kinds.get("Borussia Dortmund") == "organization"
    assert kinds.get("Jurgen Klopp") == "person"
    assert not any(name.startswith("Injury") for name in kinds)


def test_a_police_title_before_a_name_makes_a_person():
    brief = briefs.generate_brief(
        "Cottonwood Police Sgt Jeremy Daniels, 31, was shot in the leg during the attack. "
        "Daniels said he was expected to make a full recovery and thanked the staff."
    )
    daniels = next(a for a in brief.actors if a.name == "Jeremy Daniels")
    assert daniels.kind == "person" and daniels.role == "Cottonwood Police Sgt"


def test_a_surname_after_an_honorific_is_a_person():
    kinds = actor_kinds(
        "Dr Venter has not gained a reputation for modesty. Dr Venter said the results "
        "were a milestone. Dr Venter added that the work would go on."
    )
    assert kinds.get("Venter") == "person"


def test_the_group_is_the_organisation_called_a_group():
    brief = briefs.generate_brief(
        "Anti-corruption group Clean Contracts Watch called on the agency to suspend "
        'Altura from all tenders. "The verdict proves what we have said for years," '
        "the group said in a statement. Altura said it would appeal the ruling."
    )
    speakers = {p.actor for p in brief.positions if "verdict proves" in p.stance}
    assert speakers == {"Clean Contracts Watch"}


def test_the_body_a_speaking_leader_heads_is_an_actor():
    kinds = actor_kinds(
        'Interest rates were held at 4.75%. "Today\'s decision is correct," said David '
        "Frost, Director General of the British Chambers of Commerce (BCC). Frost said "
        "firms needed stability."
    )
    assert kinds.get("British Chambers of Commerce") == "organization"
