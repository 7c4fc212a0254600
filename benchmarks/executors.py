"""Executors side by side: local -j 1, local -j 2 and Dask with 2 workers, one run.

    python benchmarks/executors.py ../shared/corpus/bbc/ [--repeat 3] [--limit N]

Every configuration briefs the same articles with the rules backend, no cache,
into a fresh folder (briefs, Markdown and manifest written as usual), through the
public ``generate_batch``. Each is warmed up first (the rules' lexicon loaded in
this process, and on every Dask worker), and the best of ``--repeat`` runs is kept.
The Dask cluster (2 worker processes, 1 thread each, on this machine) is started
once, outside the timing; its start-up time is printed on its own. Prints articles
per second and the speed-up over local -j 1, and the load average, because the
machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefs import generate_batch


def count(paths: list[Path]) -> int:
    n = 0
    for path in paths:
        files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            with file.open("rb") as handle:
                n += sum(1 for line in handle if line.strip())
    return n


def subset(paths: list[Path], limit: int, folder: Path) -> list[Path]:
    """The first ``limit`` records of the inputs, as one JSONL file (read at run time)."""
    out = folder / "subset.jsonl"
    kept = 0
    with out.open("w", encoding="utf-8") as sink:
        for path in paths:
            for file in sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]:
                for line in file.open(encoding="utf-8"):
                    if kept < limit and line.strip():
                        sink.write(line)
                        kept += 1
    return [out]


def timed(run: Callable[[Path], Any], scratch: Path, repeat: int) -> float:
    best = float("inf")
    for i in range(repeat):
        out = scratch / f"out-{i}"
        start = time.perf_counter()
        result = run(out)
        best = min(best, time.perf_counter() - start)
        assert result.failed == 0, result.counts()
        shutil.rmtree(out)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args()

    from distributed import LocalCluster

    scratch = Path(tempfile.mkdtemp(prefix="briefs-bench-"))
    paths = subset(args.paths, args.limit, scratch) if args.limit else args.paths
    n = count(paths)
    (scratch / "warm").mkdir()
    warm = subset(paths, 4, scratch / "warm")

    generate_batch(warm, scratch / "warm-out", "rules")  # lexicon loaded in this process
    start = time.perf_counter()
    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    )
    startup = time.perf_counter() - start
    address = cluster.scheduler_address
    dask: dict[str, Any] = {
        "executor": "dask",
        "scheduler": address,
        "batch_size": args.batch_size,
    }
    generate_batch(warm, scratch / "warm-dask", "rules", **dask)  # and on each worker

    runs: dict[str, Callable[[Path], Any]] = {
        "local -j 1": lambda out: generate_batch(paths, out, "rules", concurrency=1),
        "local -j 2": lambda out: generate_batch(paths, out, "rules", concurrency=2),
        "dask, 2 workers": lambda out: generate_batch(paths, out, "rules", **dask),
    }
    seconds = {name: timed(run, scratch, args.repeat) for name, run in runs.items()}
    cluster.close()
    shutil.rmtree(scratch, ignore_errors=True)

    base = seconds["local -j 1"]
    print(
        f"{n} articles, rules backend, no cache, best of {args.repeat}; "
        f"{os.cpu_count()} CPUs, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(f"{'executor':<18} {'seconds':>8} {'articles/s':>11} {'speed-up':>9}")
    for name, s in seconds.items():
        print(f"{name:<18} {s:>8.2f} {n / s:>11.1f} {base / s:>8.2f}x")
    print(
        f"(dask local cluster start-up, not in the times above: {startup:.2f} s; "
        f"batch size {args.batch_size})"
    )
    json.dump({"articles": n, "seconds": seconds, "startup_s": startup}, sys.stderr)
    print(file=sys.stderr)


if __name__ == "__main__":
    main()
