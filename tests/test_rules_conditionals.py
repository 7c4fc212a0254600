"""A clause under "if" or "unless" is nobody's position (rules backend)."""

from __future__ import annotations

import briefs


def _stances(text: str) -> dict[str, list[str]]:
    brief = briefs.generate_brief(text)
    out: dict[str, list[str]] = {}
    for p in brief.positions:
        out.setdefault(p.actor, []).append(p.stance)
    return out


def test_unless_clause_is_not_the_subjects_deed() -> None:
    stances = _stances(
        "Shadow minister Dominic Grieve criticised the plans on Monday. He warned that "
        "unless ministers backed down over the reform, the government would have great "
        "difficulty getting the Bill through Parliament. Ministers said the reform was "
        "overdue."
    )
    flat = [s for group in stances.values() for s in group]
    assert not any(s.lower().startswith("backed down") for s in flat), stances


def test_if_clause_is_not_the_subjects_wish() -> None:
    stances = _stances(
        "The men's solicitor Matthew Knight said the men had committed no offence. "
        '"There is no offence of trespassing in the House of Commons," he said. "If '
        "Parliament wanted to make entering the House of Commons chamber on foot a "
        "criminal offence it should have done so, but it can't do so retrospectively. "
        '"We are not guilty of it." They will appear in court next month.'
    )
    flat = [s for group in stances.values() for s in group]
    assert not any(s.lower().startswith("wanted to make") for s in flat), stances


def test_an_aside_inside_a_condition_still_reports() -> None:
    stances = _stances(
        "Some are worried the plan could be scuppered if, as Tony Blair and Ruth Kelly "
        "have suggested, GCSEs and A-levels stay. Tony Blair spoke in London on Monday."
    )
    assert any("stay" in s.lower() for s in stances.get("Tony Blair", [])), stances
