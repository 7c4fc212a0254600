"""The same actor under different names across articles becomes one entry.

Each brief's actors are compared with the actors already collected, using the eval's
name rules (exact after normalisation, acronym, surname for people, fuzzy >= 90):

- "Malcolm Glazer" in one article and "Mr Glazer" / "Glazer" in the next are one actor;
  "London Stock Exchange" and "LSE" are one (acronym).
- Only actors of the same kind merge (a person never merges with a body).
- Two people with different full names stay apart even when both go by the same
  surname ("Gordon Brown" and "Nick Brown", each with the alias "Brown").
- A body named by one distinctive word of its full name merges with it ("United" and
  "Manchester United"), when both are bodies.
- A bare surname that fits more than one person already collected is ambiguous: it
  stays a separate entry and the digest says so in ``meta.warnings``.

The canonical name is the one the briefs use most (ties: the longest); every other
form becomes an alias.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from briefs.schema import Actor, ActorKind, Brief, DigestActor
from briefs.text.names import match_score, normalize_name

__all__ = ["SAME_ACTOR", "resolve_actors"]

#: match_score at or above which two actors are one (surname 0.9, fuzzy 90 -> 0.765).
SAME_ACTOR = 0.76
#: A body named by one word of its full name (below a surname match, above fuzzy).
PART = 0.8


@dataclass
class _Cluster:
    kind: ActorKind
    forms: list[str] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    articles: list[str] = field(default_factory=list)

    def add(self, actor: Actor, article: str) -> None:
        self.names[actor.name] += 1
        for form in (actor.name, *actor.aliases):
            if form.strip() and form not in self.forms:
                self.forms.append(form)
        if actor.role:
            self.roles[actor.role] += 1
        if article not in self.articles:
            self.articles.append(article)

    @property
    def name(self) -> str:
        top = max(self.names.values())
        return max((n for n, c in self.names.items() if c == top), key=len)

    def full_names(self) -> set[str]:
        return {n for n in map(normalize_name, self.names) if len(n.split()) >= 2}


def _distinct_people(actor: Actor, cluster: _Cluster) -> bool:
    """Different full names with different first names: two people, whatever aliases say."""
    mine = normalize_name(actor.name).split()
    theirs = [t.split() for t in cluster.full_names()]
    if len(mine) < 2 or not theirs:
        return False
    return not any(_same_first(mine[0], t[0]) for t in theirs)


def _same_first(a: str, b: str) -> bool:
    """ "john" ~ "john", "j" ~ "john" (an initial), "malcom" ~ "malcolm" (a misspelling)."""
    if min(len(a), len(b)) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= 80


def _part_of(one: list[str], other: list[str]) -> bool:
    """A body named by one distinctive word of its full name: "United" for "Manchester
    United" (capitalised, at least 4 letters, the first or last word)."""
    longs = [normalize_name(f).split() for f in other if len(f.split()) >= 2]
    for form in one:
        if len(form.split()) == 1 and len(form) >= 4 and form[:1].isupper():
            word = normalize_name(form)
            if any(word in (ws[0], ws[-1]) for ws in longs):
                return True
    return False


def _score(actor: Actor, cluster: _Cluster) -> float:
    if actor.kind != cluster.kind and "other" not in (actor.kind, cluster.kind):
        return 0.0
    person = actor.kind == "person"
    if person and _distinct_people(actor, cluster):
        return 0.0
    score = match_score(
        [actor.name, *actor.aliases], cluster.forms, person, cluster.kind == "person"
    )
    forms = [actor.name, *actor.aliases]
    if (
        not score
        and actor.kind == cluster.kind
        and actor.kind in ("organization", "group")
        and (_part_of(forms, cluster.forms) or _part_of(cluster.forms, forms))
    ):
        return PART
    return score


def resolve_actors(
    briefs: Sequence[Brief],
) -> tuple[list[DigestActor], dict[tuple[str, str], str], list[str]]:
    """Merge the actors of ``briefs`` (in story order).

    Returns the digest actors (most articles first, then first appearance), a map from
    (brief id, actor name in that brief) to the digest actor's name, and warnings.
    """
    clusters: list[_Cluster] = []
    where: dict[tuple[str, str], int] = {}
    warnings: list[str] = []
    for brief in briefs:
        for actor in brief.actors:
            scored = [(_score(actor, c), i) for i, c in enumerate(clusters)]
            good = sorted((s, i) for s, i in scored if s >= SAME_ACTOR)
            if not good:
                chosen = None
            elif len(good) > 1 and good[-1][0] == good[-2][0] and len(actor.name.split()) == 1:
                names = ", ".join(clusters[i].name for _, i in good[-2:])
                warnings.append(
                    f"{brief.id}: '{actor.name}' could be {names}: kept apart (ambiguous)"
                )
                chosen = None
            else:
                chosen = good[-1][1]
            if chosen is None:
                clusters.append(_Cluster(kind=actor.kind))
                chosen = len(clusters) - 1
            clusters[chosen].add(actor, brief.id)
            where[(brief.id, actor.name)] = chosen
    order = sorted(range(len(clusters)), key=lambda i: (-len(clusters[i].articles), i))
    actors = [_to_actor(clusters[i]) for i in order]
    canonical = {(bid, name): clusters[i].name for (bid, name), i in where.items()}
    return actors, canonical, warnings


def _to_actor(cluster: _Cluster) -> DigestActor:
    name = cluster.name
    seen = {name.lower()}
    aliases = []
    for form in cluster.forms:
        if form.lower() not in seen:
            seen.add(form.lower())
            aliases.append(form)
    role = cluster.roles.most_common(1)[0][0] if cluster.roles else None
    return DigestActor(
        name=name, kind=cluster.kind, role=role, aliases=aliases, articles=cluster.articles
    )
