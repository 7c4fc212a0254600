"""Polarity flips of the rules backend on the denial test set (issue #10).

    python benchmarks/polarity_flips.py                 # corpus at ../shared/corpus
    python benchmarks/polarity_flips.py --corpus PATH --backend rules -v

Briefs each case's whole article with ``briefs.generate_brief`` and, per case, finds the
positions whose evidence overlaps the case sentence: covered (some position does), actor
correct (one of them is the expected actor or one of its forms, case-insensitive, titles
off), polarity kept or flipped (``briefs.evaluate.polarity`` on that actor's stance part
against the expected polarity; judged only when the actor is right). Prints one row
per case and the totals.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from polarity_cases import default_corpus_root, load_cases, run_backend  # noqa: E402


def _mark(value: bool | None) -> str:
    return "-" if value is None else ("yes" if value else "NO")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus_root())
    parser.add_argument("--backend", default="rules")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the stances judged")
    args = parser.parse_args()
    if args.corpus is None or not args.corpus.is_dir():
        print("corpus not found: pass --corpus PATH (../shared/corpus)", file=sys.stderr)
        return 2
    cases = load_cases(args.corpus)
    results = run_backend(cases, args.backend)
    print(f"{'case':<28} {'kind':<13} {'exp':<4} {'covered':<8} {'actor':<6} {'polarity':<8}")
    for case, res in zip(cases, results, strict=True):
        verdict = "-" if res.kept is None else ("kept" if res.kept else "FLIPPED")
        print(
            f"{case.key[:28]:<28} {case.kind:<13} {case.polarity[:3]:<4} "
            f"{_mark(res.found):<8} {_mark(res.actor_correct if res.found else None):<6} "
            f"{verdict:<8} {case.actor}"
        )
        if args.verbose and res.found:
            print(f"    actors {list(res.actors)}; stance: {' | '.join(res.stances)[:300]}")
    n = len(results)
    covered = sum(r.found for r in results)
    actor_ok = sum(r.actor_correct for r in results)
    flips = [r for r in results if r.flipped]
    by_kind: Counter[str] = Counter()
    for case, res in zip(cases, results, strict=True):
        if res.flipped:
            by_kind[case.kind] += 1
    neg = sum(c.polarity == "negative" for c in cases)
    neg_flips = sum(
        r.flipped for c, r in zip(cases, results, strict=True) if c.polarity == "negative"
    )
    print(
        f"\ncases {n} ({neg} negative, {n - neg} positive controls) | covered {covered} | "
        f"actor correct {actor_ok} | flips {len(flips)} of {actor_ok} "
        f"({neg_flips} on negative cases, {len(flips) - neg_flips} on positive controls)"
    )
    if by_kind:
        print("flips by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
