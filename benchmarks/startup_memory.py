"""Cold start of `briefs --help`, and peak memory (RSS) as the number of articles grows.

    python benchmarks/startup_memory.py --articles 10000

Start-up is timed against the bare interpreter (`python -c pass`) in the same run.
Peak RSS is read from the child process (ru_maxrss) for 1,000 and N articles of a
JSONL feed through the rules backend: flat memory means the run streams.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "minister union council plan strike court ruling talks budget vote regulator "
    "company shareholders deal market prices workers government opposition"
).split()


def timed(cmd: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def peak_rss_mb(cmd: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one child run, measured in a fresh helper process."""
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        f"subprocess.run({cmd!r}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(json.dumps([time.perf_counter() - t,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    seconds, mb = json.loads(out)
    return float(seconds), float(mb)


def feed(path: Path, n: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            body = " ".join(
                f"Transport Minister Ana Ruiz{i % 50} said the {rng.choice(WORDS)} would "
                f"{rng.choice(['fail', 'pass', 'stall'])} by {2020 + i % 9}."
                for _ in range(12)
            )
            handle.write(json.dumps({"id": f"n{i:06d}", "title": f"Item {i}", "text": body}) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    briefs = [sys.executable, "-m", "briefs"]
    base = timed([sys.executable, "-c", "pass"], args.runs)
    help_s = timed([*briefs, "--help"], args.runs)
    print(
        f"cold start (median of {args.runs}): python -c pass {base * 1000:.0f} ms, "
        f"briefs --help {help_s * 1000:.0f} ms (+{(help_s - base) * 1000:.0f} ms)"
    )
    _, help_mb = peak_rss_mb([*briefs, "--help"])
    print(f"peak RSS of briefs --help: {help_mb:.0f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted({1_000, args.articles}):
            src = Path(tmp) / f"feed{n}.jsonl"
            feed(src, n)
            out = Path(tmp) / f"out{n}"
            seconds, mb = peak_rss_mb(
                [*briefs, "generate", str(src), "--out", str(out), "--no-cache", "-q", "-j", "4"]
            )
            count = len(list(out.glob("n*.json")))
            print(
                f"{n:>6} articles: {count} briefs in {seconds:.1f} s "
                f"({count / seconds:.0f}/s), peak RSS {mb:.0f} MB"
            )


if __name__ == "__main__":
    main()
