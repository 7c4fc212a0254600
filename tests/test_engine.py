"""The batch engine: concurrency, cache, resume, kills and interrupts."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fault_server import FaultServer
from test_faults import reply_for

from briefs.backends.fallback import with_fallbacks
from briefs.cache import BriefCache
from briefs.engine import generate_batch
from briefs.schema import Brief

ROOT = Path(__file__).resolve().parent.parent


def make_articles(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(
            f"Plan {i} stalls\ndate 2024-01-{1 + i % 28:02d}\n\n"
            f"Transport Minister Ana Ruiz said on Monday that plan {i} would be delayed. "
            f"The union rejected the delay and warned of strikes. Talks will resume in May.\n"
        )
    return folder


def llm(url: str, **extra):
    # the timeout is generous: replies here are immediate or held on purpose, never slow
    return with_fallbacks(
        "openai-compatible:fault",
        ["rules"],
        base_url=url,
        retry_base_delay=0.05,
        timeout=60.0,
        **extra,
    )


def test_concurrency_is_bounded_and_used(tmp_path):
    """Every reply is held until 4 requests are in flight at once: -j 4 is used in full."""
    src = make_articles(tmp_path / "in", 12)
    with FaultServer(reply_for, hold_after=0) as server, ThreadPoolExecutor(1) as pool:
        run = pool.submit(generate_batch, [src], tmp_path / "out", llm(server.url), concurrency=4)
        server.wait_for_requests(4)
        assert server.in_flight == 4
        server.release()
        result = run.result(timeout=120)  # a safety bound: fires only if the run hangs
    assert result.ok == 12 and result.fell_back == 0
    assert server.max_in_flight == 4
    assert len(server.requests) == 12


def test_rerun_makes_no_model_calls(tmp_path):
    src = make_articles(tmp_path / "in", 5)
    cache = BriefCache(tmp_path / "cache.sqlite")
    with FaultServer(reply_for) as server:
        first = generate_batch([src], tmp_path / "out", llm(server.url), cache=cache)
        calls = len(server.requests)
        again = generate_batch([src], tmp_path / "out", llm(server.url), cache=cache)
        elsewhere = generate_batch([src], tmp_path / "out2", llm(server.url), cache=cache)
        assert len(server.requests) == calls == 5  # no call on either rerun
        forced = generate_batch([src], tmp_path / "out", llm(server.url), cache=cache, force=True)
        assert len(server.requests) == 10
    assert first.ok == 5 and first.cached == 0
    assert again.resumed == 5  # same out dir: already done, untouched
    assert elsewhere.cached == 5
    brief = Brief.model_validate_json((tmp_path / "out2" / "a000.json").read_text())
    assert brief.meta.cached is True and brief.meta.backend == "openai-compatible"
    assert forced.cached == 0 and forced.resumed == 0


def test_changed_text_or_backend_misses_the_cache(tmp_path):
    src = make_articles(tmp_path / "in", 2)
    cache = BriefCache(tmp_path / "c.sqlite")
    generate_batch([src], tmp_path / "o1", "rules", cache=cache)
    (src / "a000.txt").write_text("Changed\n\nThe minister said something else entirely.")
    result = generate_batch([src], tmp_path / "o2", "rules", cache=cache)
    assert result.cached == 1  # only the unchanged article
    with FaultServer(reply_for) as server:
        other = generate_batch([src], tmp_path / "o3", llm(server.url), cache=cache)
    assert other.cached == 0 and len(server.requests) == 2


def test_changed_rules_miss_the_cache(tmp_path, monkeypatch):
    # a cached rules brief is only served to the same rules (code and data)
    from briefs.backends import rules

    rules_copy = tmp_path / "rules"
    shutil.copytree(
        Path(rules.__file__).parent, rules_copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    before = rules.fingerprint(rules_copy)
    assert before == rules.fingerprint(Path(rules.__file__).parent)
    (rules_copy / "issues.py").write_text((rules_copy / "issues.py").read_text() + "\n# edit\n")
    rules.fingerprint.cache_clear()
    assert rules.fingerprint(rules_copy) != before

    src = make_articles(tmp_path / "in", 2)
    cache = BriefCache(tmp_path / "c.sqlite")
    generate_batch([src], tmp_path / "o1", "rules", cache=cache)
    assert generate_batch([src], tmp_path / "o2", "rules", cache=cache).cached == 2
    monkeypatch.setattr(rules, "fingerprint", lambda: "other-rules")
    assert generate_batch([src], tmp_path / "o3", "rules", cache=cache).cached == 0


def test_resume_finishes_only_what_is_missing(tmp_path):
    src = make_articles(tmp_path / "in", 6)
    out = tmp_path / "out"
    with FaultServer(reply_for) as server:
        generate_batch([src], out, llm(server.url))
        (out / "a002.json").unlink()
        (out / "a004.md").unlink()
        result = generate_batch([src], out, llm(server.url))
        assert len(server.requests) == 8  # 6, then only the 2 incomplete ones
    assert result.resumed == 4 and result.ok == 6


def test_fallback_briefs_are_retried_next_run(tmp_path):
    src = make_articles(tmp_path / "in", 2)
    cache = BriefCache(tmp_path / "c.sqlite")
    with FaultServer(reply_for, ["refusal"] * 4) as server:
        first = generate_batch(
            [src], tmp_path / "out", llm(server.url, max_attempts=2), cache=cache
        )
        assert first.fell_back == 2
        second = generate_batch(
            [src], tmp_path / "out2", llm(server.url, max_attempts=2), cache=cache
        )
    assert second.fell_back == 0 and second.cached == 0  # the model got its second chance


def test_two_runs_share_one_cache(tmp_path):
    """Two processes at once on one SQLite cache: both finish, the cache holds each once."""
    src = make_articles(tmp_path / "in", 40)
    path = tmp_path / "shared.sqlite"
    procs = [
        _cli(
            [
                "generate",
                str(src),
                "--out",
                str(tmp_path / f"out{i}"),
                "--cache",
                str(path),
                "-j",
                "4",
                "-q",
            ]
        )
        for i in range(2)
    ]
    for proc in procs:
        _, stderr = proc.communicate(timeout=120)  # a safety bound, fires only on a hang
        assert proc.returncode == 0, stderr
    for i in range(2):
        assert len(list((tmp_path / f"out{i}").glob("a*.json"))) == 40
    assert len(BriefCache(path)) == 40


def _fault_run(src: Path, out: Path, url: str, *extra: str) -> list[str]:
    """`briefs generate` arguments for a run against the fault server, two at a time."""
    return [
        "generate",
        str(src),
        "--out",
        str(out),
        "--backend",
        "openai-compatible:fault",
        "--base-url",
        url,
        "-j",
        "2",
        "--no-cache",
        *extra,
    ]


def _cli(args: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # A shell script that starts pytest in the background makes it ignore SIGINT, and
    # an ignored signal stays ignored in children: the run would never see our Ctrl-C.
    # A handled signal is reset to the default on exec, so handle it while starting.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "briefs", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)


def _check_outputs(out: Path) -> set[str]:
    done = set()
    for path in out.glob("*.json"):
        if path.name == "manifest.json":
            json.loads(path.read_text())  # never corrupt
            continue
        brief = Brief.model_validate_json(path.read_text())  # never corrupt
        done.add(brief.id)
    return done


def test_sigkill_then_rerun_finishes_only_the_rest(tmp_path):
    """6 replies answered, the next 2 held; SIGKILL; exactly those 6 are on disk.

    With -j 2, when the 8th request arrives both workers wait on held replies, so
    the 6 answered articles have released their slots, which they do only after
    writing their brief: the outcome does not depend on the machine's speed.
    """
    src = make_articles(tmp_path / "in", 30)
    out = tmp_path / "out"
    with FaultServer(reply_for, hold_after=6) as server:
        args = _fault_run(src, out, server.url, "-q")
        proc = _cli(args)
        server.wait_for_requests(8)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)  # a safety bound: SIGKILL cannot be ignored
        server.release()
        done = _check_outputs(out) - {"manifest"}
        done = {d for d in done if (out / f"{d}.md").exists()}
        assert len(done) == 6
        before = len(server.requests)
        rerun = subprocess.run(
            [sys.executable, "-m", "briefs", *args], capture_output=True, text=True, timeout=120
        )
        assert rerun.returncode == 0, rerun.stderr
        assert len(server.requests) - before == 30 - 6
    assert len(_check_outputs(out)) == 30
    assert not list(out.glob(".*.tmp"))
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["complete"] is True and manifest["counts"]["ok"] == 30
    assert manifest["counts"]["resumed"] == 6


def test_ctrl_c_stops_cleanly_and_keeps_finished_briefs(tmp_path):
    """4 replies answered, the next 2 held until the run has said it was interrupted."""
    src = make_articles(tmp_path / "in", 30)
    out = tmp_path / "out"
    with FaultServer(reply_for, hold_after=4) as server:
        proc = _cli(_fault_run(src, out, server.url))
        server.wait_for_requests(6)
        proc.send_signal(signal.SIGINT)
        assert proc.stderr is not None
        lines = []
        for line in proc.stderr:  # blocks until the run reports the interrupt
            lines.append(line)
            if line.startswith("interrupted"):
                break
        manifest = json.loads((out / "manifest.json").read_text())  # written before that line
        server.release()  # the 2 held calls may now finish; the run exits after them
        proc.communicate(timeout=60)  # a safety bound, only hit on a hang
    stderr = "".join(lines)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr
    assert manifest["complete"] is False
    assert manifest["counts"]["ok"] == 4
    assert 4 <= len(_check_outputs(out) - {"manifest"}) <= 6
    assert len(server.requests) == 6


def test_exit_code_tells_the_truth_without_fallback(tmp_path):
    src = make_articles(tmp_path / "in", 3)
    with FaultServer(reply_for, ["refusal"] * 2 + ["valid"] * 4) as server:
        backend = with_fallbacks(
            "openai-compatible:fault", None, base_url=server.url, max_attempts=2
        )
        result = generate_batch([src], tmp_path / "out", backend)
    assert (result.ok, result.failed, result.exit_code) == (2, 1, 1)
    failed = next(e for e in result.entries if e.status == "failed")
    assert "no valid brief after 2 attempt(s)" in failed.error


@pytest.mark.parametrize("concurrency", [1, 8])
def test_order_of_the_manifest_is_the_input_order(tmp_path, concurrency):
    src = make_articles(tmp_path / "in", 10)
    result = generate_batch([src], tmp_path / "out", "rules", concurrency=concurrency)
    manifest = json.loads(result.manifest_path.read_text())
    assert [e["id"] for e in manifest["articles"]] == [f"a{i:03d}" for i in range(10)]


def test_a_cache_hit_keeps_the_articles_own_id_and_title(tmp_path):
    """The cache key is the text: the same text under another name is still its own brief."""
    cache = BriefCache(tmp_path / "c.sqlite")
    text = "The minister said on Monday that the bridge would reopen in May."
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "first.txt").write_text("First title\n\n" + text)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "second.txt").write_text("Second title\n\n" + text)
    generate_batch([tmp_path / "a"], tmp_path / "o1", "rules", cache=cache)
    result = generate_batch([tmp_path / "b"], tmp_path / "o2", "rules", cache=cache)
    assert result.cached == 1
    brief = Brief.model_validate_json((tmp_path / "o2" / "second.json").read_text())
    assert (brief.id, brief.title, brief.meta.cached) == ("second", "Second title", True)
