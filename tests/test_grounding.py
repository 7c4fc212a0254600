from __future__ import annotations

from briefs.backends.base import Draft
from briefs.grounding import ground, locate
from briefs.schema import Actor, Evidence, OpenIssue, Position

TEXT = "The Kremlin said Russia will remain a “guarantor of security”.\n\nArmenia  disagreed."


def test_locate_exact():
    assert locate(TEXT, "Russia will remain") == (17, 35)


def test_locate_normalised_quotes_and_spaces():
    span = locate(TEXT, 'a "guarantor of security"')
    assert span is not None
    assert TEXT[span[0] : span[1]] == "a “guarantor of security”"
    span = locate(TEXT, "Armenia disagreed")
    assert span is not None and TEXT[span[0] : span[1]] == "Armenia  disagreed"


def test_locate_fuzzy_and_missing():
    span = locate(TEXT, "The Kremlin said Russia will remains a guarantor")
    assert span is not None and TEXT[span[0] : span[1]].startswith("The Kremlin said")
    assert locate(TEXT, "Azerbaijan launched a counter-offensive in the north") is None


def test_ground_fixes_offsets_and_drops_inventions():
    draft = Draft(
        summary="s",
        actors=[
            Actor(
                name="Kremlin",
                kind="organization",
                evidence=[Evidence(quote="Kremlin", start=0, end=7)],
            )
        ],
        positions=[
            Position(
                actor="Kremlin",
                stance="x",
                evidence=[Evidence(quote="Russia will remain", start=0, end=18)],
            ),
            Position(
                actor="Kremlin",
                stance="y",
                evidence=[Evidence(quote="Moscow threatened war", start=0, end=5)],
            ),
        ],
        open_issues=[OpenIssue(issue="z", evidence=[])],
    )
    grounded, report = ground(draft, TEXT)
    assert grounded.actors[0].evidence[0].start == 4
    ev = grounded.positions[0].evidence[0]
    assert TEXT[ev.start : ev.end] == ev.quote
    assert grounded.positions[1].evidence == []
    assert report.dropped == ["Moscow threatened war"]
    assert any("no evidence" in w for w in report.warnings())
    strict, _ = ground(draft, TEXT, strict=True)
    assert len(strict.positions) == 1 and strict.open_issues == []
