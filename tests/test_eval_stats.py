"""Bootstrap intervals, ceilings, baselines judged by intervals, splits, old reports."""

from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner

from briefs.cli import cli
from briefs.errors import UsageError
from briefs.evaluate import (
    Aggregate,
    bootstrap,
    check_baseline,
    check_fail_under,
    evaluate,
    load_report,
    load_splits,
    parse_fail_under,
)
from briefs.evaluate.gate import load_thresholds
from briefs.evaluate.scores import FIELDS
from briefs.schema import OpenIssue


def test_bootstrap_is_deterministic_and_brackets_the_mean():
    values = [0.1, 0.5, 0.9, 0.4, 0.7, 0.2, 0.8]
    one, two = bootstrap(values), bootstrap(list(values))
    assert one == two
    assert one is not None and one.low < one.mean < one.high and one.n == 7
    assert one.mean == pytest.approx(sum(values) / 7)
    assert bootstrap([]) is None
    assert bootstrap([0.5, 0.5]) == Aggregate(0.5, 0.5, 0.5, 2)


def test_bootstrap_covers_the_true_mean_about_95_percent():
    # 200 samples of 30 from a uniform(0, 1): the true mean 0.5 should fall inside
    # the 95% interval in roughly 95% of them (percentile bootstrap runs a bit narrow)
    rng = random.Random(7)
    inside = 0
    for trial in range(200):
        sample = [rng.random() for _ in range(30)]
        agg = bootstrap(sample, resamples=500, seed=trial)
        assert agg is not None
        inside += agg.low <= 0.5 <= agg.high
    assert 0.88 <= inside / 200 <= 0.99


def test_ceilings_and_floors():
    gate = parse_fail_under(["actors.f1=0.8,summary.unsupported<=0", "issues.restated<=0.2"])
    assert gate.floors == {"actors.f1": 0.8}
    assert gate.ceilings == {"summary.unsupported": 0.0, "issues.restated": 0.2}
    with pytest.raises(UsageError, match="lower-is-better"):
        parse_fail_under(["summary.unsupported=0"])


def test_thresholds_file_old_and_new_keys(tmp_path):
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"_c": "x", "actors.f1": 0.5, "summary.unsupported<=": 0}))
    gate = load_thresholds(path)
    assert gate.floors == {"actors.f1": 0.5} and gate.ceilings == {"summary.unsupported": 0.0}


@pytest.fixture(scope="module")
def seed_report(seed_briefs, references):
    briefs = {k: b for k, (_, b) in seed_briefs.items()}
    texts = {k: a.text for k, (a, _) in seed_briefs.items()}
    return evaluate(briefs, references, texts=texts)


def test_every_aggregate_has_an_interval(seed_report):
    data = seed_report.to_dict()
    assert data["version"] == 2
    for name in FIELDS:
        iv = data["intervals"][name]
        assert iv["low"] <= iv["mean"] <= iv["high"] and iv["n"] == 15, name
        assert data["fields"][name] == iv["mean"]
    assert data["lower_is_better"] == ["issues.restated", "summary.unsupported"]
    assert data["fields"]["summary.unsupported"] == 0.0
    failures = check_fail_under(seed_report, parse_fail_under(["summary.unsupported<=0"]))
    assert failures == []
    assert check_fail_under(seed_report, parse_fail_under(["issues.restated<=0"]))


def _baseline(tmp_path, seed_report, field: str, value: float, *, old: bool = False):
    data = seed_report.to_dict()
    data["fields"][field] = value
    if old:  # a version-1 report: means only
        data = {"version": 1, "overall": data["overall"], "fields": data["fields"]}
    path = tmp_path / "base.json"
    path.write_text(json.dumps(data))
    return path


def test_baseline_needs_the_old_value_outside_the_interval(tmp_path, seed_report):
    agg = seed_report.aggregates["positions.strict_f1"]
    assert agg is not None
    inside = agg.high - 0.001  # worse now, but within noise: not a regression
    assert agg.mean + 0.02 < inside
    assert (
        check_baseline(
            seed_report, _baseline(tmp_path, seed_report, "positions.strict_f1", inside), 0.02
        )
        == []
    )
    outside = agg.high + 0.01
    msgs = check_baseline(
        seed_report, _baseline(tmp_path, seed_report, "positions.strict_f1", outside), 0.02
    )
    assert len(msgs) == 1 and msgs[0].startswith("positions.strict_f1 dropped")
    # outside the interval but within --max-drop: allowed
    assert (
        check_baseline(
            seed_report, _baseline(tmp_path, seed_report, "positions.strict_f1", outside), 1.0
        )
        == []
    )


