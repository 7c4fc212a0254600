"""The polarity test set (issue #10): load its cases and check a brief against one.

``tests/data/polarity_cases.json`` holds locators, not text: each case names a corpus
record and the character offsets of one sentence in its ``text``, with that sentence's
sha1. The sentences are read from ``../shared/corpus`` at run time::

    from polarity_cases import default_corpus_root, load_cases, check_brief_against_case
    cases = load_cases(default_corpus_root())
    result = check_brief_against_case(briefs.generate_brief(cases[0].article()), cases[0])
    result.found, result.actor_correct, result.flipped

The zero-flips gate of issue #10, ready to enable in a test once the backend passes::

    assert [r.key for r in run_backend(load_cases(default_corpus_root())) if r.flipped] == []

A stance keeps polarity when ``briefs.evaluate.polarity.polarity`` of it equals the
case's expected polarity (convention in that module's docstring).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import briefs
from briefs.backends.base import Backend
from briefs.evaluate.polarity import NEGATIVE, POSITIVE, polarity
from briefs.ingest.normalize import normalize_text
from briefs.schema import Article, Brief, Position
from briefs.text.names import normalize_name

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "polarity_cases.json"
KINDS = frozenset({"denial", "rejection", "refusal", "negated_claim", "dismissal", "affirmation"})
POLARITIES = {"negative": NEGATIVE, "positive": POSITIVE}
_FIELDS = {
    "corpus": str, "id": str, "start": int, "end": int, "sha1": str, "actor": str,
    "actor_forms": list, "polarity": str, "kind": str, "note": str,
}  # fmt: skip


class CaseError(ValueError):
    """A case in the data file is malformed or does not match the corpus."""


@dataclass(frozen=True)
class PolarityCase:
    corpus: str
    id: str
    start: int
    end: int
    sha1: str
    actor: str
    actor_forms: tuple[str, ...]
    polarity: str
    kind: str
    note: str
    sentence: str
    text: str
    title: str | None = None

    @property
    def key(self) -> str:
        return f"{self.id}@{self.start}"

    @property
    def expected(self) -> int:
        """The expected polarity as the checker returns it: +1 or -1."""
        return POLARITIES[self.polarity]

    def names(self) -> set[str]:
        """Normalised names that count as the right actor."""
        return {normalize_name(n) for n in (self.actor, *self.actor_forms)} - {""}

    def article(self) -> Article:
        """The whole article, normalised the way ``briefs`` ingests a corpus record."""
        return Article(id=self.id, title=self.title, text=normalize_text(self.text))


def default_corpus_root() -> Path | None:
    """``../shared/corpus`` relative to the repository root, or None when it is absent."""
    root = ROOT.parent / "shared" / "corpus"
    return root if root.is_dir() else None


def load_specs(path: Path = DATA) -> list[dict[str, Any]]:
    """The cases of the data file, checked for shape (no corpus needed)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    specs = data.get("cases") if isinstance(data, dict) else None
    if not isinstance(specs, list):
        raise CaseError(f"{path}: expected an object with a 'cases' list")
    for n, spec in enumerate(specs):
        where = f"{path}: case {n} ({spec.get('id') if isinstance(spec, dict) else '?'})"
        if not isinstance(spec, dict):
            raise CaseError(f"{where}: not an object")
        for field, kind in _FIELDS.items():
            if not isinstance(spec.get(field), kind):
                raise CaseError(f"{where}: field {field!r} missing or not {kind.__name__}")
        if spec["polarity"] not in POLARITIES:
            raise CaseError(f"{where}: polarity {spec['polarity']!r} not in {sorted(POLARITIES)}")
        if spec["kind"] not in KINDS:
            raise CaseError(f"{where}: kind {spec['kind']!r} not in {sorted(KINDS)}")
        if (spec["kind"] == "affirmation") != (spec["polarity"] == "positive"):
            raise CaseError(f"{where}: only affirmations (positive controls) are positive")
        if not 0 <= spec["start"] < spec["end"]:
            raise CaseError(f"{where}: bad offsets {spec['start']}..{spec['end']}")
        if not all(isinstance(f, str) and f for f in spec["actor_forms"]):
            raise CaseError(f"{where}: actor_forms must be non-empty strings")
    return specs


