"""The bad-input corpus (tests/data/bad/, plus the large and special files made here).

Each bad input gets one error line naming it; every good one is written; exit 1;
no output escapes --out.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefs.cli import cli
from briefs.schema import Brief

BAD = Path(__file__).resolve().parent / "data" / "bad"

# file (or record) -> expected: "ok" or a word the error must contain
EXPECTED = {
    "empty.txt": "empty",
    "whitespace.txt": "whitespace",
    "binary.txt": "binary",
    "invalid-utf8.txt": "not valid UTF-8",
    "utf16-bom.txt": "ok",
    "script-only.html": "no article text",
    "feed.jsonl:2": "invalid JSON",
    "notes.pdf": "unsupported file type",
    "file with spaces.txt": "ok",
    "ünïcödé-名前.txt": "ok",
    "report..v2.txt": "ok",
    "huge.txt": "limit",
    "long-line.txt": "ok",
    "unreadable.txt": "cannot read",
    "loop": "symlink loop",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    shutil.copytree(BAD, root / "bad")
    bad = root / "bad"
    (bad / "huge.txt").write_text("Title\n\n" + "The minister said the plan would fail. " * 260_000)
    (bad / "long-line.txt").write_text("Long line\n\n" + "word " * 210_000)  # 1 MB, no stop
    (bad / "unreadable.txt").symlink_to(bad / "missing-target.txt")  # dangling
    (bad / "loop").symlink_to(bad)
    return bad


@pytest.fixture(scope="module")
def run(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(cli, ["generate", str(corpus), "--out", str(out), "--no-cache"])
    return result, out


def test_exit_code_is_one(run):
    assert run[0].exit_code == 1


def test_each_bad_input_has_one_error_line_naming_it(run):
    errors = [line for line in run[0].stderr.splitlines() if line.startswith("error: ")]
    for name, expected in EXPECTED.items():
        if expected == "ok":
            assert not [e for e in errors if f"/{name}:" in e], (name, errors)
            continue
        lines = [e for e in errors if f"/{name}" in e]
        assert len(lines) >= 1, (name, errors)
        assert expected in lines[0], (name, lines)
    dup = [e for e in errors if "duplicate id" in e]
    assert len(dup) == 1 and "same.txt" in dup[0]


def test_every_good_input_is_written(run):
    out = run[1]
    written = {p.stem for p in out.glob("*.json")} - {"manifest"}
    for stem in ("utf16-bom", "file_with_spaces", "report..v2", "long-line", "feed-good-1", "same"):
        assert stem in written, (stem, sorted(written))
    assert any(s.endswith("-") or "nic" in s for s in written)  # the unicode name, made safe
    brief = Brief.model_validate_json((out / "utf16-bom.json").read_text())
    assert "council" in brief.summary.lower()


def test_no_output_escapes_out(run, corpus):
    out = run[1]
    names = {p.name for p in out.iterdir()}
    assert "escape.json" in names and "etc_passwd.json" in names
    assert not (out.parent / "escape.json").exists()
    assert all(Path(out / n).resolve().parent == out.resolve() for n in names)


def test_manifest_lists_every_input(run):
    manifest = json.loads((run[1] / "manifest.json").read_text())
    failed = [e for e in manifest["articles"] if e["status"] == "failed"]
    assert {Path(e["source"].split(":")[0]).name for e in failed} >= {
        "empty.txt",
        "binary.txt",
        "notes.pdf",
        "huge.txt",
        "feed.jsonl",
    }
    assert manifest["counts"]["failed"] == len(failed)
