"""The LLM path is lossless for a perfect answer.

Every reference brief in evals/ is given, in the reply schema, as a fake chat model's
answer to its article (``benchmarks/llm_replay.py``: one call per article; evidence is
quoted verbatim from the article, one sentence per item: for an actor the first
sentence naming it, for a position the sentence most similar to the stance among
those naming its actor, for an issue the sentence most similar to the issue). The
briefs that come out of prompt, parsing, repair and grounding are scored by the
eval against the same references: every field must be at its best for every article,
1.0 (0.0 for the lower-is-better fields, such as ``issues.restated``). One field is
not a comparison with the reference alone: ``summary.score`` weighs the summary's
salience and support in the article, and ``summary.unsupported`` counts its names,
numbers and sentences the article does not support; the references' own summaries
do not reach 1.0 / 0 on them (a hand-written summary paraphrases), so there the
replayed brief must score exactly what its reference does against itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefs.evaluate import evaluate
from briefs.ingest import iter_articles
from briefs.schema import Article

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from llm_replay import losses, replay_sets, run_set  # noqa: E402

SETS = {name: (paths, refs) for name, paths, refs in replay_sets(ROOT)}
SETS_TEXT = {
    name: {a.id: a.text for a in iter_articles(paths) if isinstance(a, Article)}
    for name, (paths, _refs) in SETS.items()
}


@pytest.mark.parametrize("name", ["seeds", "external"])
def test_a_perfect_answer_scores_one_on_every_field(name):
    if name not in SETS:
        pytest.skip("the external references' corpus is not on this machine")
    paths, refs = SETS[name]
    report, errors, chat = run_set(paths, refs)
    assert errors == [] and report.missing == []
    assert len(report.articles) == len(list(refs.glob("*.json")))
    assert sorted(chat.calls.values()) == [1] * len(report.articles)  # one call per article
    assert losses(report, SETS_TEXT[name]) == {}
    for article in report.articles:
        assert article.fields["grounding.exact"] == 1.0
    for brief in report.briefs.values():
        assert brief.meta.attempts == 1
        assert brief.meta.tokens_in and brief.meta.tokens_out


def test_a_lossy_path_would_be_caught():
    """The check itself can fail: a brief that lost a position or an alias-matched actor
    is reported, field by field."""
    paths, refs = SETS["seeds"]
    report, _, _ = run_set(paths, refs)
    some = sorted(report.briefs)[0]
    brief = report.briefs[some]
    lossy = brief.model_copy(update={"positions": brief.positions[:-1]})
    worse = evaluate({**report.briefs, some: lossy}, report.references, texts=SETS_TEXT["seeds"])
    lost = losses(worse, SETS_TEXT["seeds"])
    assert list(lost) == [some]
    assert lost[some]["positions.strict_recall"] < 1.0
