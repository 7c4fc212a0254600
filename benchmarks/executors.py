"""Executors side by side: local -j 1, -j 2, -j 4 and Dask with 2 workers, one run.

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
from briefs.schema import Brief


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


def client_ms(paths: list[Path], scratch: Path, n: int = 300) -> float:
    """What the Dask client does per article, in one thread: the cache key, parsing the
    brief JSON a worker sent back, writing its .json and .md (fsync each) and the
    manifest entry. The ceiling of one client is about 1000 / this articles/s per
    writing thread, whatever the cluster."""
    from briefs.backends.rules import RulesBackend
    from briefs.ingest import iter_articles
    from briefs.manifest import ManifestEntry
    from briefs.pipeline import brief_from_article
    from briefs.runs import Run
    from briefs.schema import Article

    backend = RulesBackend()
    articles = [a for a in iter_articles(paths) if isinstance(a, Article)][:n]
    payloads = [brief_from_article(a, backend).model_dump_json() for a in articles]
    out = scratch / "client"
    out.mkdir()
    run = Run(backend, out, None, False, False)
    start = time.perf_counter()
    for article, payload in zip(articles, payloads, strict=True):
        entry = ManifestEntry(article.id, article.source or "", "ok")
        run.reuse(article, entry)  # the cache key and the resume check
        run.keep(article, Brief.model_validate_json(payload), entry)
    return (time.perf_counter() - start) * 1000 / len(articles)


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
        "local -j 4": lambda out: generate_batch(paths, out, "rules", concurrency=4),
        "dask, 2 workers": lambda out: generate_batch(paths, out, "rules", **dask),
    }
    seconds = {name: timed(run, scratch, args.repeat) for name, run in runs.items()}
    cluster.close()
    per_article = client_ms(paths, scratch)
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
    print(
        f"client work per article, one thread (key, parse, 2 fsynced writes): "
        f"{per_article:.2f} ms, a ceiling of {1000 / per_article:.0f} articles/s per writer"
    )
    data = {"articles": n, "seconds": seconds, "startup_s": startup, "client_ms": per_article}
    json.dump(data, sys.stderr)
    print(file=sys.stderr)


if __name__ == "__main__":
    main()
