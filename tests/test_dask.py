"""The Dask executor on a real LocalCluster (two worker processes, loopback only):
the same briefs as the local executor, and the same promises (rerun, resume, a
failure alone, Ctrl-C, a worker killed mid-run)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cloudpickle
import dask_fakes
import pytest
from click.testing import CliRunner
from dask_fakes import WorkerRules, calls
from distributed import LocalCluster

from briefs.cache import BriefCache
from briefs.cli import cli
from briefs.engine import generate_batch

cloudpickle.register_pickle_by_value(dask_fakes)  # workers need not import tests/


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    ) as local:
        yield local


def untimed(path: Path) -> dict:
    """A brief or manifest as JSON, less its timing fields."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if "meta" in data:
        data["meta"].pop("duration_ms")
    if "articles" in data:
        data.pop("created")
        for entry in data["articles"]:
            entry.pop("duration_ms")
    return data


def assert_same_output(local: Path, dask: Path) -> None:
    names = sorted(p.name for p in local.iterdir())
    assert names == sorted(p.name for p in dask.iterdir())
    for name in names:
        if name.endswith(".md"):
            assert (local / name).read_bytes() == (dask / name).read_bytes(), name
        else:
            assert untimed(local / name) == untimed(dask / name), name
    for name in names:  # byte for byte once the timing fields are set equal
        if name.endswith(".json") and name != "manifest.json":
            a = (local / name).read_text().splitlines()
            b = (dask / name).read_text().splitlines()
            assert [x for x in a if "duration_ms" not in x] == [
                y for y in b if "duration_ms" not in y
            ], name


def dask_run(cluster, src: Path, out: Path, backend, **options):
    return generate_batch(
        [src],
        out,
        backend,
        executor="dask",
        scheduler=cluster.scheduler_address,
        batch_size=3,
        **options,
    )


def test_same_briefs_as_the_local_executor(cluster, articles, tmp_path):
    local = generate_batch([articles], tmp_path / "local", "rules", concurrency=2)
    dask = dask_run(cluster, articles, tmp_path / "dask", "rules")
    assert local.counts() == dask.counts()
    assert dask.ok == 27 and dask.failed == 1  # 15 seeds + 12, and the empty file
    assert [e.id for e in dask.entries] == [e.id for e in local.entries]  # input order
    assert_same_output(tmp_path / "local", tmp_path / "dask")


def test_rerun_sends_nothing_to_the_workers(cluster, articles, tmp_path):
    log = tmp_path / "calls.log"
    backend = WorkerRules(log)
    cache = BriefCache(tmp_path / "cache.sqlite")
    first = dask_run(cluster, articles, tmp_path / "out", backend, cache=cache)
    assert first.ok == 27 and len(calls(log)) == 27
    again = dask_run(cluster, articles, tmp_path / "out", backend, cache=cache)
    elsewhere = dask_run(cluster, articles, tmp_path / "out2", backend, cache=cache)
    assert len(calls(log)) == 27  # no brief made on either rerun
    assert again.resumed == 27 and elsewhere.cached == 27
    manifest = json.loads((tmp_path / "out2" / "manifest.json").read_text())
    assert manifest["complete"] is True and manifest["counts"]["cached"] == 27


def test_a_failed_article_fails_alone(cluster, articles, tmp_path):
    log = tmp_path / "calls.log"
    result = dask_run(cluster, articles, tmp_path / "out", WorkerRules(log, fail=("a004",)))
    failed = {e.id: e.error for e in result.entries if e.status == "failed"}
    assert failed == {None: "empty file", "a004": "the model refused a004"}
    assert result.ok == 26 and result.exit_code == 1
    assert not (tmp_path / "out" / "a004.json").exists()
    assert (tmp_path / "out" / "a003.json").exists() and (tmp_path / "out" / "a005.json").exists()


def test_a_worker_killed_mid_run_loses_nothing(cluster, articles, tmp_path):
    log, marker = tmp_path / "calls.log", tmp_path / "killed"
    backend = WorkerRules(log, kill="a006", marker=marker)
    result = dask_run(cluster, articles, tmp_path / "dask", backend)
    assert marker.exists()  # a worker did die on a006
    assert calls(log).count("a006") == 2  # and its batch ran again elsewhere
    assert result.ok == 27 and result.failed == 1 and not result.interrupted
    generate_batch([articles], tmp_path / "local", "rules")
    assert_same_output(tmp_path / "local", tmp_path / "dask")


def test_ctrl_c_keeps_finished_briefs_and_a_rerun_finishes(cluster, articles, tmp_path):
    log = tmp_path / "calls.log"
    seen: list[str] = []

    def interrupt_after_five(entry) -> None:
        seen.append(entry.id)
        if len(seen) == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        dask_run(
            cluster, articles, tmp_path / "out", WorkerRules(log), on_result=interrupt_after_five
        )
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["complete"] is False
    done = {e["id"] for e in manifest["articles"] if e["status"] == "ok"}
    assert len(done) >= 4  # the fifth raised in its callback, after being written
    for name in done - {None}:
        assert (tmp_path / "out" / f"{name}.json").exists()
    again = tmp_path / "rerun.log"  # batches cancelled mid-task may still log to `log`
    rerun = dask_run(cluster, articles, tmp_path / "out", WorkerRules(again))
    assert rerun.ok == 27 and rerun.resumed >= len(done)
    missing = {e.id for e in rerun.entries if e.status == "ok" and not e.resumed}
    assert sorted(calls(again)) == sorted(missing)  # only the missing ones were briefed
    assert not done & set(calls(again))


def test_cli_starts_its_own_local_cluster(articles, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            *("generate", str(articles), "--out", str(out), "--no-cache"),
            *("--executor", "dask", "--workers", "2", "-j", "2", "--quiet"),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 1, result.output  # the empty file
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["ok"] == 27 and manifest["counts"]["failed"] == 1
    generate_batch([articles], tmp_path / "local", "rules")
    assert_same_output(tmp_path / "local", out)


def test_dask_options_need_the_dask_executor(articles, tmp_path):
    runner = CliRunner()
    for flags in (["--workers", "2"], ["--scheduler", "tcp://127.0.0.1:1"]):
        result = runner.invoke(cli, ["generate", str(articles), *flags])
        assert result.exit_code == 2 and "needs --executor dask" in result.stderr
    result = runner.invoke(
        cli,
        [
            *("generate", str(articles), "--executor", "dask"),
            *("--scheduler", "tcp://127.0.0.1:1", "--workers", "2"),
        ],
    )
    assert result.exit_code == 2 and "--workers is for the local cluster" in result.stderr


def test_the_local_executor_needs_no_dask(tmp_path, seed_path):
    """Dask is an extra: the CLI and a local run never import it."""
    code = (
        "import sys, briefs.cli, briefs;"
        f"r = briefs.generate_batch([{str(seed_path)!r}], {str(tmp_path / 'o')!r});"
        "assert r.ok == 1;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
