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

from briefs.ingest import iter_articles
from briefs.schema import Article

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from llm_replay import replay_sets, run_set  # noqa: E402

from briefs.evaluate.metrics import score_brief  # noqa: E402
from briefs.evaluate.scores import higher_is_better  # noqa: E402

# fields that judge the summary against the article, not the reference: the reference's
# own summary does not reach 1.0 (or 0) on them
ARTICLE_BASED = ("summary.score", "summary.unsupported")
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
    texts = {b.id: b for b in report.briefs.values()}
    for article in report.articles:
        ref = report.references[article.id]
        best = {k: 1.0 if higher_is_better(k) else 0.0 for k in article.fields}
        itself = score_brief(ref, ref, text=SETS_TEXT[name][article.id]).fields
        for field in ARTICLE_BASED:
            best[field] = itself[field]
        lost = {k: v for k, v in article.fields.items() if v is not None and v != best[k]}
        assert lost == {}, f"{article.id}: {lost}"
        assert article.fields["grounding.exact"] == 1.0 and texts[article.id].summary
    for brief in report.briefs.values():
        assert brief.meta.attempts == 1
        assert brief.meta.tokens_in and brief.meta.tokens_out
