"""Project config: briefs.toml / [tool.briefs], precedence, `briefs config`, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefs.cli import cli
from briefs.config import load_config
from briefs.errors import ConfigError


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def settings(*args: str) -> dict:
    result = run("config", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture()
def project(tmp_path, monkeypatch) -> Path:
    """An empty project folder, the working folder of the test."""
    root = tmp_path / "project"
    (root / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


def test_no_file_means_builtin_defaults(project):
    data = settings()
    assert data["file"] is None
    rows = data["settings"]
    assert rows["backend"] == {"value": "rules", "source": "default"}
    assert rows["concurrency"] == {"value": 4, "source": "default"}
    assert rows["out"] == {"value": "briefs-out", "source": "default"}
    assert rows["strict_grounding"] == {"value": False, "source": "default"}
    assert rows["cache"]["source"] == "environment (XDG_CACHE_HOME)"  # conftest sets it
    assert set(data["environment"]) == {"OPENAI_API_KEY", "ANTHROPIC_API_KEY"}


def test_command_line_beats_file_beats_defaults(project):
    (project / "briefs.toml").write_text(
        'backend = "openai"\nmodel = "gpt-4o-mini"\nconcurrency = 8\nout = "briefs"\n'
        "strict_grounding = true\n"
    )
    rows = settings()["settings"]
    assert rows["backend"] == {"value": "openai", "source": "briefs.toml"}
    assert rows["model"] == {"value": "gpt-4o-mini", "source": "briefs.toml"}
    assert rows["concurrency"] == {"value": 8, "source": "briefs.toml"}
    assert rows["out"] == {"value": str(project / "briefs"), "source": "briefs.toml"}
    assert rows["max_bytes"] == {"value": 2_000_000, "source": "default"}

    rows = settings("-j", "2", "--backend", "rules", "--out", "x", "--lenient-grounding")[
        "settings"
    ]
    assert rows["concurrency"] == {"value": 2, "source": "command line"}
    assert rows["backend"] == {"value": "rules", "source": "command line"}
    assert rows["model"] == {"value": None, "source": "default"}  # goes with the file's backend
    assert rows["out"] == {"value": "x", "source": "command line"}
    assert rows["strict_grounding"] == {"value": False, "source": "command line"}

    # the same backend on the command line: the file's model still goes with it
    rows = settings("--backend", "openai")["settings"]
    assert rows["model"] == {"value": "gpt-4o-mini", "source": "briefs.toml"}


def test_nearest_file_up_the_tree_and_pyproject_table(project, monkeypatch):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.briefs]\nconcurrency = 3\ncache = "c.sqlite"\n'
        '[tool.briefs.gates]\nactors.f1 = 0.8\n"issues.recall" = 0.5\n'
        '"summary.unsupported<=" = 0.1\n'
    )
    monkeypatch.chdir(project / "deep" / "er")
    data = settings()
    assert data["file"] == str(project / "pyproject.toml")
    rows = data["settings"]
    assert rows["concurrency"] == {"value": 3, "source": "pyproject.toml [tool.briefs]"}
    assert rows["cache"]["value"] == str(project / "c.sqlite")  # relative to the file
    assert rows["gates"]["value"] == {
        "actors.f1": 0.8,
        "issues.recall": 0.5,
        "summary.unsupported<=": 0.1,
    }

    (project / "deep" / "briefs.toml").write_text("concurrency = 5\n")  # nearer
    rows = settings()["settings"]
    assert rows["concurrency"] == {"value": 5, "source": "briefs.toml"}
    assert rows["cache"]["source"] != "pyproject.toml [tool.briefs]"  # one file, not merged


def test_a_pyproject_without_the_table_is_passed_over(project, monkeypatch):
    (project / "briefs.toml").write_text("concurrency = 6\n")
    (project / "deep" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    monkeypatch.chdir(project / "deep")
    assert settings()["settings"]["concurrency"]["value"] == 6


def test_generate_uses_the_file(project, seed_path):
    (project / "in").mkdir()
    (project / "in" / "a.txt").write_text(seed_path.read_text(encoding="utf-8"))
    (project / "briefs.toml").write_text('out = "from-config"\ncache = false\n')
    result = run("generate", "in", "--quiet")
    assert result.exit_code == 0, result.output
    assert (project / "from-config" / "a.json").exists()
    assert not (project / "briefs-out").exists()
    result = run("generate", "in", "--quiet", "--out", "cli-out")
    assert result.exit_code == 0 and (project / "cli-out" / "a.json").exists()


def test_cache_false_in_the_file_means_no_cache(project, seed_path, tmp_path):
    (project / "a.txt").write_text(seed_path.read_text(encoding="utf-8"))
    (project / "briefs.toml").write_text("cache = false\n")
    first = run("generate", "a.txt", "--out", "o1")
    second = run("generate", "a.txt", "--out", "o2")
    assert first.exit_code == second.exit_code == 0
    assert "0 cached" in second.stderr  # nothing was written to a cache
    third = run("generate", "a.txt", "--out", "o3", "--cache", str(tmp_path / "c.sqlite"))
    fourth = run("generate", "a.txt", "--out", "o4", "--cache", str(tmp_path / "c.sqlite"))
    assert third.exit_code == fourth.exit_code == 0 and "1 cached" in fourth.stderr


def test_executor_settings_come_from_the_file(project, seed_path):
    (project / "briefs.toml").write_text(
        'executor = "dask"\nscheduler = "tcp://10.0.0.5:8786"\nbatch_size = 4\n'
    )
    rows = settings()["settings"]
    assert rows["executor"] == {"value": "dask", "source": "briefs.toml"}
    assert rows["scheduler"] == {"value": "tcp://10.0.0.5:8786", "source": "briefs.toml"}
    assert rows["batch_size"] == {"value": 4, "source": "briefs.toml"}
    assert rows["workers"] == {"value": None, "source": "default"}
    rows = settings("--executor", "local")["settings"]
    assert rows["executor"] == {"value": "local", "source": "command line"}
    # the file's Dask settings are not an error when the command line picks local
    (project / "a.txt").write_text(seed_path.read_text(encoding="utf-8"))
    result = run("generate", "a.txt", "--executor", "local", "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    assert (project / "briefs-out" / "a.json").exists()


def test_eval_gates_come_from_the_file(project, seeds_dir):
    refs = Path(__file__).resolve().parent.parent / "evals" / "references"
    (project / "briefs.toml").write_text("[gates]\noverall = 0.99\n")
    failed = run("eval", str(seeds_dir), "--references", str(refs), "-q")
    assert failed.exit_code == 1 and "gate failed: overall" in failed.stderr
    passed = run(
        "eval", str(seeds_dir), "--references", str(refs), "-q", "--fail-under", "overall=0.1"
    )
    assert passed.exit_code == 0, passed.output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('bakend = "rules"\n', "briefs.toml: unknown key 'bakend'"),
        ('concurrency = "four"\n', "briefs.toml: concurrency: expected an integer"),
        ("concurrency = 0\n", "briefs.toml: concurrency: expected an integer 1..256, got 0"),
        ('backend = "nosuch"\n', "briefs.toml: backend: unknown backend 'nosuch'"),
        ('prompts = "missing"\n', "briefs.toml: prompts: no such folder"),
        ('executor = "ray"\n', "briefs.toml: executor: expected one of local, dask"),
        ('model = "gpt-4o"\n', "briefs.toml: model: needs a backend key too"),
        ("strict_grounding = 1\n", "briefs.toml: strict_grounding: expected true or false"),
        ("[gates]\nnope = 0.5\n", "briefs.toml: gates: unknown field 'nope'"),
        (
            '[gates]\n"summary.unsupported" = 0.5\n',
            "briefs.toml: gates: summary.unsupported is lower-is-better",
        ),
        ("concurrency = \n", "briefs.toml: invalid TOML"),
        ('api_key = "sk-123"\n', "briefs.toml: api_key: looks like a secret"),
        ('openai_key = "sk-123"\n', "briefs.toml: openai_key: looks like a secret"),
        ('token = "x"\n', "briefs.toml: token: looks like a secret"),
    ],
)
def test_a_bad_key_or_value_is_one_line_naming_file_and_key(project, text, message):
    (project / "briefs.toml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config()
    assert str(caught.value).startswith(message), str(caught.value)
    assert "\n" not in str(caught.value)
    for command in (["config"], ["generate", "x.txt"]):
        result = run(*command)
        assert result.exit_code == 2
        assert message in result.stderr
        assert "sk-123" not in result.output  # a secret is never echoed


def test_secret_error_points_to_the_environment(project):
    (project / "pyproject.toml").write_text('[tool.briefs]\nanthropic_api_key = "x"\n')
    result = run("config")
    assert result.exit_code == 2
    assert "pyproject.toml: anthropic_api_key: looks like a secret" in result.stderr
    assert "OPENAI_API_KEY" in result.stderr and "ANTHROPIC_API_KEY" in result.stderr


def test_api_keys_are_reported_from_the_environment_only(project, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-value")
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    result = run("config")
    assert result.exit_code == 0
    assert "sk-secret-value" not in result.output
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line}
    assert "not set" not in lines["OPENAI_API_KEY"] and "set" in lines["OPENAI_API_KEY"]
    assert "not set" in lines["ANTHROPIC_API_KEY"]
    assert lines["OPENAI_API_KEY"].rstrip().endswith("environment")
