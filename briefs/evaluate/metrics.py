"""Field-by-field scores of one brief against one reference.

Actors are aligned one-to-one first (strongest name match wins, ties broken by
list order); positions are then compared only through that alignment, so a
stance given to the wrong actor earns nothing under the strict score. A stance or
issue that contradicts its counterpart (``contradiction.contradicts``: aligned
clauses of opposite polarity) never matches, whatever its overlap; open issues that
restate a position or a settled fact (``restated``) count neither as found nor as
predicted; the summary's names, numbers and sentences are checked against the
article (``support``). Every number is a pure function of the two briefs (and the
article text): the same inputs give the same numbers, bit for bit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from rouge_score import rouge_scorer

from briefs.evaluate.contradiction import contradicts
from briefs.evaluate.restated import restated_issues
from briefs.evaluate.scores import (
    FIELDS,
    PRF,
    ActorScores,
    ArticleScore,
    IssueScores,
    Matches,
    PositionScores,
    SummaryScores,
)
from briefs.evaluate.summary_metric import summary_score
from briefs.evaluate.support import check_support
from briefs.schema import Actor, Brief
from briefs.text.names import match_score
from briefs.text.similarity import Similarity, lexical

__all__ = [
    "FIELDS",
    "MATCH_THRESHOLD",
    "PRF",
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


def prf(matched: int, predicted: int, expected: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side counts as perfect only if both are empty."""
    p = matched / predicted if predicted else (1.0 if expected == 0 else 0.0)
    r = matched / expected if expected else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


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


def overall(fields: Mapping[str, float | None], weights: dict[str, float] = WEIGHTS) -> float:
    """Weighted mean of the fields present (weights re-normalised over them)."""
    present = {k: w for k, w in weights.items() if fields.get(k) is not None}
    total = sum(present.values())
    if not total:
        return 0.0
    return sum(w * float(fields[k] or 0.0) for k, w in present.items()) / total


def _match_positions(
    brief: Brief, ref: Brief, aligned: dict[int, int], similarity: Similarity, threshold: float
) -> tuple[dict[int, int], dict[int, int], frozenset[int]]:
    """Strict and lenient one-to-one position matches; positions negating a reference one."""
    to_ref = _actor_index(brief, ref, aligned)
    ref_actor = {name.name: j for j, name in enumerate(ref.actors)}
    strict_pairs, lenient_pairs = [], []
    contradicted: set[int] = set()
    for i, pos in enumerate(brief.positions):
        j_actor = to_ref.get(pos.actor)
        if j_actor is None:
            continue
        for j, rpos in enumerate(ref.positions):
            if ref_actor.get(rpos.actor) != j_actor:
                continue
            sim = similarity(pos.stance, rpos.stance)
            if contradicts(pos.stance, rpos.stance):
                if sim >= threshold:
                    contradicted.add(i)
                continue  # opposite polarity: no match, whatever the overlap
            lenient_pairs.append((sim, i, j))
            if sim >= threshold:
                strict_pairs.append((sim, i, j))
    return _assign(strict_pairs), _assign(lenient_pairs), frozenset(contradicted)


def _match_issues(
    brief: Brief, ref: Brief, restated: set[int], similarity: Similarity, threshold: float
) -> dict[int, int]:
    pairs = []
    for i, issue in enumerate(brief.open_issues):
        if i in restated:
            continue
        for j, rissue in enumerate(ref.open_issues):
            sim = similarity(issue.issue, rissue.issue)
            if sim >= threshold and not contradicts(issue.issue, rissue.issue):
                pairs.append((sim, i, j))
    return _assign(pairs)


def score_brief(
    brief: Brief,
    ref: Brief,
    *,
    text: str | None = None,
    similarity: Similarity = lexical,
    threshold: float = MATCH_THRESHOLD,
) -> ArticleScore:
    """Every field of ``brief`` scored against ``ref`` (and ``text``, the article)."""
    aligned = align_actors(brief, ref)
    p, r, f = prf(len(aligned), len(brief.actors), len(ref.actors))
    primary = [j for j, a in enumerate(ref.actors) if a.salience == "primary"] or list(
        range(len(ref.actors))
    )
    hit = set(aligned.values())
    primary_recall = sum(1 for j in primary if j in hit) / len(primary) if primary else 1.0
    actors = ActorScores(p, r, f, primary_recall)

    strict, lenient, contradicted = _match_positions(brief, ref, aligned, similarity, threshold)
    n_pos, n_ref_pos = len(brief.positions), len(ref.positions)
    positions = PositionScores(
        PRF(*prf(len(strict), n_pos, n_ref_pos)), PRF(*prf(len(lenient), n_pos, n_ref_pos))
    )

    restated = restated_issues(brief)
    issue_matches = _match_issues(brief, ref, restated, similarity, threshold)
    n_issues = len(brief.open_issues)
    # restated issues count as neither found nor predicted
    ip, ir, i_f = prf(len(issue_matches), n_issues - len(restated), len(ref.open_issues))
    issues = IssueScores(ip, ir, i_f, len(restated) / n_issues if n_issues else 0.0)

    refs = [s for s in [ref.summary, *ref.summaries] if s.strip()]
    rouge = summary_scores(brief.summary, refs)
    support = check_support(brief.summary, text) if text is not None else None
    summary = SummaryScores(
        rouge["rouge1"],
        rouge["rouge2"],
        rouge["rougeL"],
        float(support.count) if support is not None else None,
        # reference overlap + article salience + article support (needs the article text)
        None if text is None else summary_score(brief.summary, refs, text),
    )
    matches = Matches(
        actors=aligned,
        positions_strict=strict,
        positions_lenient=lenient,
        issues=issue_matches,
        restated=frozenset(restated),
        contradicted=contradicted,
        unsupported=support.unsupported if support is not None else (),
    )
    score = ArticleScore(
        ref.id, actors, positions, issues, summary, grounding_score(brief, text), 0.0, matches
    )
    return replace(score, overall=overall(score.fields))
