"""The polarity test set (tests/data/polarity_cases.json) and its helpers."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from polarity_cases import (
    DATA,
    CaseError,
    PolarityCase,
    check_brief_against_case,
    default_corpus_root,
    load_cases,
    load_specs,
    run_backend,
    sentence_span,
)

from briefs.backends.base import Backend, Draft
from briefs.evaluate.polarity import polarity
from briefs.schema import Actor, Article, Brief, Evidence, Position

ROOT = Path(__file__).resolve().parent.parent
CORPUS = default_corpus_root()
needs_corpus = pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is absent")


@pytest.fixture(scope="module")
def cases() -> list[PolarityCase]:
    assert CORPUS is not None
    return load_cases(CORPUS)


def test_data_file_is_valid_and_large_enough() -> None:
    specs = load_specs()
    kinds = Counter(s["kind"] for s in specs)
    polarities = Counter(s["polarity"] for s in specs)
    assert polarities["negative"] >= 30
    assert polarities["positive"] >= 8
    assert len(specs) >= 40
    assert {"denial", "rejection", "refusal", "negated_claim", "dismissal"} <= set(kinds)
    keys = [(s["corpus"], s["id"], s["start"]) for s in specs]
    assert len(keys) == len(set(keys)), "a sentence is listed twice"


def test_no_case_comes_from_an_eval_article() -> None:
    splits = json.loads((ROOT / "evals" / "external-splits.json").read_text())
    held = set(splits["dev"]) | set(splits["test"])
    for ids in splits["sources"].values():
        held |= set(ids)
    held |= {p.stem for p in (ROOT / "evals" / "external").glob("*.json")}
    for digest in (ROOT / "evals" / "digests").glob("*.json"):
        held |= set(json.loads(digest.read_text())["inputs"]["ids"])
    # SummEval ids carry the CNN/DM hash that FRANK uses bare
    hashes = {h.rsplit("-", 1)[-1] for h in held if len(h) > 40}
    for spec in load_specs():
        assert spec["id"] not in held, spec["id"]
        assert spec["id"].rsplit("-", 1)[-1] not in hashes, spec["id"]


def test_the_checker_agrees_with_every_note() -> None:
    wrong = [
        (s["id"], s["note"], s["polarity"])
        for s in load_specs()
        if polarity(s["note"]) != (1 if s["polarity"] == "positive" else -1)
    ]
    assert wrong == []


def test_a_malformed_case_is_named(tmp_path: Path) -> None:
    data = json.loads(DATA.read_text())
    data["cases"][3]["polarity"] = "neutral"
    bad = tmp_path / "cases.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(CaseError, match=data["cases"][3]["id"]):
        load_specs(bad)


@needs_corpus
def test_every_case_loads_and_its_sha1_verifies(cases: list[PolarityCase]) -> None:
    assert len(cases) == len(load_specs())
    for case in cases:
        assert case.text[case.start : case.end] == case.sentence
        assert case.article().text  # ingests as briefs would


@needs_corpus
def test_a_sha1_mismatch_is_an_error_naming_the_case(tmp_path: Path) -> None:
    assert CORPUS is not None
    data = json.loads(DATA.read_text())
    data["cases"][5]["start"] += 1
    bad = tmp_path / "cases.json"
    bad.write_text(json.dumps(data))
    spec = data["cases"][5]
    with pytest.raises(CaseError, match=f"{spec['id']}@{spec['start']}: sha1 mismatch"):
        load_cases(CORPUS, bad)


def _brief(case: PolarityCase, actor: str, stance: str, *, cover: bool = True) -> Brief:
    text = case.article().text
    start = sentence_span(case, text)[0] if cover else len(text) // 2
    end = start + 10
    far = 0 if start > len(text) // 2 else len(text) - 5  # evidence off the sentence
    other = Evidence(quote=text[far : far + 5], start=far, end=far + 5)
    evidence = [other, Evidence(quote=text[start:end], start=start, end=end)]
    return Brief(
        id=case.id,
        summary="s",
        actors=[Actor(name=actor, kind="other")],
        positions=[Position(actor=actor, stance=f"Something else; {stance}", evidence=evidence)],
    )


@needs_corpus
def test_check_brief_against_case_finds_flips(cases: list[PolarityCase]) -> None:
    greece = next(c for c in cases if c.actor == "Greece")
    assert greece.sentence.startswith("Greece has denied it will fail to pay")  # issue #10

    kept = check_brief_against_case(
        _brief(greece, "Greece", "Denied that it will fail to repay the IMF loan"), greece
    )
    assert (kept.found, kept.actor_correct, kept.kept, kept.flipped) == (True, True, True, False)
    assert kept.stances == ("Denied that it will fail to repay the IMF loan",)

    flipped = check_brief_against_case(
        _brief(greece, "Athens", "It will fail to pay a multi-million pound loan"), greece
    )
    assert (flipped.found, flipped.actor_correct, flipped.flipped) == (True, True, True)

    wrong_actor = check_brief_against_case(
        _brief(greece, "IMF", "It will fail to pay the loan"), greece
    )
    assert (wrong_actor.found, wrong_actor.actor_correct, wrong_actor.kept) == (True, False, None)
    assert not wrong_actor.flipped  # another actor's stance is not judged
    assert wrong_actor.actors == ("IMF",)

    missed = check_brief_against_case(_brief(greece, "Greece", "x", cover=False), greece)
    assert (missed.found, missed.kept, missed.flipped) == (False, None, False)


@needs_corpus
def test_a_faithful_stance_keeps_every_case(cases: list[PolarityCase]) -> None:
    for case in cases:
        result = check_brief_against_case(_brief(case, case.actor, case.note), case)
        assert result.actor_correct and result.kept, case.key


class _OneStance(Backend):
    """A backend that gives the Greece case sentence to Greece with a fixed stance."""

    name = "one-stance"

    def __init__(self, case: PolarityCase, stance: str) -> None:
        self.case, self.stance, self.calls = case, stance, 0

    def generate(self, article: Article) -> Draft:
        self.calls += 1
        start, end = sentence_span(self.case, article.text)
        quote = Evidence(quote=article.text[start:end], start=start, end=end)
        return Draft(
            summary="s",
            actors=[Actor(name="Greece", kind="country")],
            positions=[Position(actor="Greece", stance=self.stance, evidence=[quote])],
        )


@needs_corpus
def test_run_backend_is_the_one_line_gate(cases: list[PolarityCase]) -> None:
    greece = [c for c in cases if c.id == "0acf50911732154986d754da646757b7c42508cc"]
    assert len(greece) >= 2  # one article, several cases: briefed once
    first = greece[0]
    flipping = _OneStance(first, "It will fail to pay a multi-million pound loan")
    results = run_backend(greece, flipping)
    assert flipping.calls == 1
    assert [r.key for r in results if r.flipped] == [first.key]
    faithful = _OneStance(first, "Denied that it will fail to pay the loan")
    assert [r.key for r in run_backend(greece, faithful) if r.flipped] == []
