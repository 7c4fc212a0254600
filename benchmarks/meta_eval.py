"""Meta-evaluation: how well each summary metric agrees with SummEval's experts.

    python benchmarks/meta_eval.py [../shared/corpus/summeval/summeval_grouped.jsonl]

SummEval has 100 CNN/DailyMail articles, each with 16 system summaries rated 1-5 by
three experts (``scores`` is their mean) and 11 reference summaries. For each metric
and each article this takes Kendall's tau-b and Spearman's rho (scipy.stats) between
the metric's scores of the 16 summaries and the mean expert rating, then averages
over the articles: the "summary-level" correlation of SummEval and G-Eval. Articles
where the metric or the rating is constant over the 16 summaries have no correlation
and are skipped (the count is printed).

The summary metric's weights were tuned on the articles with an even
``summeval_index`` ("tune"); the odd ones ("held-out") were not looked at while
tuning. Every metric is reported on both halves and on all 100 articles.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from rouge_score import rouge_scorer
from scipy.stats import kendalltau, spearmanr

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefs.evaluate.metrics import summary_scores
from briefs.evaluate.summary_metric import summary_components, summary_score

DEFAULT = (
    Path(__file__).resolve().parent.parent.parent / "shared/corpus/summeval/summeval_grouped.jsonl"
)
DIMENSIONS = ("relevance", "consistency", "coherence", "fluency")
SPLITS = ("tune", "held-out", "all")

# (summary, references, article) -> score
Metric = Callable[[str, list[str], str], float]


@dataclass(frozen=True)
class Correlation:
    tau: float
    rho: float
    used: int  # articles with a defined correlation
    skipped: int  # articles where the metric or the rating is constant
    per_article: tuple[float | None, ...] = ()  # each article's tau (None: skipped)


def summary_level(
    metric: Sequence[Sequence[float]], human: Sequence[Sequence[float]]
) -> Correlation:
    """Kendall tau-b and Spearman rho within each article, averaged over articles."""
    taus: list[float] = []
    rhos: list[float] = []
    each: list[float | None] = []
    skipped = 0
    for xs, ys in zip(metric, human, strict=True):
        each.append(None)
        if len(set(xs)) < 2 or len(set(ys)) < 2:
            skipped += 1
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tau = float(kendalltau(xs, ys).statistic)
            rho = float(spearmanr(xs, ys).statistic)
        if math.isnan(tau) or math.isnan(rho):
            skipped += 1
            continue
        taus.append(tau)
        rhos.append(rho)
        each[-1] = tau
    if not taus:
        return Correlation(float("nan"), float("nan"), 0, skipped, tuple(each))
    return Correlation(fmean(taus), fmean(rhos), len(taus), skipped, tuple(each))


def paired_bootstrap(
    new: Sequence[float | None], base: Sequence[float | None], samples: int = 2000, seed: int = 0
) -> tuple[float, float, float]:
    """Mean per-article difference new - base, with a 95% percentile interval from
    resampling the articles (those where both are defined)."""
    diffs = [a - b for a, b in zip(new, base, strict=True) if a is not None and b is not None]
    rng = random.Random(seed)
    means = sorted(fmean(rng.choices(diffs, k=len(diffs))) for _ in range(samples))
    return fmean(diffs), means[int(0.025 * samples)], means[int(0.975 * samples) - 1]


@dataclass(frozen=True)
class Record:
    index: int  # summeval_index: even = tune half, odd = held-out half
    text: str
    references: list[str]
    summaries: list[str]
    ratings: dict[str, list[float]]  # dimension -> mean expert rating per summary


def load(path: Path) -> list[Record]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            systems = [rec["systems"][k] for k in sorted(rec["systems"])]
            out.append(
                Record(
                    index=int(rec["summeval_index"]),
                    text=rec["text"],
                    references=list(rec["references"]),
                    summaries=[s["summary"] for s in systems],
                    ratings={d: [float(s["scores"][d]) for s in systems] for d in DIMENSIONS},
                )
            )
    return out


def in_split(record: Record, split: str) -> bool:
    return split == "all" or (record.index % 2 == 0) == (split == "tune")


_ROUGE = {
    k: rouge_scorer.RougeScorer([k], use_stemmer=True) for k in ("rouge1", "rouge2", "rougeL")
}


def rouge_mean(key: str) -> Metric:
    """ROUGE F (Porter stemming) averaged over the references: the usual SummEval setup."""

    def score(summary: str, references: list[str], _text: str) -> float:
        return fmean(_ROUGE[key].score(ref, summary)[key].fmeasure for ref in references)

    return score


def metrics() -> dict[str, Metric]:
    return {
        "ROUGE-1 F, mean of refs": rouge_mean("rouge1"),
        "ROUGE-2 F, mean of refs": rouge_mean("rouge2"),
        "ROUGE-L F, mean of refs": rouge_mean("rougeL"),
        "summary.rouge1 (best ref)": lambda s, refs, _t: summary_scores(s, refs)["rouge1"],
        "summary.score (new)": summary_score,
        "  its reference part": lambda s, r, t: summary_components(s, r, t).reference,
        "  its salience part": lambda s, r, t: summary_components(s, r, t).salience,
        "  its support part": lambda s, r, t: summary_components(s, r, t).support,
    }


NEW, BASE = "summary.score (new)", "ROUGE-1 F, mean of refs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--dims", default="relevance,consistency", help="comma-separated")
    args = parser.parse_args()
    dims = [d.strip() for d in args.dims.split(",") if d.strip()]
    records = load(args.path)
    table: dict[str, dict[str, list[float]]] = {}  # metric -> article index -> scores
    timing: dict[str, float] = {}
    for name, fn in metrics().items():
        start = time.perf_counter()
        table[name] = {r.index: [fn(s, r.references, r.text) for s in r.summaries] for r in records}
        timing[name] = 1000 * (time.perf_counter() - start) / sum(len(r.summaries) for r in records)
    print(f"{len(records)} articles x 16 summaries from {args.path}")
    print("summary-level Kendall tau-b / Spearman rho with the mean expert rating")
    for split in SPLITS:
        chosen = [r for r in records if in_split(r, split)]
        print(f"\n[{split}: {len(chosen)} articles]")
        print(
            f"{'metric':<28}"
            + "".join(f"{d[:11] + ' tau':>16}{'rho':>7}" for d in dims)
            + f"{'ms/summary':>12}"
        )
        for name in table:
            row = f"{name:<28}"
            notes = []
            for d in dims:
                c = summary_level(
                    [table[name][r.index] for r in chosen], [r.ratings[d] for r in chosen]
                )
                row += f"{c.tau:>16.3f}{c.rho:>7.3f}"
                if c.skipped:
                    notes.append(f"{d}: {c.skipped} skipped")
            ms = "" if name.startswith(" ") else f"{timing[name]:.2f}"  # parts: cached
            print(row + f"{ms:>12}" + (f"  ({'; '.join(notes)})" if notes else ""))
        for d in dims:
            tau = {
                name: summary_level(
                    [table[name][r.index] for r in chosen], [r.ratings[d] for r in chosen]
                ).per_article
                for name in (NEW, BASE)
            }
            diff, low, high = paired_bootstrap(tau[NEW], tau[BASE])
            print(
                f"  {d}: tau of {NEW.split()[0]} - {BASE}: "
                f"{diff:+.3f} [95% {low:+.3f}, {high:+.3f}]"
            )


if __name__ == "__main__":
    main()
