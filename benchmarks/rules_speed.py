"""Rules backend throughput next to sumy's LexRank summary alone, same articles, same run.

    python benchmarks/rules_speed.py ../shared/corpus/bbc/*.jsonl --limit 200 --processes 2

Prints articles per second for the full rules brief (actors, positions, issues,
summary, grounding) one article at a time, in parse batches (``nlp.pipe``), in
batches over ``--processes`` worker processes, and through the product's path,
``generate_batch`` with ``concurrency`` 1 and ``--processes`` (what ``briefs
generate -j N`` runs: reading the JSONL, batches in worker processes, two fsynced
files per brief and the manifest, no cache), next to LexRank's 3-sentence summary
alone (one core), and the ratios. LexRank is timed before each method and after the
last, and each ratio is against the mean of the two LexRank runs either side of the
method, since the machine may be shared; the load average is printed. The last row is
``rules:fast`` (no entity recogniser) through ``generate_batch``.
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
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _sumy import sumy_summarizer

from briefs import generate_batch
from briefs.backends.rules import RulesBackend
from briefs.backends.rules.batch import drafts
from briefs.backends.rules.nlp import model_name
from briefs.grounding import ground
from briefs.ingest.normalize import normalize_text
from briefs.pipeline import brief_from_article
from briefs.schema import Article


def load(paths: list[Path], limit: int | None) -> list[Article]:
    out = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                rec = json.loads(line)
                out.append(
                    Article(id=rec["id"], title=rec.get("title"), text=normalize_text(rec["text"]))
                )
                if limit and len(out) >= limit:
                    return out
    return out


def lexrank_seconds(articles: list[Article]) -> float:
    lexrank = sumy_summarizer("lexrank")
    lexrank(articles[0].text)
    start = time.perf_counter()
    for a in articles:
        lexrank(a.text)
    return time.perf_counter() - start


def engine_run(articles: list[Article], jobs: int, scratch: Path, backend: str = "rules") -> None:
    """``generate_batch`` over the articles written as one JSONL file, no cache."""
    source = scratch / "articles.jsonl"
    with source.open("w", encoding="utf-8") as sink:
        for a in articles:
            sink.write(json.dumps({"id": a.id, "title": a.title, "text": a.text}) + "\n")
    out = scratch / f"out-{backend.replace(':', '-')}-j{jobs}"
    result = generate_batch([source], out, backend, concurrency=jobs)
    assert result.ok == len(articles), result.counts()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    articles = load(args.paths, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    backend = RulesBackend()
    brief_from_article(articles[0], backend)  # warm caches (model, lexicon, gazetteer)

    def one_at_a_time() -> None:
        for a in articles:
            brief_from_article(a, backend)

    def batched(procs: int) -> None:
        for article, draft in zip(articles, drafts(articles, procs), strict=True):
            ground(draft, article.text)

    scratch = Path(tempfile.mkdtemp(prefix="briefs-speed-"))
    p = args.processes
    methods: list[tuple[str, Callable[[], object]]] = [
        ("rules: full brief, one at a time", one_at_a_time),
        ("rules: batched, 1 process", lambda: batched(1)),
        (f"rules: batched, {p} processes", lambda: batched(p)),
        ("rules: generate_batch, -j 1", lambda: engine_run(articles, 1, scratch)),
        (f"rules: generate_batch, -j {p}", lambda: engine_run(articles, p, scratch)),
        (
            f"rules:fast generate_batch, -j {p}",
            lambda: engine_run(articles, p, scratch, "rules:fast"),
        ),
    ]
    # LexRank before each method and after the last: each ratio is against the mean
    # of the LexRank runs either side of it, so a change of load weighs on both
    lex = [lexrank_seconds(articles)]
    timings = []
    for name, method in methods:
        start = time.perf_counter()
        method()
        timings.append((name, time.perf_counter() - start))
        lex.append(lexrank_seconds(articles))
    shutil.rmtree(scratch, ignore_errors=True)

    n = len(articles)
    loadavg = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{n} articles, {words / n:.0f} words on average; load average {loadavg}")
    print(f"spaCy {version('spacy')}, thinc {version('thinc')}, model {model_name()}")
    print(
        f"LexRank (sumy), summary only: {n / max(lex):.1f} to {n / min(lex):.1f} articles/s "
        f"over the run ({n * len(lex) / sum(lex):.1f} on average)"
    )
    print(f"{'method':<36}{'seconds':>9}{'articles/s':>12}{'ms/article':>12}{'x LexRank':>11}")
    for i, (name, secs) in enumerate(timings):
        ref = (lex[i] + lex[i + 1]) / 2
        print(f"{name:<36}{secs:>9.2f}{n / secs:>12.1f}{1000 * secs / n:>12.2f}{ref / secs:>11.2f}")


if __name__ == "__main__":
    main()
