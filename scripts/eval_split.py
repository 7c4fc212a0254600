"""Score the rules backend on one half of the external references (or the seeds).

    python scripts/eval_split.py dev            # tune here
    python scripts/eval_split.py dev2           # the second dev set: does it carry?
    python scripts/eval_split.py test           # measure once
    python scripts/eval_split.py test2          # measure once per round
    python scripts/eval_split.py seeds
    python scripts/eval_split.py dev --out briefs-dev/   # also keep the briefs

Prints the per-field means (the fields of the rules-quality targets) and the ids scored.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from briefs.eval_run import generate_and_evaluate
from briefs.evaluate import load_briefs
from briefs.evaluate.splits import SPLITS

ROOT = Path(__file__).resolve().parent.parent
FIELDS = (
    "actors.f1",
    "actors.primary_recall",
    "positions.strict_f1",
    "positions.lenient_f1",
    "issues.recall",
    "issues.restated",
    "summary.rouge1",
    "summary.unsupported",
    "grounding.exact",
    "overall",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("half", choices=[*SPLITS, "all", "seeds"])
    parser.add_argument("--backend", default="rules")
    parser.add_argument("--out", default=None)
    parser.add_argument("--per-article", action="store_true")
    args = parser.parse_args()
    if args.half == "seeds":
        references = load_briefs(ROOT / "evals" / "references")
        sources = [ROOT / "seeds"]
    else:
        splits = json.loads((ROOT / "evals" / "external-splits.json").read_text())
        halves = SPLITS if args.half == "all" else (args.half,)
        ids = {i for half in halves for i in splits.get(half, [])}
        references = {k: v for k, v in load_briefs(ROOT / "evals" / "external").items() if k in ids}
        config = json.loads((ROOT / "evals" / "external-sources.json").read_text())
        sources = [ROOT / p for p in config["corpus"]]
    report, errors = generate_and_evaluate(sources, references, args.backend, out_dir=args.out)
    for e in errors:
        print("error:", e)
    means = report.means
    print(f"{args.half}: {len(references)} references")
    print("  ".join(f"{f}={means.get(f) or 0.0:.3f}" for f in FIELDS))
    if args.per_article:
        for art in sorted(report.articles, key=lambda a: a.id):
            cells = [f"{f.split('.')[1][:7]}={art.fields.get(f) or 0.0:.2f}" for f in FIELDS[:6]]
            print(f"  {art.id[:24]:24}", " ".join(cells))


if __name__ == "__main__":
    main()
