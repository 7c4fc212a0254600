"""Scoring a digest against a hand-written digest reference (reads only the schema).

Fields (each 0..1, higher is better):

- ``actors.f1``: digest actors aligned one-to-one with the reference's by the name
  rules (``names.match_score``: exact, acronym, surname, fuzzy).
- ``actors.merged``: for each reference actor, the Jaccard overlap of the articles it
  appears in with those of its aligned digest actor (0 when unaligned): did the same
  actor under different names become one entry across the articles?
- ``timeline.order``: share of article pairs in the same order as the reference's.
- ``timeline.recall``: share of reference timeline entries (actor, article) that the
  digest also has.
- ``timeline.changes``: of the reference entries labelled with a change, the share the
  digest labels the same (an entry the digest lacks counts as wrong).
- ``issues.recall``: reference issues matched one-to-one by a digest issue
  (content-word F1 >= ``ISSUE_MATCH``).
- ``issues.precision``: digest issues matched to a reference issue (a digest that
  lists every sentence as an issue finds them all but says little).
- ``issues.status``: of the reference issues, the share matched AND given the same
  status (open / resolved; a resolved one also in the same article).
- ``overall``: the mean of the above.
"""

from __future__ import annotations

from briefs.schema import Digest, DigestActor
from briefs.text.names import match_score
from briefs.text.similarity import lexical

__all__ = ["DIGEST_FIELDS", "ISSUE_MATCH", "score_digest"]

ISSUE_MATCH = 0.25
ACTOR_MATCH = 0.76
DIGEST_FIELDS = (
    "actors.f1",
    "actors.merged",
    "timeline.order",
    "timeline.recall",
    "timeline.changes",
    "issues.recall",
    "issues.precision",
    "issues.status",
    "overall",
)


def _greedy(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one assignment, strongest pairs first: {reference index: digest index}."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, r, d in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if r not in out and d not in used:
            out[r] = d
            used.add(d)
    return out


def _forms(actor: DigestActor) -> list[str]:
    return [actor.name, *actor.aliases]


def _align_actors(digest: Digest, ref: Digest) -> dict[int, int]:
    pairs = []
    for r, ra in enumerate(ref.actors):
        for d, da in enumerate(digest.actors):
            score = match_score(_forms(ra), _forms(da), ra.kind == "person", da.kind == "person")
            if score >= ACTOR_MATCH:
                pairs.append((score, r, d))
    return _greedy(pairs)


def _f1(matched: int, predicted: int, expected: int) -> float:
    if not predicted and not expected:
        return 1.0
    p = matched / predicted if predicted else 0.0
    r = matched / expected if expected else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _order(digest: Digest, ref: Digest) -> float:
    mine = {a.id: a.order for a in digest.articles}
    ids = [a.id for a in sorted(ref.articles, key=lambda a: a.order) if a.id in mine]
    pairs = [(x, y) for i, x in enumerate(ids) for y in ids[i + 1 :]]
    if not pairs:
        return 1.0
    return sum(1 for x, y in pairs if mine[x] < mine[y]) / len(pairs)


def score_digest(digest: Digest, ref: Digest) -> dict[str, float]:
    """Every field of the module docstring for one digest."""
    aligned = _align_actors(digest, ref)
    name_of = {ref.actors[r].name: digest.actors[d].name for r, d in aligned.items()}
    merged = [
        len(set(ref.actors[r].articles) & set(digest.actors[d].articles))
        / max(1, len(set(ref.actors[r].articles) | set(digest.actors[d].articles)))
        for r, d in aligned.items()
    ]
    mine: dict[tuple[str, str], set[str | None]] = {}
    for e in digest.timeline:
        mine.setdefault((e.actor, e.article), set()).add(e.change)
    wanted = [(name_of.get(e.actor), e.article, e.change) for e in ref.timeline]
    found = [(a, art) in mine for a, art, _ in wanted if a is not None]
    labelled = [(a, art, c) for a, art, c in wanted if c is not None]
    right = [a is not None and c in mine.get((a, art), set()) for a, art, c in labelled]
    pairs = [
        (lexical(ri.issue, di.issue), r, d)
        for r, ri in enumerate(ref.issues)
        for d, di in enumerate(digest.issues)
        if lexical(ri.issue, di.issue) >= ISSUE_MATCH
    ]
    issues = _greedy(pairs)
    same_status = [
        ref.issues[r].status == digest.issues[d].status
        and (
            ref.issues[r].status == "open"
            or ref.issues[r].resolved_in == digest.issues[d].resolved_in
        )
        for r, d in issues.items()
    ]
    n_ref = len(ref.actors)
    fields = {
        "actors.f1": _f1(len(aligned), len(digest.actors), n_ref),
        "actors.merged": sum(merged) / n_ref if n_ref else 1.0,
        "timeline.order": _order(digest, ref),
        "timeline.recall": sum(found) / len(wanted) if wanted else 1.0,
        "timeline.changes": sum(right) / len(labelled) if labelled else 1.0,
        "issues.recall": len(issues) / len(ref.issues) if ref.issues else 1.0,
        "issues.precision": len(issues) / len(digest.issues) if digest.issues else 1.0,
        "issues.status": sum(same_status) / len(ref.issues) if ref.issues else 1.0,
    }
    fields["overall"] = sum(fields.values()) / len(fields)
    return fields
