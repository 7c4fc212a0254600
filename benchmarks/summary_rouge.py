"""ROUGE of the rules summary next to LEAD-3, LexRank and TextRank, in one run.

    python benchmarks/summary_rouge.py ../shared/corpus/summeval/summeval_grouped.jsonl

Reads JSONL records with ``text`` and ``references`` (a list; SummEval has 11) or
``reference_summary``. Prints ROUGE-1/2/L F (rouge-score, Porter stemming) averaged
over each article's references and taking the best one, then averaged over articles.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rouge_score import rouge_scorer

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _sumy import sumy_summarizer

from briefs.backends.rules import RulesBackend
from briefs.ingest.normalize import normalize_text
from briefs.schema import Article
from briefs.text.sentences import split_sentences

KEYS = ("rouge1", "rouge2", "rougeL")


def lead3(text: str) -> str:
    return " ".join(s.text for s in split_sentences(text)[:3])


def rules_summary() -> Callable[[str], str]:
    backend = RulesBackend()

    def summarize(text: str) -> str:
        return backend.generate(Article(id="x", text=text)).summary

    return summarize


def load(path: Path, limit: int | None) -> list[tuple[str, list[str]]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            refs = rec.get("references") or [rec.get("reference_summary") or ""]
            rows.append((normalize_text(rec["text"]), [r for r in refs if r]))
            if limit and len(rows) >= limit:
                break
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    data = load(args.path, args.limit)
    scorer = rouge_scorer.RougeScorer(list(KEYS), use_stemmer=True)
    methods: dict[str, Callable[[str], str]] = {
        "rules (briefs)": rules_summary(),
        "LEAD-3": lead3,
        "LexRank (sumy)": sumy_summarizer("lexrank"),
        "TextRank (sumy)": sumy_summarizer("textrank"),
    }
    print(f"{len(data)} articles from {args.path}; ROUGE F x100, Porter stemming")
    print(
        f"{'method':<18}"
        + "".join(f"{'avg ' + k:>13}" for k in KEYS)
        + "".join(f"{'best ' + k:>13}" for k in KEYS)
        + f"{'ms/article':>12}"
    )
    for name, fn in methods.items():
        avg = dict.fromkeys(KEYS, 0.0)
        best = dict.fromkeys(KEYS, 0.0)
        seconds = 0.0
        for text, refs in data:
            start = time.perf_counter()
            summary = fn(text)
            seconds += time.perf_counter() - start
            scores = [scorer.score(ref, summary) for ref in refs]
            for k in KEYS:
                values = [s[k].fmeasure for s in scores]
                avg[k] += sum(values) / len(values)
                best[k] += max(values)
        n = len(data)
        print(
            f"{name:<18}"
            + "".join(f"{100 * avg[k] / n:>13.2f}" for k in KEYS)
            + "".join(f"{100 * best[k] / n:>13.2f}" for k in KEYS)
            + f"{1000 * seconds / n:>12.2f}"
        )


if __name__ == "__main__":
    main()
