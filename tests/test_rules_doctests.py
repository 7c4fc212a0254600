"""Every example in a docstring of the rules backend is also a test (doctest)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import briefs.backends.rules as rules

MODULES = sorted(
    {rules.__name__} | {f"{rules.__name__}.{m.name}" for m in pkgutil.iter_modules(rules.__path__)}
)


def _examples(name: str) -> int:
    finder = doctest.DocTestFinder()
    return sum(len(t.examples) for t in finder.find(importlib.import_module(name)))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


def test_the_rules_carry_docstring_examples():
    # the rules that decide meaning show their example sentences as runnable examples
    for name in ("document", "polarity", "entities", "stances", "wordbook", "names"):
        assert _examples(f"{rules.__name__}.{name}") >= 1, name
