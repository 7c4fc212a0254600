"""Examples in the docstrings of the neutral text helpers (``briefs/text``) and of
ingest (``briefs/ingest``) are tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import briefs.ingest as ingest
import briefs.text as text

MODULES = sorted(
    f"{package.__name__}.{m.name}"
    for package in (text, ingest)
    for m in pkgutil.iter_modules(package.__path__)
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


def test_the_reply_helper_is_shared_by_every_reply_reader():
    # one extraction for the brief parser, the judge and the digest's change labeller
    for name in ("briefs.backends.llm.output", "briefs.judge", "briefs.story.model"):
        module = importlib.import_module(name)
        assert getattr(module, "json_object_text", None) is text.replies.json_object_text, name
