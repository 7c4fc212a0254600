"""Which actors a rules brief keeps: what acts, not what is named often (issue #10,
round 4). The texts are invented."""

from __future__ import annotations

from rules_briefs import actor_kinds


def test_a_character_played_in_a_film_is_no_actor():
    kinds = actor_kinds(
        "A coat worn by Maria Dalton when she played Lady Ophelia Crane in the 1952 film "
        "Winter Harbour has sold for $80,000 at auction. Lady Ophelia Crane wears the coat "
        "in the final scene. Maria Dalton won an award for the part. Lady Ophelia Crane "
        "remains one of the best-loved characters of the era."
    )
    assert kinds.get("Maria Dalton") == "person"
    assert "Lady Ophelia Crane" not in kinds and "Ophelia Crane" not in kinds


def test_a_first_name_after_a_full_name_is_the_person():
    kinds = actor_kinds(
        "Tomas Brandt defended Sarah Collins against online abuse on Sunday. Sarah "
        "Collins has been with Brandt for two years. Sarah posted a reply and Sarah "
        "thanked her supporters."
    )
    assert kinds.get("Sarah Collins") == "person"


def test_a_setting_named_often_is_no_actor():
    kinds = actor_kinds(
        "The party has unveiled plans for health checks on people moving to the UK. "
        "Visitors to the UK would be screened. Workers coming to the UK would need a "
        "certificate. Students in the UK would be exempt. Families joining relatives in "
        "the UK would be checked. Flights to the UK would carry notices. Hospitals in the "
        "UK would share records. Airports in the UK would set up clinics. Party leader "
        "Anna Reyes said the plan was fair."
    )
    assert "United Kingdom" not in kinds
    assert kinds.get("Anna Reyes") == "person"


def test_a_body_that_acts_in_the_lead_is_an_actor():
    kinds = actor_kinds(
        "HM Inspectorate of Prisons found long delays in getting inmates into work. "
        "The report covered six prisons in the north of England. The Ministry of Justice "
        "said it would study the findings. The Ministry of Justice added that new staff "
        "had been hired."
    )
    assert kinds.get("HM Inspectorate of Prisons") == "organization"


def test_a_collective_only_talked_about_is_no_actor():
    kinds = actor_kinds(
        "A study of schools found tablets in most classrooms. The study looked at 600 "
        "schools. In 9% of schools every pupil had a tablet. The number of tablets in "
        "schools is expected to double. Use was highest in larger schools. Researcher "
        'Ella Moss said: "The role of technology in schools will grow."'
    )
    assert "Schools" not in kinds
