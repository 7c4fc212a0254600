"""Field-by-field scores of one brief against one reference.

Actors are aligned one-to-one first (strongest name match wins, ties broken by
list order); positions are then compared only through that alignment, so a
stance given to the wrong actor earns nothing under the strict score. Every
number is a pure function of the two briefs (and the article text, for
grounding): the same inputs give the same numbers, bit for bit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rouge_score import rouge_scorer

from briefs.evaluate.names import match_score
from briefs.evaluate.similarity import Similarity, lexical
from briefs.evaluate.summary_metric import summary_score
from briefs.schema import Actor, Brief

__all__ = [
    "FIELDS",
    "MATCH_THRESHOLD",
    "WEIGHTS",
    "ArticleScore",
    "Matches",
    "overall",
    "prf",
    "score_brief",
]

MATCH_THRESHOLD = 0.25  # similarity at which a stance or issue counts as the same
WEIGHTS: dict[str, float] = {
    "actors.f1": 0.20,
    "actors.primary_recall": 0.10,
    "positions.strict_f1": 0.25,
    "issues.f1": 0.15,
    "summary.rouge1": 0.15,
    "grounding.exact": 0.15,
}
FIELDS = (
    "actors.precision",
    "actors.recall",
    "actors.f1",
    "actors.primary_recall",
    "positions.strict_precision",
    "positions.strict_recall",
    "positions.strict_f1",
    "positions.lenient_precision",
    "positions.lenient_recall",
    "positions.lenient_f1",
    "issues.precision",
    "issues.recall",
    "issues.f1",
    "summary.rouge1",
    "summary.rouge2",
    "summary.rougeL",
    "summary.score",
    "grounding.exact",
    "overall",
)


def prf(matched: int, predicted: int, expected: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side counts as perfect only if both are empty."""
    p = matched / predicted if predicted else (1.0 if expected == 0 else 0.0)
    r = matched / expected if expected else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Matches:
    """Which items matched which, for reports (indices into each brief's lists)."""

    actors: dict[int, int] = field(default_factory=dict)  # brief actor -> reference actor
    positions_strict: dict[int, int] = field(default_factory=dict)
    positions_lenient: dict[int, int] = field(default_factory=dict)
    issues: dict[int, int] = field(default_factory=dict)


@dataclass
class ArticleScore:
    id: str
    fields: dict[str, float | None]
    matches: Matches = field(default_factory=Matches)


def _forms(actor: Actor) -> list[str]:
    return [actor.name, *actor.aliases]


