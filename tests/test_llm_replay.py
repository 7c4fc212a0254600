"""The LLM path is lossless for a perfect answer.

Every reference brief in evals/ is given, in the reply schema, as a fake chat model's
answer to its article (``benchmarks/llm_replay.py``: one call per article; evidence is
quoted verbatim from the article, one sentence per item: for an actor the first
sentence naming it, for a position the sentence most similar to the stance among
those naming its actor, for an issue the sentence most similar to the issue). The
briefs that come out of prompt, parsing, repair and grounding are scored by the
eval against the same references: every field must be 1.0 for every article.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from llm_replay import replay_sets, run_set  # noqa: E402

SETS = {name: (paths, refs) for name, paths, refs in replay_sets(ROOT)}


@pytest.mark.parametrize("name", ["seeds", "external"])
def test_a_perfect_answer_scores_one_on_every_field(name):
    if name not in SETS:
        pytest.skip("the external references' corpus is not on this machine")
    paths, refs = SETS[name]
    report, errors, chat = run_set(paths, refs)
    assert errors == [] and report.missing == []
    assert len(report.articles) == len(list(refs.glob("*.json")))
    assert sorted(chat.calls.values()) == [1] * len(report.articles)  # one call per article
    for article in report.articles:
        lost = {k: v for k, v in article.fields.items() if v != 1.0}
        assert lost == {}, f"{article.id}: {lost}"
    for brief in report.briefs.values():
        assert brief.meta.attempts == 1
        assert brief.meta.tokens_in and brief.meta.tokens_out
