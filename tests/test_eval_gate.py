"""The CI quality gate: the rules backend on seeds/ must meet evals/thresholds.json."""

from __future__ import annotations

from pathlib import Path

from briefs.evaluate import check_fail_under, generate_and_evaluate, load_briefs, load_thresholds

ROOT = Path(__file__).resolve().parent.parent


def test_rules_backend_meets_the_thresholds():
    references = load_briefs(ROOT / "evals" / "references")
    report, errors = generate_and_evaluate([ROOT / "seeds"], references, "rules")
    assert errors == []
    assert report.missing == [], "every reference needs a seed article"
    floors = load_thresholds(ROOT / "evals" / "thresholds.json")
    failures = check_fail_under(report, floors)
    assert failures == [], "quality gate failed: " + "; ".join(failures)


def test_every_seed_has_a_reference():
    from briefs.ingest import iter_articles

    ids = {a.id for a in iter_articles([ROOT / "seeds"])}
    refs = {p.stem for p in (ROOT / "evals" / "references").glob("*.json")}
    assert ids == refs
    assert len(ids) >= 15