def _records(path: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                if str(record.get("id")) in ids:
                    found[str(record["id"])] = record
    return found


def load_cases(corpus_root: Path, path: Path = DATA) -> list[PolarityCase]:
    """Every case with its sentence and article read from ``corpus_root``.

    Raises CaseError naming the case when a record is missing or the sentence at the
    stored offsets does not have the stored sha1.
    """
    specs = load_specs(path)
    wanted: dict[str, set[str]] = {}
    for spec in specs:
        wanted.setdefault(spec["corpus"], set()).add(spec["id"])
    records = {name: _records(corpus_root / name, ids) for name, ids in wanted.items()}
    cases = []
    for spec in specs:
        where = f"polarity case {spec['corpus']}:{spec['id']}@{spec['start']}"
        record = records[spec["corpus"]].get(spec["id"])
        if record is None:
            raise CaseError(f"{where}: no record with this id in {corpus_root / spec['corpus']}")
        text = record["text"]
        sentence = text[spec["start"] : spec["end"]]
        digest = hashlib.sha1(sentence.encode("utf-8")).hexdigest()
        if digest != spec["sha1"]:
            raise CaseError(f"{where}: sha1 mismatch ({digest} != {spec['sha1']}): {sentence!r}")
        title = record.get("title")
        cases.append(
            PolarityCase(
                corpus=spec["corpus"],
                id=spec["id"],
                start=spec["start"],
                end=spec["end"],
                sha1=spec["sha1"],
                actor=spec["actor"],
                actor_forms=tuple(spec["actor_forms"]),
                polarity=spec["polarity"],
                kind=spec["kind"],
                note=spec["note"],
                sentence=sentence,
                text=text,
                title=title if isinstance(title, str) else None,
            )
        )
    return cases


@dataclass(frozen=True)
class CaseResult:
    """How one brief treats one case.

    ``found``: a position's evidence overlaps the case sentence. ``actor_correct``: one
    of those positions is the case's actor. ``stances``: the stance parts backed by the
    sentence (of the right actor's positions when there is one, else of every
    overlapping position, for display). ``kept``: every part of the right actor has the
    expected polarity; None when no position of the right actor covers the sentence (a
    stance given to another actor may rightly say the opposite: the accuser's claim).
    """

    key: str
    found: bool
    actor_correct: bool
    actors: tuple[str, ...]
    stances: tuple[str, ...]
    kept: bool | None

    @property
    def flipped(self) -> bool:
        return self.kept is False


def sentence_span(case: PolarityCase, article_text: str) -> tuple[int, int]:
    """Offsets of the case sentence in the normalised article text."""
    target = normalize_text(case.sentence)
    hits, at = [], article_text.find(target)
    while at >= 0:
        hits.append(at)
        at = article_text.find(target, at + 1)
    if not hits:
        raise CaseError(f"polarity case {case.key}: sentence not found in the normalised text")
    start = min(hits, key=lambda h: abs(h - case.start))
    return start, start + len(target)


def _parts(position: Position, span: tuple[int, int]) -> list[str]:
    """The stance parts backed by evidence overlapping ``span``.

    A rules stance joins one part per evidence span with "; "; when the counts agree the
    part of each overlapping span is judged alone, else the whole stance.
    """
    overlapping = [
        i for i, ev in enumerate(position.evidence) if ev.start < span[1] and span[0] < ev.end
    ]
    if not overlapping:
        return []
    parts = position.stance.split("; ")
    if len(parts) == len(position.evidence):
        return [parts[i] for i in overlapping]
    return [position.stance]


def check_brief_against_case(brief: Brief, case: PolarityCase) -> CaseResult:
    """Judge ``brief`` (made from ``case.article()``) on ``case``: covered, actor, polarity."""
    span = sentence_span(case, normalize_text(case.text))
    names = case.names()
    aliases = {
        actor.name: {normalize_name(n) for n in (actor.name, *actor.aliases)}
        for actor in brief.actors
    }
    covering = [(p, parts) for p in brief.positions if (parts := _parts(p, span))]
    right = [
        (p, parts)
        for p, parts in covering
        if aliases.get(p.actor, {normalize_name(p.actor)}) & names
        or normalize_name(p.actor) in names
    ]
    judged = right or covering
    stances = tuple(part for _, parts in judged for part in parts)
    return CaseResult(
        key=case.key,
        found=bool(covering),
        actor_correct=bool(right),
        actors=tuple(dict.fromkeys(p.actor for p, _ in covering)),
        stances=stances,
        kept=all(polarity(s) == case.expected for s in stances) if right else None,
    )


def run_backend(cases: list[PolarityCase], backend: str | Backend = "rules") -> list[CaseResult]:
    """Brief each case's article with ``backend`` (once per article) and check every case."""
    made: dict[tuple[str, str], Brief] = {}
    results = []
    for case in cases:
        key = (case.corpus, case.id)
        if key not in made:
            made[key] = briefs.generate_brief(case.article(), backend)
        results.append(check_brief_against_case(made[key], case))
    return results
