"""Pipes: `-` reads one article from stdin; --stdout writes the briefs as JSON Lines."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from briefs.cli import cli
from briefs.errors import InputTooLarge
from briefs.ingest.stdin import read_stdin
from briefs.schema import Article, Brief

ARTICLE = (
    "Port strike looms\ndate 2024-05-14\n\n"
    "Transport Minister Ana Ruiz said on Monday that the port plan would be delayed. "
    "The dockers' union rejected the delay and warned of strikes. Talks resume in May.\n"
)


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def lines(stdout: str) -> list[Brief]:
    return [Brief.model_validate_json(line) for line in stdout.splitlines()]


def test_dash_reads_one_article_from_stdin(tmp_path):
    result = run("generate", "-", "--out", str(tmp_path / "out"), "--no-cache", input=ARTICLE)
    assert result.exit_code == 0, result.output
    brief = Brief.model_validate_json((tmp_path / "out" / "stdin.json").read_text())
    assert brief.id == "stdin" and brief.title == "Port strike looms"
    assert brief.date == "2024-05-14" and brief.actors
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["articles"][0]["source"] == "<stdin>"


def test_stdout_is_json_lines_and_nothing_else(tmp_path, monkeypatch, seed_path):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "b.txt").write_text(ARTICLE)
    (src / "bad.txt").write_text("")
    result = run("generate", str(src), "--stdout", "--no-cache")
    assert result.exit_code == 1  # bad.txt failed; the rest is still written
    briefs = lines(result.stdout)
    assert sorted(b.id for b in briefs) == ["a", "b"]
    assert "bad.txt" in result.stderr and "2 ok, 1 failed" in result.stderr
    assert "-> stdout" in result.stderr
    assert list(tmp_path.iterdir()) == [src]  # no briefs-out/ left behind


def test_stdout_with_out_writes_both(tmp_path):
    out = tmp_path / "out"
    result = run("generate", "-", "--stdout", "--out", str(out), "--no-cache", input=ARTICLE)
    assert result.exit_code == 0, result.output
    (brief,) = lines(result.stdout)
    on_disk = Brief.model_validate_json((out / "stdin.json").read_text())
    assert brief == on_disk


def test_stdin_json_and_html_are_recognised(tmp_path):
    record = json.dumps({"id": "wire-7", "title": "Wire", "text": ARTICLE.split("\n\n", 1)[1]})
    result = run("generate", "-", "--stdout", "--no-cache", input=record)
    assert result.exit_code == 0, result.output
    (brief,) = lines(result.stdout)
    assert brief.id == "wire-7" and brief.title == "Wire"

    body = ARTICLE.split("\n\n", 1)[1]
    page = (
        "<!doctype html><html><head><title>Port strike looms</title>"
        "<script>var tracking = 1;</script></head><body><nav>Home | World</nav>"
        f"<article><h1>Port strike looms</h1><p>{body}</p></article></body></html>"
    )
    result = run("generate", "-", "--stdout", "--no-cache", input=page)
    assert result.exit_code == 0, result.output
    (brief,) = lines(result.stdout)
    assert brief.id == "stdin" and "tracking" not in brief.summary
    assert "Ana Ruiz" in brief.summary or any("Ruiz" in a.name for a in brief.actors)


def test_stdin_read_is_bounded():
    class Endless(io.RawIOBase):
        asked: list[int] = []  # noqa: RUF012

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            assert size >= 0, "an unbounded read of stdin"
            self.asked.append(size)
            return b"a" * size

    stream = Endless()
    (item,) = list(read_stdin(1000, stream))  # type: ignore[arg-type]
    assert isinstance(item, InputTooLarge) and "1,000-byte limit" in str(item)
    assert stream.asked == [1001]


def test_stdin_errors_are_one_line_and_exit_1(tmp_path):
    result = run("generate", "-", "--max-bytes", "100", "--stdout", "--no-cache", input=ARTICLE)
    assert result.exit_code == 1 and result.stdout == ""
    assert "error: <stdin>: input is over the 100-byte limit" in result.stderr
    result = run("generate", "-", "--stdout", "--no-cache", input="")
    assert result.exit_code == 1 and "error: <stdin>: empty" in result.stderr


def test_stdin_mixes_with_files(tmp_path, seed_path):
    (item,) = list(read_stdin(10_000, io.BytesIO(ARTICLE.encode())))
    assert isinstance(item, Article) and item.id == "stdin"
    result = run(
        "generate", str(seed_path), "-", "--stdout", "--no-cache", "-j", "1", input=ARTICLE
    )
    assert result.exit_code == 0, result.output
    assert [b.id for b in lines(result.stdout)] == [seed_path.stem, "stdin"]


def test_a_real_pipe(tmp_path):
    """`cat article | briefs generate - --stdout | jq` as a shell runs it."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "briefs", "generate", "-", "--stdout", "--no-cache"],
        input=ARTICLE.encode(),
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    (line,) = proc.stdout.decode().splitlines()
    assert json.loads(line)["id"] == "stdin"
    assert b"1 ok, 0 failed" in proc.stderr
    assert not (Path(tmp_path) / "briefs-out").exists()


def test_a_closed_pipe_stops_the_run_quietly(tmp_path, seed_path):
    """`briefs generate ... --stdout | head -1`: exit 141 (as a shell shows SIGPIPE), no
    traceback, and the run stops as after Ctrl-C instead of briefing the rest."""
    src = tmp_path / "in"
    src.mkdir()
    text = seed_path.read_text(encoding="utf-8")
    for i in range(60):  # far more JSON than a pipe buffers (64 KiB): the writer must block
        (src / f"s{i:02d}.txt").write_text(f"{text}\n\nEdition {i}.\n", encoding="utf-8")
    command = [sys.executable, "-m", "briefs", "generate", str(src), "--stdout", "-j", "1"]
    proc = subprocess.Popen(
        [*command, "--no-cache", "--out", str(tmp_path / "out")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader goes away after one brief
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141, err
    assert json.loads(first)["id"] == "s00" and "Traceback" not in err
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["complete"] is False and manifest["counts"]["ok"] < 60