def _assign(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one: strongest pairs first, ties by position in each list."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: dict[int, int] = {}
    for _score, a, b in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if a not in used_a and b not in used_b:
            used_a.add(a)
            used_b.add(b)
            out[a] = b
    return out


def align_actors(brief: Brief, ref: Brief) -> dict[int, int]:
    pairs = []
    for i, a in enumerate(brief.actors):
        for j, b in enumerate(ref.actors):
            s = match_score(_forms(a), _forms(b), a.kind == "person", b.kind == "person")
            if s > 0:
                pairs.append((s, i, j))
    return _assign(pairs)


def _actor_index(brief: Brief, ref: Brief, aligned: dict[int, int]) -> dict[str, int | None]:
    """Each name a brief's positions and issues use -> the reference actor index."""
    out: dict[str, int | None] = {}
    for i, a in enumerate(brief.actors):
        out[a.name] = aligned.get(i)
    for p in brief.positions:
        if p.actor not in out:  # a name missing from the actor list: match it directly
            scores = [(match_score([p.actor], _forms(b)), j) for j, b in enumerate(ref.actors)]
            best = max(scores, default=(0.0, -1))
            out[p.actor] = best[1] if best[0] > 0 else None
    return out


@lru_cache(maxsize=1)
def _rouge() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def summary_scores(summary: str, references: list[str]) -> dict[str, float]:
    """ROUGE-1/2/L F with stemming, each the best over all reference summaries."""
    best = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    for ref in references:
        scores = _rouge().score(ref, summary)
        for key in best:
            best[key] = max(best[key], scores[key].fmeasure)
    return best


def grounding_score(brief: Brief, text: str | None) -> float | None:
    """Share of evidence spans whose offsets slice exactly their quote."""
    if text is None:
        return None
    spans = [ev for a in brief.actors for ev in a.evidence]
    spans += [ev for p in brief.positions for ev in p.evidence]
    spans += [ev for i in brief.open_issues for ev in i.evidence]
    if not spans:
        return None
    good = sum(1 for ev in spans if text[ev.start : ev.end] == ev.quote)
    return good / len(spans)


def overall(fields: dict[str, float | None], weights: dict[str, float] = WEIGHTS) -> float:
    """Weighted mean of the fields present (weights re-normalised over them)."""
    present = {k: w for k, w in weights.items() if fields.get(k) is not None}
    total = sum(present.values())
    if not total:
        return 0.0
    return sum(w * float(fields[k] or 0.0) for k, w in present.items()) / total


def score_brief(
    brief: Brief,
    ref: Brief,
    *,
    text: str | None = None,
    similarity: Similarity = lexical,
    threshold: float = MATCH_THRESHOLD,
) -> ArticleScore:
    """Every field of ``brief`` scored against ``ref``."""
    matches = Matches(actors=align_actors(brief, ref))
    fields: dict[str, float | None] = {}

    n_matched = len(matches.actors)
    p, r, f = prf(n_matched, len(brief.actors), len(ref.actors))
    fields.update({"actors.precision": p, "actors.recall": r, "actors.f1": f})
    primary = [j for j, a in enumerate(ref.actors) if a.salience == "primary"] or list(
        range(len(ref.actors))
    )
    hit = set(matches.actors.values())
    fields["actors.primary_recall"] = (
        sum(1 for j in primary if j in hit) / len(primary) if primary else 1.0
    )

    to_ref = _actor_index(brief, ref, matches.actors)
    ref_actor = {name.name: j for j, name in enumerate(ref.actors)}
    strict_pairs, lenient_pairs = [], []
    for i, pos in enumerate(brief.positions):
        j_actor = to_ref.get(pos.actor)
        if j_actor is None:
            continue
        for j, rpos in enumerate(ref.positions):
            if ref_actor.get(rpos.actor) != j_actor:
                continue
            sim = similarity(pos.stance, rpos.stance)
            lenient_pairs.append((sim, i, j))
            if sim >= threshold:
                strict_pairs.append((sim, i, j))
    matches.positions_strict = _assign(strict_pairs)
    matches.positions_lenient = _assign(lenient_pairs)
    n_pos, n_ref_pos = len(brief.positions), len(ref.positions)
    for kind, matched in (
        ("strict", matches.positions_strict),
        ("lenient", matches.positions_lenient),
    ):
        p, r, f = prf(len(matched), n_pos, n_ref_pos)
        fields[f"positions.{kind}_precision"] = p
        fields[f"positions.{kind}_recall"] = r
        fields[f"positions.{kind}_f1"] = f

    issue_pairs = []
    for i, issue in enumerate(brief.open_issues):
        for j, rissue in enumerate(ref.open_issues):
            sim = similarity(issue.issue, rissue.issue)
            if sim >= threshold:
                issue_pairs.append((sim, i, j))
    matches.issues = _assign(issue_pairs)
    p, r, f = prf(len(matches.issues), len(brief.open_issues), len(ref.open_issues))
    fields.update({"issues.precision": p, "issues.recall": r, "issues.f1": f})

    refs = [s for s in [ref.summary, *ref.summaries] if s.strip()]
    for key, value in summary_scores(brief.summary, refs).items():
        fields[f"summary.{key}"] = value
    # reference overlap + article salience + article support (needs the article text)
    fields["summary.score"] = None if text is None else summary_score(brief.summary, refs, text)
    fields["grounding.exact"] = grounding_score(brief, text)
    fields["overall"] = overall(fields)
    return ArticleScore(ref.id, fields, matches)
