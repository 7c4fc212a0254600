"""The rules backend (CPU-bound) under ``-j N``: N worker processes with batched
parsing, and every promise of the engine kept (same briefs, cache, resume, one
failure alone, a dead worker, Ctrl-C, eval)."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest
from dask_fakes import WorkerRules, calls

from briefs.cache import BriefCache
from briefs.engine import agenerate_batch, generate_batch
from briefs.eval_run import generate_and_evaluate
from briefs.evaluate import load_briefs

ROOT = Path(__file__).resolve().parent.parent


def untimed_lines(path: Path) -> list[str]:
    """A file's lines less those with a timing field (and the manifest's date)."""
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if "duration_ms" not in line and '"created"' not in line
    ]


def assert_same_output(a: Path, b: Path) -> None:
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    assert len(names) > 20
    for name in names:
        if name.endswith(".md"):
            assert (a / name).read_bytes() == (b / name).read_bytes(), name
        else:
            assert untimed_lines(a / name) == untimed_lines(b / name), name


def test_j2_gives_the_same_briefs_as_one_article_at_a_time(articles, tmp_path):
    """Batched parses in 2 processes, batched in 1 thread, and the threaded engine's
    one-article-per-call path: byte for byte the same files, timing fields aside."""
    single = asyncio.run(agenerate_batch([articles], tmp_path / "single", "rules"))
    one = generate_batch([articles], tmp_path / "j1", "rules", concurrency=1)
    two = generate_batch([articles], tmp_path / "j2", "rules", concurrency=2)
    assert two.ok == 27 and two.failed == 1  # 15 seeds + 12, and the empty file
    assert one.counts() == two.counts() == single.counts()
    assert [e.id for e in two.entries] == [e.id for e in single.entries]  # input order
    assert_same_output(tmp_path / "single", tmp_path / "j1")
    assert_same_output(tmp_path / "single", tmp_path / "j2")


def test_j2_runs_in_worker_processes_and_a_failure_stays_alone(articles, tmp_path):
    log = tmp_path / "calls.log"
    backend = WorkerRules(log, fail=("a004",))
    result = generate_batch([articles], tmp_path / "out", backend, concurrency=2)
    failed = {e.id: e.error for e in result.entries if e.status == "failed"}
    assert failed == {None: "empty file", "a004": "the model refused a004"}
    assert result.ok == 26 and result.exit_code == 1
    assert not (tmp_path / "out" / "a004.json").exists()
    assert (tmp_path / "out" / "a003.json").exists() and (tmp_path / "out" / "a005.json").exists()
    pids = {line.split()[1] for line in log.read_text().splitlines()}
    assert str(os.getpid()) not in pids  # made in worker processes, not here
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["complete"] is True and manifest["counts"]["failed"] == 2


def test_a_dead_worker_fails_its_batches_and_the_rest_completes(articles, tmp_path):
    log, marker = tmp_path / "calls.log", tmp_path / "killed"
    backend = WorkerRules(log, kill="a006", marker=marker)
    first = generate_batch([articles], tmp_path / "out", backend, concurrency=2, batch_size=3)
    assert marker.exists()  # a worker did die on a006
    lost = [e for e in first.entries if e.status == "failed" and e.id is not None]
    assert "a006" in {e.id for e in lost}
    assert all(e.error and e.error.startswith("worker process: BrokenProcessPool") for e in lost)
    assert first.ok == 27 - len(lost) and first.ok > 0
    again = generate_batch([articles], tmp_path / "out", backend, concurrency=2)
    assert again.ok == 27 and again.resumed == first.ok  # the rest, made on the rerun


def test_rerun_makes_nothing_and_the_cache_serves_another_folder(articles, tmp_path):
    log = tmp_path / "calls.log"
    backend = WorkerRules(log)
    cache = BriefCache(tmp_path / "cache.sqlite")
    first = generate_batch([articles], tmp_path / "out", backend, concurrency=2, cache=cache)
    assert first.ok == 27 and len(calls(log)) == 27
    again = generate_batch([articles], tmp_path / "out", backend, concurrency=2, cache=cache)
    elsewhere = generate_batch([articles], tmp_path / "o2", backend, concurrency=2, cache=cache)
    assert len(calls(log)) == 27  # no brief made on either rerun
    assert again.resumed == 27 and elsewhere.cached == 27


def test_ctrl_c_keeps_finished_briefs_and_a_rerun_finishes(articles, tmp_path):
    seen: list[str | None] = []

    def interrupt_after_five(entry) -> None:
        seen.append(entry.id)
        if len(seen) == 5:
            raise KeyboardInterrupt

    log = tmp_path / "calls.log"
    with pytest.raises(KeyboardInterrupt):
        generate_batch(
            [articles],
            tmp_path / "out",
            WorkerRules(log),
            concurrency=2,
            batch_size=2,
            on_result=interrupt_after_five,
        )
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["complete"] is False
    done = {e["id"] for e in manifest["articles"] if e["status"] == "ok"}
    assert 4 <= len(done) < 27
    for name in done:
        assert (tmp_path / "out" / f"{name}.json").exists()
    again = tmp_path / "rerun.log"
    rerun = generate_batch([articles], tmp_path / "out", WorkerRules(again), concurrency=2)
    assert rerun.ok == 27 and rerun.resumed >= len(done)
    assert not done & set(calls(again))  # only the missing ones were briefed


def test_eval_scores_the_same_under_j2(seeds_dir):
    references = load_briefs(ROOT / "evals/references")
    one, errors_one = generate_and_evaluate([seeds_dir], references, "rules", concurrency=1)
    two, errors_two = generate_and_evaluate([seeds_dir], references, "rules", concurrency=2)
    assert errors_one == errors_two == []
    assert len(one.articles) == len(references) > 0
    assert one.articles == two.articles and one.means == two.means
