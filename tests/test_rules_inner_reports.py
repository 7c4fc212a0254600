"""A report inside another statement is part of it (issue #10, round 6, second wave):
a "what he said was" free relative whose "he" is the sentence's own subject, a clause
under "unless" inside a reported clause, and two names joined inside a post ("the MP
for Sleaford and North Hykeham") neither cut the statement around them nor give its
words to another speaker. Invented sentences of the forms found in real articles."""

from __future__ import annotations

from rules_briefs import assert_evidence_exact, stances_of

import briefs


def _speakers(brief: briefs.Brief, words: str) -> list[str]:
    return [p.actor for p in brief.positions if words in p.stance]


def test_what_he_said_stays_in_the_subjects_statement():
    text = (
        "Labour minister Tom Reyes said the post no longer needed a lawyer. "
        "Shadow minister Alan Marsh criticised the government over its plans to change "
        'what he said was an "exceptional institution" of the state.'
    )
    brief = briefs.generate_brief(text)
    assert _speakers(brief, "exceptional institution") == ["Alan Marsh"], brief.positions
    marsh = " ".join(stances_of(brief, "Alan Marsh"))
    assert "plans to change what he said was" in marsh, marsh
    assert_evidence_exact(text, brief)


def test_a_condition_inside_a_warning_keeps_the_warning_whole():
    text = (
        "Conservative spokesman Alan Marsh attacked the bill on Monday. "
        "He warned that unless ministers backed down over the plan, the government "
        "would have great difficulty in getting the bill through Parliament."
    )
    brief = briefs.generate_brief(text)
    marsh = " ".join(stances_of(brief, "Alan Marsh"))
    assert "unless ministers backed down" in marsh.lower(), marsh
    assert "great difficulty" in marsh, marsh
    assert not _speakers(brief, "Backed down"), brief.positions


def test_names_joined_inside_a_post_are_one_speaker():
    text = (
        "Peers debated the bill for a second day. "
        "But the Tory MP for Sleaford and North Hykeham admitted the role "
        '"cannot be frozen in aspic".'
    )
    brief = briefs.generate_brief(text)
    assert len(_speakers(brief, "frozen in aspic")) <= 1, brief.positions


def test_they_after_an_unnamed_crowd_is_not_the_last_named_body():
    text = (
        "Tom Reyes was last seen outside the Bank of Ireland on Baggot Street. "
        "Detectives released the footage in April and appealed for the man to come forward. "
        "They believe he was the same man captured on CCTV following Mr Reyes."
    )
    brief = briefs.generate_brief(text)
    assert not _speakers(brief, "same man"), brief.positions


def test_they_after_a_named_body_is_still_that_body():
    text = (
        "Kolkata police arrested a man at the station on Friday. "
        "In May, the police said they had arrested the leader of the gang. "
        "They said it was not clear what role the man had played in the case."
    )
    brief = briefs.generate_brief(text)
    assert _speakers(brief, "not clear what role") == _speakers(brief, "arrested the leader")
    assert _speakers(brief, "not clear what role"), brief.positions
