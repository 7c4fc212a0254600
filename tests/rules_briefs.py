"""Helpers for tests that read rules briefs of short invented texts."""

from __future__ import annotations

import briefs
from briefs.schema import Brief


def actor_kinds(text: str) -> dict[str, str]:
    """Each listed actor's kind in the rules brief of ``text``."""
    return {a.name: a.kind for a in briefs.generate_brief(text).actors}


def stances_of(brief: Brief, actor: str) -> list[str]:
    """The stances ``brief`` gives ``actor``, in order."""
    return [p.stance for p in brief.positions if p.actor == actor]


def assert_evidence_exact(text: str, brief: Brief) -> None:
    """Every position's evidence slices ``text`` exactly."""
    for p in brief.positions:
        for ev in p.evidence:
            assert text[ev.start : ev.end] == ev.quote
