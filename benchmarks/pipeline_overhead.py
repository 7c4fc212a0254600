"""Pipeline overhead: N articles through a loopback fake model server with fixed latency.

    python benchmarks/pipeline_overhead.py --articles 500 --latency 0.2 --concurrency 16

The ideal wall time is N x latency / concurrency (the server answering instantly
after its latency, zero client cost). The difference is briefs' own overhead:
prompt rendering, token counting, HTTP client, validation, grounding, writing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fault_server import FaultServer  # noqa: E402  (the tests' loopback server)
from test_faults import reply_for  # noqa: E402

from briefs.backends.fallback import with_fallbacks  # noqa: E402
from briefs.engine import generate_batch  # noqa: E402


def serve(latency: float, urls: multiprocessing.Queue, stop: multiprocessing.Event) -> None:
    """The fake server in its own process, so it does not share briefs' interpreter."""
    with FaultServer(reply_for, latency=latency, lifetime=3600) as server:
        urls.put(server.url)
        stop.wait(3600)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for i in range(args.articles):
            (src / f"a{i:05d}.txt").write_text(
                f"Plan {i} stalls\ndate 2024-01-01\n\nTransport Minister Ana Ruiz said on "
                f"Monday that plan {i} would be delayed. The union rejected the delay and "
                "warned of strikes. Talks will resume in May.\n"
            )
        urls: multiprocessing.Queue = multiprocessing.Queue()
        stop = multiprocessing.Event()
        proc = multiprocessing.Process(target=serve, args=(args.latency, urls, stop), daemon=True)
        proc.start()
        try:
            url = urls.get(timeout=30)
            backend = with_fallbacks("openai-compatible:bench", None, base_url=url)
            start = time.perf_counter()
            result = generate_batch([src], Path(tmp) / "out", backend, concurrency=args.concurrency)
            wall = time.perf_counter() - start
        finally:
            stop.set()
            proc.join(timeout=10)
        ideal = args.articles * args.latency / args.concurrency
        print(
            f"{args.articles} articles, {args.latency * 1000:.0f} ms server latency, "
            f"concurrency {args.concurrency}: {result.ok} ok, {result.failed} failed"
        )
        print(
            f"ideal {ideal:.2f} s   measured {wall:.2f} s   overhead {wall - ideal:.2f} s "
            f"({100 * (wall - ideal) / ideal:.0f}%), {1000 * (wall - ideal) / args.articles:.1f} "
            f"ms per article"
        )


if __name__ == "__main__":
    main()
