"""Many articles at once: parsed in batches (``nlp.pipe``), optionally in processes.

The parse is most of a rules brief's cost; batching it saves per-call overhead, and
worker processes use more than one core (spaCy does not run threads in parallel).
Each worker loads the model once.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence

from briefs.backends.base import Draft
from briefs.backends.rules.document import from_doc
from briefs.backends.rules.nlp import parse_many
from briefs.schema import Article

__all__ = ["drafts"]

CHUNK = 8  # articles a worker parses in one batch


def _chunk(articles: Sequence[Article]) -> list[Draft]:
    from briefs.backends.rules import RulesBackend

    backend = RulesBackend()
    docs = parse_many(a.text for a in articles)
    return [
        backend.from_document(from_doc(a.text, doc), a)
        for a, doc in zip(articles, docs, strict=True)
    ]


def drafts(articles: Sequence[Article], processes: int = 1) -> Iterator[Draft]:
    """The rules drafts of ``articles``, in order; ``processes`` > 1 parses in that many
    worker processes."""
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    if processes <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from _chunk(chunk)
        return
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for done in pool.imap(_chunk, chunks):
            yield from done
