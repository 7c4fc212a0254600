"""Institutions named with a describing word before them (rules backend)."""

from __future__ import annotations

import briefs


def test_a_described_institution_is_the_institution() -> None:
    # this sentence crashed the backend (KeyError 'Welsh Liberal Democrats') on a BBC
    # politics article: the mention kept its adjective, the lookup wanted the name
    brief = briefs.generate_brief(
        'For the Welsh Liberal Democrats, Kirsty Williams called the new target "hugely '
        'unambitious". "It leaves patients in Wales still waiting," she said.'
    )
    names = [a.name for a in brief.actors]
    assert "Kirsty Williams" in names
    assert "Welsh Liberal Democrats" not in names
