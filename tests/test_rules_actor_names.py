"""Where actor names start and end, families, groups and public bodies (issue #10,
round 5). The texts are invented."""

from __future__ import annotations

from rules_briefs import actor_kinds


def test_new_stays_the_first_word_of_a_name():
    kinds = actor_kinds(
        "New Zealander Tim Weston was cycling near the river when he saw the animal. "
        "Tim Weston said he had never been so scared. Weston posted a video online. "
        "He sold the clip to the New York Mets fan site. The New York Mets said they "
        "would frame it."
    )
    assert kinds.get("Tim Weston") == "person"
    assert not [n for n in kinds if "Zealander" in n]
    assert "York Mets" not in kinds


def test_a_kinship_word_and_a_title_make_the_parent_not_the_child():
    kinds = actor_kinds(
        "Four-year-old Oliver Grange had his toy sword taken at Northfield Airport. "
        "Oliver Grange was travelling with his parents to Spain. Dad Mark has called the "
        "checks 'absurd'. Mr Grange, a teacher, said: 'It was a plastic toy.' Mr Grange "
        "said he would complain to the airport."
    )
    assert kinds.get("Mark Grange") == "person"
    assert kinds.get("Oliver Grange") == "person"
    assert "Dad Mark" not in kinds


def test_a_caption_determiner_is_no_part_of_a_name():
    kinds = actor_kinds(
        "The toy was seized at Northfield Airport The £6 gadget was bought online. "
        "Northfield Airport said its staff had followed the rules. Northfield Airport "
        "added that safety came first."
    )
    assert "Northfield Airport" in kinds
    assert "Northfield Airport The" not in kinds


def test_a_business_named_with_its_possessive_keeps_it():
    kinds = actor_kinds(
        "The painting failed to sell at Christie's on Wednesday. Christie's said the "
        "reserve had been too high. A Christie's expert said buyers were cautious."
    )
    assert "Christie's" in kinds
    assert "Christie" not in kinds


def test_the_bare_government_joins_the_one_qualified_government():
    kinds = actor_kinds(
        "The Tasmanian Government has approved a new ferry contract. The Tasmanian "
        "Government said the ferries would arrive in 2027. Critics said the Government "
        "had paid too much. The Government denied it."
    )
    assert "Tasmanian Government" in kinds
    assert "Government" not in kinds and "government" not in kinds


def test_a_group_with_a_position_is_an_actor_but_not_a_proxy():
    kinds = actor_kinds(
        "Harlow Mining has rejected a takeover bid from Sandmere. Harlow Mining chairman "
        "Ian Booth said the offer undervalued the firm. Analysts said a higher offer was "
        "likely. Officials said the talks would resume on Monday."
    )
    assert kinds.get("Analysts") == "group"
    assert "Officials" not in kinds


def test_a_public_body_named_once_is_an_actor():
    kinds = actor_kinds(
        "Two cars collided on the coast road on Sunday. Four people were taken to "
        "Westbury Hospital with minor injuries. Police said the road would stay closed."
    )
    assert kinds.get("Westbury Hospital") == "organization"


def test_a_place_only_reached_is_no_actor():
    kinds = actor_kinds(
        "Amy Clarke was flying to Madeira with her family. Amy Clarke said the delay "
        "ruined the first day in Madeira. The family had booked ten days in Madeira."
    )
    assert "Madeira" not in kinds
    assert kinds.get("Amy Clarke") == "person"


def test_a_person_at_the_end_of_a_description_is_that_person():
    kinds = actor_kinds(
        "The current owner of the sign is Yankee Hall of Famer Reggie Jackson, who "
        "bought it in 2008. Jackson said it was time to let it go. Jackson added that "
        "the sign belonged in a museum."
    )
    assert kinds.get("Reggie Jackson") == "person"


def test_the_queen_alone_is_a_person():
    kinds = actor_kinds(
        "Crowds gathered as the Queen arrived in Windsor. The Queen thanked the "
        "volunteers. Organisers said the Queen had stayed longer than planned."
    )
    assert kinds.get("Queen") == "person"


def test_a_caption_the_inside_a_run_splits_it():
    kinds = actor_kinds(
        "Didier Forlan joined from Chelsea The Manchester United striker was happy. "
        "Chelsea said the fee was fair. Manchester United said the deal was done."
    )
    assert "Chelsea The Manchester United" not in kinds
    assert "Chelsea" in kinds and "Manchester United" in kinds


def test_a_caption_run_into_a_surname_is_the_surname():
    kinds = actor_kinds(
        "Alexis Sanchez scored twice for Arsenal on Saturday. Arsenal said the striker "
        "was fit. Arsenal fans cheered as he chose Arsenal Sanchez has made a fine start. "
        "Sanchez said he was happy in London."
    )
    assert "Arsenal Sanchez" not in kinds
    assert kinds.get("Alexis Sanchez") == "person"


def test_a_post_named_by_its_seat_is_no_actor():
    kinds = actor_kinds(
        "Douglas Hogg, the Tory MP for Sleaford and North Hykeham, said the plan was "
        "wrong. The Tory MP for Sleaford and North Hykeham said he would vote against "
        "it. Hogg said the Lords should decide."
    )
    assert set(kinds) == {"Douglas Hogg"}
