from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefs.cli import cli
from briefs.schema import Brief


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture()
def mixed(tmp_path, seed_path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "empty.txt").write_text("")
    (src / "blank.md").write_text("  \n\n ")
    (src / "bin.txt").write_bytes(b"\x00\x01\x02")
    (src / "notes.docx").write_bytes(b"PK")
    (src / "feed.jsonl").write_text(
        json.dumps({"id": "../../escape", "text": "Ms Ana Ruiz said the plan would fail."})
        + "\n{not json\n"
    )
    return src


def test_generate_seeds(tmp_path, seeds_dir):
    out = tmp_path / "out"
    result = run("generate", str(seeds_dir), "--out", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    ids = {e["id"] for e in manifest["articles"]}
    assert "000_69c10cbc4915efea" in ids
    assert manifest["counts"]["failed"] == 0
    for entry in manifest["articles"]:
        assert entry["status"] == "ok" and entry["backend"] == "rules"
        assert set(entry) >= {
            "id",
            "source",
            "status",
            "error",
            "outputs",
            "backend",
            "duration_ms",
        }
        brief = Brief.model_validate_json((out / entry["outputs"][0]).read_text())
        assert brief.id == entry["id"]
        md = (out / entry["outputs"][1]).read_text()
        assert md.startswith("# ") and "## Actors" in md and "## Open issues" in md
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_bad_inputs_are_reported_and_the_rest_written(tmp_path, mixed):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["generate", str(mixed), "--out", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    named = " ".join(errors)
    for name in ("empty.txt", "blank.md", "bin.txt", "notes.docx", "feed.jsonl:2"):
        assert name in named
    assert len(errors) == 5
    assert (out / "good.json").exists() and (out / "good.md").exists()
    # the id "../../escape" cannot leave --out
    assert (out / "escape.json").exists()
    assert not (tmp_path / "escape.json").exists()
    manifest = json.loads((out / "manifest.json").read_text())
    failed = {
        Path(e["source"]).name: e["error"] for e in manifest["articles"] if e["status"] == "failed"
    }
    assert "empty.txt" in failed and "binary" in failed["bin.txt"]
    assert "summary" not in result.stdout  # stdout stays clean
    assert "2 ok, 5 failed" in result.stderr


def test_existing_output_survives_a_failed_article(tmp_path, mixed):
    out = tmp_path / "out"
    run("generate", str(mixed / "good.txt"), "--out", str(out), "-q")
    before = (out / "good.json").read_text()
    (mixed / "good.txt").write_text("")
    result = CliRunner().invoke(cli, ["generate", str(mixed / "good.txt"), "--out", str(out)])
    assert result.exit_code == 1
    assert (out / "good.json").read_text() == before


def test_duplicate_ids_fail_the_second(tmp_path):
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    (src / "b").mkdir()
    for sub in ("a", "b"):
        (src / sub / "same.txt").write_text("The minister said the plan would go ahead.")
    result = CliRunner().invoke(cli, ["generate", str(src), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "duplicate id" in result.stderr


def test_unknown_backend_is_a_usage_error(tmp_path, seed_path):
    result = CliRunner().invoke(cli, ["generate", str(seed_path), "--backend", "nope"])
    assert result.exit_code == 2
    assert "unknown backend 'nope'" in result.stderr


def test_no_paths_is_a_usage_error():
    assert CliRunner().invoke(cli, ["generate"]).exit_code == 2


def test_schema_command_prints_json_schema():
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "Brief"


def test_backends_lists_every_builtin_and_its_state():
    result = run("backends")
    rows = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()}
    assert rows["rules"] == "ok"
    assert set(rows) >= {"rules", "openai", "anthropic", "ollama", "openai-compatible", "llamacpp"}
    assert rows["anthropic"] == "unavailable"  # its extra is not installed in tests


def test_console_script_runs(tmp_path, seed_path):
    """The installed `briefs` command (python -m briefs uses the same entry)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "briefs", "generate", str(seed_path), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,  # a safety bound, fires only on a hang
    )
    assert proc.returncode == 0, proc.stderr
    assert "1 ok, 0 failed" in proc.stderr
    assert (tmp_path / "000_69c10cbc4915efea.json").exists()
