"""The word book: every plain word list of the rules backend, from one data file.

``data/wordbook.json`` holds the lists (speech verbs, titles, cue words, page
furniture, collective nouns, ...). ``lexicon.py`` builds the structured view of the
same file (titles as token sequences, the country gazetteer); this module serves
the plain lists as frozen sets.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["book", "words"]


@lru_cache(maxsize=1)
def book() -> dict[str, Any]:
    """The whole word book (parsed once per process)."""
    data = resources.files("briefs.backends.rules").joinpath("data").joinpath("wordbook.json")
    loaded: dict[str, Any] = json.loads(data.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=64)
def words(name: str) -> frozenset[str]:
    """One list of the word book as a set (``KeyError`` for a list it does not hold).

    >>> "deny" in words("negative_verbs")
    True
    """
    return frozenset(book()[name])
