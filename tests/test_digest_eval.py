"""The digest eval: a reference scores 1.0 against itself; each kind of damage costs its
field; the committed story references meet their floors with the rules backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefs.cli import cli
from briefs.evaluate.digest import DIGEST_FIELDS, score_digest
from briefs.story.references import load_reference

ROOT = Path(__file__).resolve().parent.parent
REFS = sorted((ROOT / "evals" / "digests").glob("*.json"))


@pytest.fixture(params=REFS, ids=[p.stem for p in REFS])
def reference(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    return load_reference(request.param)[0]


def test_at_least_three_stories() -> None:
    assert len(REFS) >= 3


def test_a_reference_scores_one_against_itself(reference) -> None:  # type: ignore[no-untyped-def]
    assert score_digest(reference, reference) == {f: 1.0 for f in DIGEST_FIELDS}


def test_splitting_a_merged_actor_costs_actors_merged(reference) -> None:  # type: ignore[no-untyped-def]
    actor = max(reference.actors, key=lambda a: len(a.articles))
    split = [
        a.model_copy(update={"articles": a.articles[:1]}) if a is actor else a
        for a in reference.actors
    ]
    broken = reference.model_copy(update={"actors": split})
    assert score_digest(broken, reference)["actors.merged"] < 1.0


def test_reversed_order_costs_timeline_order(reference) -> None:  # type: ignore[no-untyped-def]
    n = len(reference.articles)
    flipped = [a.model_copy(update={"order": n - 1 - a.order}) for a in reference.articles]
    assert (
        score_digest(reference.model_copy(update={"articles": flipped}), reference)[
            "timeline.order"
        ]
        == 0.0
    )


def test_a_wrong_status_or_change_label_costs_its_field(reference) -> None:  # type: ignore[no-untyped-def]
    issues = [
        i.model_copy(update={"status": "open", "resolved_in": None}) for i in reference.issues
    ]
    if any(i.status == "resolved" for i in reference.issues):
        damaged = reference.model_copy(update={"issues": issues})
        assert score_digest(damaged, reference)["issues.status"] < 1.0
    timeline = [e.model_copy(update={"change": None}) for e in reference.timeline]
    if any(e.change for e in reference.timeline):
        damaged = reference.model_copy(update={"timeline": timeline})
        assert score_digest(damaged, reference)["timeline.changes"] < 1.0


def test_the_rules_backend_meets_the_digest_floors(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    corpus = {c for p in REFS for c in json.loads(p.read_text())["inputs"]["corpus"]}
    if not all((ROOT / c).exists() for c in corpus):
        pytest.skip("corpus not on this machine (../shared)")
    floors = json.loads((ROOT / "evals" / "thresholds-digest.json").read_text())
    args = [f"--fail-under={k}={v}" for k, v in floors.items() if not k.startswith("_")]
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        cli, ["digest-eval", "evals/digests", "--report", str(report), *args]
    )
    assert result.exit_code == 0, result.output
    means = json.loads(report.read_text())["fields"]
    assert set(means) == set(DIGEST_FIELDS)
