"""Rules backend throughput next to sumy's LexRank summary alone, same articles, same run.

    python benchmarks/rules_speed.py ../shared/corpus/bbc/*.jsonl --limit 200

Prints articles per second for the full rules brief (actors, positions, issues,
summary, grounding) one article at a time, in parse batches (``nlp.pipe``), and in
batches over ``--processes`` worker processes, next to LexRank's 3-sentence summary
alone (one core), and the ratios.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _sumy import sumy_summarizer

from briefs.backends.rules import RulesBackend
from briefs.backends.rules.batch import drafts
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    articles = load(args.paths, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    backend = RulesBackend()
    lexrank = sumy_summarizer("lexrank")
    brief_from_article(articles[0], backend)  # warm caches (lexicon, gazetteer)
    lexrank(articles[0].text)

    start = time.perf_counter()
    for a in articles:
        brief_from_article(a, backend)
    rules_s = time.perf_counter() - start

    start = time.perf_counter()
    for a in articles:
        lexrank(a.text)
    lex_s = time.perf_counter() - start

    timings = [("rules: full brief, one at a time", rules_s)]
    for procs in (1, args.processes):
        start = time.perf_counter()
        for article, draft in zip(articles, drafts(articles, procs), strict=True):
            ground(draft, article.text)
        label = f"rules: batched, {procs} process{'es' if procs > 1 else ''}"
        timings.append((label, time.perf_counter() - start))
    timings.append(("LexRank (sumy): summary only", lex_s))

    n = len(articles)
    print(f"{n} articles, {words / n:.0f} words on average")
    print(f"{'method':<36}{'seconds':>9}{'articles/s':>12}{'ms/article':>12}{'x LexRank':>11}")
    for name, secs in timings:
        print(
            f"{name:<36}{secs:>9.2f}{n / secs:>12.1f}{1000 * secs / n:>12.2f}"
            f"{lex_s / secs:>11.2f}"
        )


if __name__ == "__main__":
    main()
