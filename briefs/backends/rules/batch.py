"""Many articles at once: parsed in batches (``nlp.pipe``), optionally in processes.

The parse is most of a rules brief's cost; batching it saves per-call overhead, and
worker processes use more than one core (spaCy does not run threads in parallel).
``RulesBackend.generate_many`` is ``many``; the engine calls it in its worker
processes under ``-j N`` (``briefs.batches``). ``drafts`` is the same over a pool of
its own, for benchmarks and scripts. Each worker loads the model once (a worker
forked after the model was loaded here has it already).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from briefs.backends.base import Backend, Draft
from briefs.backends.rules.document import from_doc, parse_text
from briefs.backends.rules.nlp import parse_many
from briefs.schema import Article

if TYPE_CHECKING:
    from briefs.backends.rules import RulesBackend

__all__ = ["drafts", "many"]

CHUNK = 8  # articles a worker parses in one batch


def many(backend: RulesBackend, articles: Sequence[Article]) -> list[Draft | Exception]:
    """The drafts of ``articles`` from one parse batch; an article that fails has its
    exception in its place. If the batch parse itself fails, each article is parsed
    alone, so the failure stays with the article that caused it."""
    try:
        docs = list(parse_many((parse_text(a.text) for a in articles), backend.entities))
    except Exception:
        return Backend.generate_many(backend, articles)  # generate, one at a time
    out: list[Draft | Exception] = []
    for article, doc in zip(articles, docs, strict=True):
        try:
            out.append(backend.from_document(from_doc(article.text, doc), article))
        except Exception as exc:  # a bug on one article must not sink the batch
            out.append(exc)
    return out


def _chunk(articles: Sequence[Article]) -> list[Draft]:
    from briefs.backends.rules import RulesBackend

    out = []
    for draft in many(RulesBackend(), articles):
        if isinstance(draft, Exception):
            raise draft
        out.append(draft)
    return out


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
