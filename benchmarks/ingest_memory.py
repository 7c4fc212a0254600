"""Peak memory of reading inputs that are far over --max-bytes, bounded reader vs. naive.

    python benchmarks/ingest_memory.py --line-mb 1024 --naive-mb 256

Builds sparse files (no disk used): a JSONL file whose second line is ``--line-mb``
MB long, and a named pipe fed by an endless writer. Each is read in a fresh child
process through ``briefs.ingest.iter_articles`` (default --max-bytes, 2 MB); the
peer, in the same run, is the naive line iteration the reader used before
(``for line in file``) on a ``--naive-mb`` MB line. Peak RSS is the child's ru_maxrss.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

PROBE = """
import resource, sys, time
from pathlib import Path
start = time.perf_counter()
mode, path = sys.argv[1], Path(sys.argv[2])
if mode == "briefs":
    from briefs.ingest import iter_articles
    items = [type(i).__name__ for i in iter_articles([path])]
else:
    with path.open("rb") as handle:
        items = [len(line) for line in handle]
took = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{took:.2f} {rss:.1f} {items}")
"""


def sparse_jsonl(path: Path, line_mb: int) -> None:
    record = json.dumps({"text": "The minister said the plan would fail."}).encode()
    with path.open("wb") as handle:
        handle.write(record + b"\n" + b'{"text": "')
        handle.seek(line_mb * 1024 * 1024, 1)
        handle.write(b'"}\n' + record + b"\n")


def probe(mode: str, path: Path) -> tuple[float, float, str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout.split(" ", 2)
    return float(out[0]), float(out[1]), out[2].strip()


def endless_pipe(path: Path) -> tuple[int, threading.Thread]:
    os.mkfifo(path)
    keep = os.open(path, os.O_RDONLY | os.O_NONBLOCK)

    def writer() -> None:
        fd = os.open(path, os.O_WRONLY)
        try:
            while True:
                os.write(fd, b"x" * 4000)
        except BrokenPipeError:
            pass
        finally:
            os.close(fd)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    return keep, thread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--line-mb", type=int, default=1024)
    parser.add_argument("--naive-mb", type=int, default=256)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big.jsonl", Path(tmp) / "small.jsonl"
        sparse_jsonl(big, args.line_mb)
        sparse_jsonl(small, args.naive_mb)
        huge = Path(tmp) / "huge.txt"
        with huge.open("wb") as handle:
            handle.truncate(10 * 1024**3)
        keep, thread = endless_pipe(Path(tmp) / "pipe.txt")
        rows = [
            (f"briefs, JSONL with a {args.line_mb:,} MB line", probe("briefs", big)),
            ("briefs, 10 GB sparse .txt", probe("briefs", huge)),
            ("briefs, pipe with an endless writer", probe("briefs", Path(tmp) / "pipe.txt")),
            (f"naive `for line in file`, {args.naive_mb:,} MB line", probe("naive", small)),
        ]
        os.close(keep)
        thread.join(60)
    for name, (took, rss, items) in rows:
        print(f"{name:48} {took:7.2f} s  peak RSS {rss:7.1f} MB  {items[:80]}")


if __name__ == "__main__":
    main()
