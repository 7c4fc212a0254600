"""The summary metric (``summary.score``) and the meta-evaluation's correlation code."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest
from rouge_score import rouge_scorer

from briefs.evaluate import score_brief
from briefs.evaluate.summary_metric import (
    SUMMARY_WEIGHTS,
    summary_components,
    summary_score,
    unigram_f,
)
from briefs.schema import Brief

ROOT = Path(__file__).resolve().parent.parent


def _meta_eval():
    spec = importlib.util.spec_from_file_location("meta_eval", ROOT / "benchmarks/meta_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["meta_eval"] = module
    spec.loader.exec_module(module)
    return module


def test_golden_numbers_by_hand():
    # tokens: summary [the cat sat], reference [the cat ran], article [the cat sat on the mat]
    # reference: ROUGE-1 F, 2 shared of 3 and 3 -> P = R = F = 2/3
    # salience: content words (the, on are stop words) {cat, sat} vs {cat, sat, mat}:
    #           cosine = 2 / (sqrt(2) * sqrt(3)) = 2 / sqrt(6)
    # support: LCS(the cat sat, the cat sat on the mat) = 3, over 3 summary tokens = 1
    parts = summary_components("The cat sat.", ["The cat ran."], "The cat sat on the mat.")
    assert parts.reference == pytest.approx(2 / 3)
    assert parts.salience == pytest.approx(2 / math.sqrt(6))
    assert parts.support == pytest.approx(1.0)
    # 0.60 * 2/3 + 0.25 * 2/sqrt(6) + 0.15 * 1 = 0.4 + 0.204124 + 0.15
    assert summary_score("The cat sat.", ["The cat ran."], "The cat sat on the mat.") == (
        pytest.approx(0.754124, abs=1e-6)
    )
    assert sum(SUMMARY_WEIGHTS.values()) == pytest.approx(1.0)


def test_reference_part_is_rouge1_averaged_over_references():
    # mean of two ROUGE-1 F: "a b c d" vs "a b x y" (F 1/2) and vs "a b c d" (F 1)
    parts = summary_components("a b c d", ["a b x y", "a b c d", "  "], "a b c d")
    assert parts.reference == pytest.approx(0.75)  # the blank reference is ignored
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    for summary, ref in [
        (
            "Ministers said the talks were collapsing on Tuesday.",
            "The talks collapsed, ministers say.",
        ),
        ("paul merson 's row with townsend", "Paul Merson and Andros Townsend are in a row."),
    ]:
        assert unigram_f(summary, ref) == pytest.approx(
            scorer.score(ref, summary)["rouge1"].fmeasure
        )


def test_support_order_and_reordering():
    # LCS keeps order: "mat the on sat cat the" against "the cat sat on the mat": the
    # longest in-order run is "the on the" (3 of 6 summary tokens)
    article = "The cat sat on the mat."
    assert summary_components("the mat", [], article).support == 1.0
    assert summary_components("mat the on sat cat the", [], article).support == pytest.approx(3 / 6)


def test_empty_summary_and_no_references():
    parts = summary_components("", ["A reference."], "An article.")
    assert (parts.reference, parts.salience, parts.support) == (0.0, 0.0, 0.0)
    assert summary_components("An article.", [], "An article.").reference == 0.0


ARTICLE = (
    "Prime Minister Jane Doe said on Monday that 40 jobs would go at the Leeds plant. "
    "Unions called the cuts a betrayal and promised a strike ballot."
)
REFS = ["Jane Doe announced 40 job cuts at the Leeds plant; unions plan a strike ballot."]


@pytest.mark.parametrize(
    "changed",
    [
        "Jane Roe said 40 jobs would go at the Leeds plant; unions promised a strike ballot.",
        "Jane Doe said 90 jobs would go at the Leeds plant; unions promised a strike ballot.",
        "Jane Doe said 40 jobs would go at the Bristol plant; unions promised a strike ballot.",
    ],
)
def test_an_unsupported_name_or_number_lowers_the_score(changed):
    good = "Jane Doe said 40 jobs would go at the Leeds plant; unions promised a strike ballot."
    before, after = (
        summary_components(good, REFS, ARTICLE),
        summary_components(changed, REFS, ARTICLE),
    )
    assert after.support < before.support
    assert summary_score(changed, REFS, ARTICLE) < summary_score(good, REFS, ARTICLE)
    # also when the references never mention it: the article alone catches it
    assert summary_score(changed, ["Unions plan a strike ballot."], ARTICLE) < summary_score(
        good, ["Unions plan a strike ballot."], ARTICLE
    )


def test_off_topic_summary_scores_lower_without_any_reference():
    on_topic = "Jane Doe said 40 jobs would go at the Leeds plant."
    off_topic = "The weather in Leeds was mild on Monday."
    assert (
        summary_components(off_topic, [], ARTICLE).salience
        < summary_components(on_topic, [], ARTICLE).salience
    )


def test_score_brief_reports_summary_score_only_with_the_article():
    ref = Brief(id="x", summary=REFS[0])
    brief = Brief(id="x", summary="Jane Doe said 40 jobs would go at the Leeds plant.")
    with_text = score_brief(brief, ref, text=ARTICLE).fields
    assert with_text["summary.score"] == pytest.approx(summary_score(brief.summary, REFS, ARTICLE))
    assert score_brief(brief, ref).fields["summary.score"] is None  # like grounding


def test_summary_level_correlation_on_toy_cases():
    meta = _meta_eval()
    perfect = meta.summary_level([[1, 2, 3, 4]], [[1, 2, 3, 4]])
    assert (perfect.tau, perfect.rho, perfect.used, perfect.skipped) == (1.0, 1.0, 1, 0)
    # one swapped pair of 4: tau = (5 - 1) / 6; rho = 1 - 6 * (1 + 1) / (4 * 15) = 0.8
    one_swap = meta.summary_level([[1, 2, 3, 4]], [[1, 3, 2, 4]])
    assert one_swap.tau == pytest.approx(4 / 6) and one_swap.rho == pytest.approx(0.8)
    # averaged over articles; constant scores are skipped, not counted as 0
    mixed = meta.summary_level(
        [[1, 2, 3, 4], [1, 2, 3, 4], [2, 2, 2, 2]], [[1, 2, 3, 4], [4, 3, 2, 1], [1, 2, 3, 4]]
    )
    assert (mixed.tau, mixed.rho, mixed.used, mixed.skipped) == (0.0, 0.0, 2, 1)
    # ties: tau-b, as scipy computes it (x has one tie: tau_b = 5 / sqrt(6 * 5) for this y)
    tied = meta.summary_level([[1, 1, 2, 3]], [[1, 2, 3, 4]])
    assert tied.tau == pytest.approx(5 / math.sqrt(5 * 6))


def test_meta_eval_reads_summeval_when_present():
    path = ROOT.parent / "shared/corpus/summeval/summeval_grouped.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpus is absent on this machine")
    meta = _meta_eval()
    records = meta.load(path)
    assert len(records) == 100 and all(len(r.summaries) == 16 for r in records)
    assert all(len(r.references) == 11 for r in records)
    tune = [r for r in records if meta.in_split(r, "tune")]
    held = [r for r in records if meta.in_split(r, "held-out")]
    assert len(tune) == len(held) == 50 and not {r.index for r in tune} & {r.index for r in held}


def test_paired_bootstrap_interval():
    meta = _meta_eval()
    same = meta.paired_bootstrap([0.5, 0.2, None], [0.5, 0.2, 0.1])
    assert same == (0.0, 0.0, 0.0)  # no difference, and the skipped article is left out
    diff, low, high = meta.paired_bootstrap([0.3, 0.5, 0.4, 0.6], [0.1, 0.2, 0.3, 0.2])
    assert diff == pytest.approx(0.25) and 0.1 <= low <= diff <= high <= 0.4