def test_lower_is_better_regresses_upwards(tmp_path, seed_briefs, references):
    # every seed brief also lists its first position as an issue (a restated one), so
    # the restated share is well above a 0.0 baseline whatever the backend lists
    restating = {
        k: b.model_copy(
            update={
                "open_issues": [
                    *b.open_issues,
                    *(
                        OpenIssue(issue=p.stance, actors=[p.actor], evidence=p.evidence)
                        for p in b.positions[:1]
                    ),
                ]
            }
        )
        for k, (_, b) in seed_briefs.items()
    }
    report = evaluate(restating, references, texts={k: a.text for k, (a, _) in seed_briefs.items()})
    agg = report.aggregates["issues.restated"]
    assert agg is not None and agg.low > 0.01
    msgs = check_baseline(report, _baseline(tmp_path, report, "issues.restated", 0.0), 0.01)
    assert len(msgs) == 1 and msgs[0].startswith("issues.restated rose")
    assert check_baseline(report, _baseline(tmp_path, report, "issues.restated", 0.9), 0.01) == []


def test_old_reports_load_as_baselines(tmp_path, seed_report):
    path = _baseline(tmp_path, seed_report, "actors.f1", 1.0, old=True)
    old = load_report(path)
    assert old["actors.f1"].mean == 1.0 and old["actors.f1"].interval is None
    assert "actors.f1 dropped" in " ".join(check_baseline(seed_report, path, 0.02))
    (tmp_path / "bad.json").write_text("[1]")
    with pytest.raises(UsageError):
        load_report(tmp_path / "bad.json")


def test_splits_select_and_sources(tmp_path, references):
    path = tmp_path / "splits.json"
    ids = sorted(references)
    path.write_text(
        json.dumps({"sources": {"a": ids[:5], "b": ids[5:]}, "dev": ids[:8], "test": ids[8:]})
    )
    splits = load_splits(path)
    assert set(splits.select(references, "dev")) == set(ids[:8])
    assert set(splits.select(references, "test")) == set(ids[8:])
    report = evaluate({}, splits.select(references, "dev"), sources=splits.sources, split="dev")
    assert list(report.by_source) == ["a", "b"]
    assert report.by_source["a"]["actors.f1"].n == 5  # type: ignore[union-attr]
    assert report.to_dict()["split"] == "dev"
    path.write_text(json.dumps({"dev": ids[:2], "test": ids[1:3]}))
    with pytest.raises(UsageError, match="both dev and test"):
        load_splits(path)


def test_cli_split_scores_only_that_half(tmp_path, references):
    ids = sorted(references)
    splits = tmp_path / "splits.json"
    splits.write_text(json.dumps({"sources": {"seeds": ids}, "dev": ids[:4], "test": ids[4:]}))
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    for rid in ids:
        (briefs / f"{rid}.json").write_text(references[rid].model_dump_json())
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        cli,
        [
            "eval",
            "--briefs",
            str(briefs),
            "--splits",
            str(splits),
            "--split",
            "test",
            "-q",
            "--report",
            str(out),
            "--markdown",
            str(tmp_path / "r.md"),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert [a["id"] for a in data["articles"]] == ids[4:]
    assert set(data["by_source"]) == {"seeds"} and data["split"] == "test"
    md = (tmp_path / "r.md").read_text()
    assert "(test split)" in md and "[1.00, 1.00]" in md and "restated ↓" in md
    bad = CliRunner().invoke(
        cli,
        [
            "eval",
            "--briefs",
            str(briefs),
            "--split",
            "dev",
            "--splits",
            str(tmp_path / "none.json"),
        ],
    )
    assert bad.exit_code == 2


def test_the_cli_offers_every_part_of_the_splits_file():
    from briefs.cli import cli
    from briefs.evaluate.splits import SPLITS

    split = next(p for p in cli.commands["eval"].params if p.name == "split")
    assert tuple(split.type.choices) == SPLITS


def test_no_id_may_sit_in_two_parts(tmp_path):
    path = tmp_path / "splits.json"
    path.write_text(json.dumps({"dev": ["a"], "dev2": ["b", "c"], "test": ["c"]}))
    with pytest.raises(UsageError, match="both dev2 and test: c"):
        load_splits(path)
