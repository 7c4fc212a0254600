from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefs.cli import cli
from briefs.eval_run import generate_and_evaluate
from briefs.evaluate import check_fail_under, load_briefs, load_thresholds
from briefs.evaluate.scores import FIELDS, higher_is_better

ROOT = Path(__file__).resolve().parent.parent


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def generated(tmp_path_factory, seeds_dir) -> Path:
    out = tmp_path_factory.mktemp("briefs")
    assert invoke("generate", str(seeds_dir), "--out", str(out), "-q").exit_code == 0
    return out


def test_eval_existing_briefs_writes_all_reports(generated, tmp_path, seeds_dir):
    report, md, html = tmp_path / "r.json", tmp_path / "r.md", tmp_path / "r.html"
    result = invoke(
        "eval",
        "--briefs",
        str(generated),
        "--references",
        str(ROOT / "evals/references"),
        "--articles",
        str(seeds_dir),
        "--report",
        str(report),
        "--markdown",
        str(md),
        "--html",
        str(html),
    )
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text())
    assert 0 < data["overall"] <= 1
    assert set(data["fields"]) == set(FIELDS)
    assert len(data["articles"]) == len(list((ROOT / "evals/references").glob("*.json")))
    assert data["fields"]["grounding.exact"] == 1.0
    assert "| mean |" in md.read_text() or "**mean**" in md.read_text()
    page = html.read_text()
    assert "000_69c10cbc4915efea" in page and "matched" in page and "missed" in page
    assert ">restated<" in page and "By source" in page and "[" in page
    assert not re.search(r"""(src|href)=["']https?://""", page)  # self-contained
    assert "actors F1" in result.stdout and "mean" in result.stdout


def test_eval_generates_then_scores(tmp_path, seeds_dir):
    result = invoke(
        "eval", str(seeds_dir), "--backend", "rules", "--report", str(tmp_path / "r.json"), "-q"
    )
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "r.json").read_text())["fields"]["grounding.exact"] == 1.0


def test_fail_under_names_the_failing_fields(generated, tmp_path):
    md = tmp_path / "gate.md"
    result = invoke(
        "eval",
        "--briefs",
        str(generated),
        "--markdown",
        str(md),
        "-q",
        "--fail-under",
        "actors.f1=0.1,positions.strict_f1=0.99",
        "--fail-under",
        "issues.recall=0.999",
    )
    assert result.exit_code == 1
    assert "positions.strict_f1" in result.stderr and "issues.recall" in result.stderr
    assert "actors.f1" not in result.stderr.split("gate failed:")[1]
    assert "Gate failed" in md.read_text()
    ok = invoke("eval", "--briefs", str(generated), "-q", "--fail-under", "actors.f1=0.1")
    assert ok.exit_code == 0 and "gate passed" in ok.stderr


def _shift(fields: dict, by: float) -> dict:
    """Every field moved ``by`` in the better direction (lower-is-better ones down)."""
    return {
        k: (None if v is None else v + (by if higher_is_better(k) else -by))
        for k, v in fields.items()
    }


def test_baseline_flags_regressions_only(generated, tmp_path):
    base = tmp_path / "base.json"
    assert invoke("eval", "--briefs", str(generated), "-q", "--report", str(base)).exit_code == 0
    same = invoke("eval", "--briefs", str(generated), "-q", "--baseline", str(base))
    assert same.exit_code == 0
    # an earlier, much better run: every old mean is outside the new interval -> regression
    data = json.loads(base.read_text())
    data["fields"] = _shift(data["fields"], 0.5)
    better = tmp_path / "better.json"
    better.write_text(json.dumps(data))
    worse = invoke(
        "eval", "--briefs", str(generated), "-q", "--baseline", str(better), "--max-drop", "0.02"
    )
    assert worse.exit_code == 1 and "actors.f1 dropped 0.500" in worse.stderr
    assert "issues.restated rose 0.500" in worse.stderr  # lower is better: up is worse
    # an earlier, worse run: improvements never fail
    data["fields"] = _shift(data["fields"], -1.0)
    better.write_text(json.dumps(data))
    assert (
        invoke("eval", "--briefs", str(generated), "-q", "--baseline", str(better)).exit_code == 0
    )


def test_missing_briefs_score_zero(generated, tmp_path):
    partial = tmp_path / "partial"
    shutil.copytree(generated, partial)
    (partial / "000_69c10cbc4915efea.json").unlink()
    result = invoke("eval", "--briefs", str(partial), "-q", "--report", str(tmp_path / "r.json"))
    assert result.exit_code == 0
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["missing"] == ["000_69c10cbc4915efea"]
    row = next(a for a in data["articles"] if a["id"] == "000_69c10cbc4915efea")
    assert row["fields"]["actors.recall"] == 0.0


@pytest.mark.parametrize(
    "args",
    [
        ["--briefs", "x", "--fail-under", "bogus=0.5"],
        ["--fail-under", "actors.f1=0.5"],  # nothing to score
        ["--briefs", "/nonexistent"],
        ["seeds", "--briefs", "x"],
    ],
)
def test_usage_errors(args):
    assert invoke("eval", *args).exit_code == 2


def test_thresholds_file_is_valid():
    gate = load_thresholds(ROOT / "evals" / "thresholds.json")
    assert {"actors.f1", "positions.strict_f1", "overall"} <= set(gate.floors)
    assert gate.ceilings["summary.unsupported"] == 0.0


def test_briefs_from_other_tools_score_too(tmp_path):
    """A reference-format brief with no evidence and no meta, written by anyone."""
    ref = json.loads((ROOT / "evals/references/000_69c10cbc4915efea.json").read_text())
    (tmp_path / "000_69c10cbc4915efea.json").write_text(json.dumps(ref))
    result = invoke("eval", "--briefs", str(tmp_path), "-q", "--report", str(tmp_path / "r"))
    assert result.exit_code == 0
    row = json.loads((tmp_path / "r").read_text())["articles"][0]
    assert row["fields"]["actors.f1"] == 1.0


def test_loaded_references(references):
    assert load_briefs(ROOT / "evals/references").keys() == references.keys()
    assert check_fail_under  # imported for the gate test below


def test_generate_and_evaluate_api(seeds_dir, references):
    report, errors = generate_and_evaluate([seeds_dir], references, "rules")
    assert errors == [] and report.missing == []


def test_a_positional_gate_is_a_usage_error(generated, seeds_dir):
    result = invoke("eval", str(seeds_dir), "-q", "actors.f1=0.5")
    assert result.exit_code == 2
    assert "--fail-under actors.f1=0.5" in result.output


def test_eval_seeds_goes_through_the_batch_engine(seeds_dir, references, tmp_path):
    out = tmp_path / "out"
    result = invoke("eval", str(seeds_dir), "-q", "-j", "2", "--out", str(out))
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    briefed = {e["id"] for e in manifest["articles"]}
    assert briefed == set(references) & briefed and briefed  # only referenced articles
    assert all(e["status"] == "ok" for e in manifest["articles"])
