"""Acceptance of the rules backend on the seed article and on every seed."""

from __future__ import annotations

import re

import pytest

SEED = "000_69c10cbc4915efea"


@pytest.fixture(scope="module")
def brief(seed_briefs):
    return seed_briefs[SEED][1]


def actor(brief, name):
    found = [a for a in brief.actors if a.name == name]
    assert found, f"{name} not in {[a.name for a in brief.actors]}"
    return found[0]


def stances(brief, name):
    return " ".join(p.stance.lower() for p in brief.positions if p.actor == name)


def test_seed_actors(brief):
    pashinyan = actor(brief, "Nikol Pashinyan")
    assert pashinyan.kind == "person"
    assert pashinyan.role == "Prime Minister of Armenia"
    assert "Pashinyan" in pashinyan.aliases
    assert actor(brief, "Maria Zakharova").kind == "person"
    assert actor(brief, "Kremlin").kind == "organization"
    assert "Moscow" in actor(brief, "Russia").aliases
    assert "Yerevan" in actor(brief, "Armenia").aliases
    assert actor(brief, "Azerbaijan").kind == "country"
    assert actor(brief, "Russian peacekeepers").kind == "group"


def test_seed_positions(brief):
    assert "accused russia of failing to protect armenia" in stances(brief, "Nikol Pashinyan")
    assert "ukrainian conflict" in stances(brief, "Nikol Pashinyan")
    kremlin = stances(brief, "Kremlin")
    assert "rejected these claims" in kremlin and "unfounded" in kremlin
    zakharova = stances(brief, "Maria Zakharova")
    assert "rudeness" in zakharova
    assert "urged yerevan to take responsibility" in zakharova  # "She" resolved
    assert "humanitarian aid" in stances(brief, "Russia")  # "Moscow" resolved


def test_seed_open_issues(brief):
    # the blockade of the Lachin corridor is Armenia's stated concern (a position), so
    # it is not repeated as an open issue; what stays open is Russia's future role
    lachin = [p for p in brief.positions if "Lachin corridor" in p.stance]
    assert lachin and lachin[0].actor == "Armenia"
    assert not any("Lachin corridor" in i.issue for i in brief.open_issues)
    assert any(i.issue.startswith("Whether Russia will") for i in brief.open_issues)
    assert all("Russia" in i.actors for i in brief.open_issues if "Whether Russia" in i.issue)


def test_seed_date_and_summary(brief):
    assert brief.date == "2023-11-07"
    sentences = re.findall(r"[.!?][”\"']?(?:\s|$)", brief.summary)
    assert 2 <= len(sentences) <= 4
    assert brief.summary.startswith("In a recent interview")


def test_every_evidence_slices_its_article(seed_briefs):
    for article, brief in seed_briefs.values():
        items = [*brief.actors, *brief.positions, *brief.open_issues]
        assert items
        for item in items:
            assert item.evidence, (brief.id, item)
            for ev in item.evidence:
                assert article.text[ev.start : ev.end] == ev.quote


def test_every_seed_gets_a_full_brief(seed_briefs):
    assert len(seed_briefs) >= 4
    for _, brief in seed_briefs.values():
        assert len(brief.actors) >= 4, brief.id
        assert len(brief.positions) >= 3, brief.id
        assert brief.open_issues, brief.id
        names = {a.name for a in brief.actors}
        assert all(p.actor in names for p in brief.positions), brief.id
        assert all(set(i.actors) <= names for i in brief.open_issues), brief.id
        assert brief.meta is not None and brief.meta.backend == "rules"
        assert brief.meta.source_sha256


def _norm(s: str) -> str:
    s = re.sub(r"^(the)\s+", "", s.strip().lower())
    return re.sub(r"[’']", "'", s)


def test_primary_actors_found_on_every_seed(seed_briefs, references):
    """Most primary actors of each hand-written reference are named (exact or alias)."""
    for rid, ref in references.items():
        brief = seed_briefs[rid][1]
        forms = {_norm(f) for a in brief.actors for f in [a.name, *a.aliases]}
        primary = [a for a in ref.actors if a.salience == "primary"]
        hit = [a for a in primary if forms & {_norm(f) for f in [a.name, *a.aliases]}]
        assert len(hit) >= 0.6 * len(primary), (rid, [a.name for a in primary if a not in hit])


def test_attributions_on_the_other_seeds(seed_briefs):
    """Speakers across domains: labour dispute, takeover, court case."""
    port = seed_briefs["001_port_strike"][1]
    assert any(p.actor == "Moira Callan" and "scare tactics" in p.stance for p in port.positions)
    bid = seed_briefs["002_takeover_battle"][1]
    assert any(p.actor == "Marcus Trent" and "entrenchment" in p.stance for p in bid.positions)
    court = seed_briefs["003_court_ruling"][1]
    assert any(p.actor == "Teresa Vallance" and "sham" in p.stance for p in court.positions)
    assert any(p.actor == "Simon Kerrigan" and "appeal" in p.stance for p in court.positions)
