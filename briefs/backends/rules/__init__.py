"""The rules backend: an offline brief with no model, no key and no download.

Pipeline: sentences (syntok) → mentions → actors (aliases merged) → attributed
statements (positions) → ranking of actors → open issues → extractive summary.
Every item carries evidence spans cut from the article text itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from briefs.backends.base import Backend, Draft
from briefs.backends.rules.actors import Entity, affiliations, resolve_entities
from briefs.backends.rules.attribution import Attribution, attribute
from briefs.backends.rules.conditionals import asserted
from briefs.backends.rules.deeds import deeds
from briefs.backends.rules.document import Document, build
from briefs.backends.rules.issue_check import Said
from briefs.backends.rules.issues import find_issues
from briefs.backends.rules.keep import is_actor, kind_of
from briefs.backends.rules.lexicon import lexicon
from briefs.backends.rules.mentions import find_mentions
from briefs.backends.rules.stances import decapitalise
from briefs.backends.rules.summary import summarize
from briefs.errors import UsageError
from briefs.schema import Actor, Article, Evidence, OpenIssue, Position

__all__ = ["RulesBackend", "fingerprint"]

# ``--backend rules:MODEL``; plain ``rules`` is the full pipeline
MODELS = {"fast": "no entity recogniser: about half the parse time, fewer actors found"}
MAX_ACTORS = 10
# An actor with up to CLAIMS_PER_POSITION statements gets one position holding them all;
# one with more gets POSITIONS_PER_ACTOR positions, each of up to MAX_CLAIMS_PER_STANCE.
POSITIONS_PER_ACTOR = 2
CLAIMS_PER_POSITION = 3
MAX_CLAIMS_PER_STANCE = 3


def _importance(entity: Entity, n_sentences: int, title: str) -> float:
    score = len(entity.mentions) + 2.0 * entity.positions
    first_sentence = min(m.sentence for m in entity.mentions)
    if first_sentence <= max(1, n_sentences // 10):
        score += 1.5
    if title and any(form in title for form in [entity.name, *entity.aliases]):
        score += 1.5
    if entity.kind == "person" and entity.role:
        score += 1.0
    return score


@lru_cache(maxsize=4)
def fingerprint(folder: Path = Path(__file__).parent) -> str:
    """A hash of the rules' code and data, so that cached briefs made by other rules
    (an upgrade, a local edit) are not served as this version's."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json", ".txt"):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class RulesBackend(Backend):
    """Rule-based briefs: deterministic, offline, fast."""

    name: ClassVar[str] = "rules"
    cpu_bound: ClassVar[bool] = True  # the parser: -j N runs N processes

    def __init__(self, model: str | None = None, **_: Any) -> None:
        if model not in (None, "", *MODELS):
            raise UsageError(
                f"rules backend: unknown model {model!r}; models: "
                + ", ".join(f"{k} ({v})" for k, v in MODELS.items())
            )
        self.model = model or None
        self.prompt_version = None

    @property
    def entities(self) -> bool:
        """Whether the parse finds named entities (not under ``rules:fast``)."""
        return self.model != "fast"

    def identity(self) -> str:
        return f"{super().identity()}|{fingerprint()}"

    def generate(self, article: Article) -> Draft:
        return self.from_document(build(article.text, self.entities), article)

    def load(self) -> None:
        from briefs.backends.rules.nlp import pipeline

        pipeline(self.entities)
        lexicon()

    def generate_many(self, articles: Sequence[Article]) -> list[Draft | Exception]:
        """One parser batch for all of ``articles`` (``batch.many``); a subclass that
        changes ``generate`` gets it called for each article instead."""
        if type(self).generate is not RulesBackend.generate:
            return super().generate_many(articles)
        from briefs.backends.rules.batch import many

        return many(self, articles)

    def from_document(self, doc: Document, article: Article) -> Draft:
        """The draft brief of ``article`` from its parsed ``doc``."""
        lex = lexicon()
        text = article.text
        sentences = [s for s in doc.sentences if not s.furniture]
        mentions = [find_mentions(s, lex) for s in sentences]
        entities = resolve_entities(mentions, lex, text)
        statements = asserted(sentences, attribute(sentences, mentions, entities, lex))
        for st in statements:
            entities[st.actor].positions += 1

        title = article.title or ""
        affiliated = affiliations(entities)
        lead = frozenset(s.index for s in sentences[:2])
        ranked = sorted(
            (e for e in entities.values() if is_actor(e, lex, lead) or e.name in affiliated),
            key=lambda e: (-_importance(e, len(sentences), title), e.first),
        )[:MAX_ACTORS]
        keep = {e.name for e in ranked}

        actors = [self._actor(e, text) for e in ranked]
        said = [s for s in statements if s.actor in keep]
        # what a listed actor that never speaks does ("Xstrata has made a bid"), and what
        # the lede says an actor did: a position of its own, apart from its statements
        reported = {s.sentence for s in statements}
        spoke = {s.actor for s in said}
        done = asserted(sentences, deeds(sentences, mentions, keep, spoke, reported, lex))
        lede = [d for d in done if d.actor in spoke]
        rest = [d for d in done if d.actor not in spoke]
        by_start = sorted(said + rest, key=lambda s: s.start)
        positions = self._positions(lede, text) + self._positions(by_start, text)
        found = find_issues(
            sentences,
            mentions,
            keep,
            lex,
            {n: e.kind for n, e in entities.items()},
            [Said(st.sentence, st.stance) for st in statements if st.actor in keep]
            + [Said(d.sentence, d.stance) for d in rest],
        )
        issues = [
            OpenIssue(
                issue=_one_line(i.text), actors=i.actors, evidence=[_evidence(text, i.start, i.end)]
            )
            for i in found
        ]
        spans = [[(m.start, m.end) for m in e.mentions] for e in ranked[:4]]
        chosen = summarize(
            sentences, lex, spans, open_sentence=found[0].sentence if found else None
        )
        summary = " ".join(s.text.replace("\n", " ") for s in chosen)
        return Draft(summary=summary, actors=actors, positions=positions, open_issues=issues)

    @staticmethod
    def _actor(entity: Entity, text: str) -> Actor:
        named = [m for m in entity.mentions if m.hint not in ("generic", "pronoun")]
        first = min(named or entity.mentions, key=lambda m: m.start)
        return Actor(
            name=entity.name,
            kind=kind_of(entity),  # type: ignore[arg-type]
            role=entity.role,
            aliases=list(entity.aliases),
            evidence=[_evidence(text, first.start, first.end)],
        )

    @staticmethod
    def _positions(statements: list[Attribution], text: str) -> list[Position]:
        """An actor's statements, in order, merged into at most ``POSITIONS_PER_ACTOR``
        stances (consecutive ones together), each with all its evidence."""
        by_actor: dict[str, list[Attribution]] = {}
        for st in statements:
            group = by_actor.setdefault(st.actor, [])
            if all(st.stance.lower() != g.stance.lower() for g in group):
                group.append(st)
        out: list[Position] = []
        for actor, group in by_actor.items():
            k = 1 if len(group) <= CLAIMS_PER_POSITION else min(POSITIONS_PER_ACTOR, len(group))
            size = -(-len(group) // k)
            for n in range(0, len(group), size):
                chunk = group[n : n + size][:MAX_CLAIMS_PER_STANCE]
                out.append(
                    Position(
                        actor=actor,
                        stance=_join([c.stance for c in chunk]),
                        evidence=[_evidence(text, c.start, c.end) for c in chunk],
                    )
                )
        return out


def _one_line(text: str) -> str:
    """A stance or issue on one line (a sentence wrapped in the article is not in the
    brief; its evidence keeps the article's text as it is).

    >>> _one_line("We\\nand Britain were in it  together")
    'We and Britain were in it together'
    """
    return " ".join(text.split())


def _join(stances: list[str]) -> str:
    """Several claims as one stance: "A; b; c." """
    parts = [_one_line(s).rstrip(".") for s in stances]
    tail = [decapitalise(p) for p in parts[1:]]
    return "; ".join([parts[0], *tail]) + "."


def _evidence(text: str, start: int, end: int) -> Evidence:
    return Evidence(quote=text[start:end], start=start, end=end)
