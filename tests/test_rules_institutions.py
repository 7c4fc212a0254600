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


def test_a_religion_is_no_country() -> None:
    # "Christian" once matched "Christmas Island" by its first six letters, and
    # "Democrats" the Democratic Republic of the Congo
    brief = briefs.generate_brief(
        "But Christian groups say the bill could mean doctors withholding food. "
        "Democrats accused the president of hiding the costs, and the Frenchman "
        "said he would focus on his job."
    )
    kinds = {a.name: a.kind for a in brief.actors}
    assert "Christmas Island" not in kinds
    assert "Democratic Republic of the Congo" not in kinds
    assert "France" not in kinds
