"""The rules backend briefs real articles without an internal error.

A rule that assumes what an earlier stage found ("an institution mention names an
institution of the lexicon") can fail on one article in a thousand; the whole batch
still completes, but that article gets no brief. A seeded sample of 150 corpus
articles, from every source, is briefed on each run (the full 2,826 were briefed
once per round with `briefs generate`).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from polarity_cases import default_corpus_root

from briefs.backends.rules import RulesBackend
from briefs.ingest import iter_articles

CORPUS = default_corpus_root()
SAMPLE = 150


@pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is absent")
def test_a_sample_of_real_articles_briefs_without_error(tmp_path: Path) -> None:
    assert CORPUS is not None
    records = []
    for path in sorted(CORPUS.glob("*/*.jsonl")):
        seen: set[str] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["id"] not in seen and record.get("text"):
                seen.add(record["id"])
                records.append({"id": str(record["id"]), "text": record["text"]})
    sample = random.Random(20261203).sample(records, SAMPLE)
    batch = tmp_path / "sample.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in sample), encoding="utf-8")
    articles = list(iter_articles([batch]))
    results = RulesBackend().generate_many(articles)
    failed = [(a.id, r) for a, r in zip(articles, results, strict=True) if isinstance(r, Exception)]
    assert failed == []
    assert all(r.actors or r.summary for r in results if not isinstance(r, Exception))
