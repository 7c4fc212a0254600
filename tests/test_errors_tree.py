"""One error tree: every error is drawn in the docstring, and every leaf is raised."""

from __future__ import annotations

import ast
from pathlib import Path

import briefs.errors as errors

ROOT = Path(__file__).resolve().parent.parent / "briefs"


def error_classes() -> list[type[BaseException]]:
    return [
        v
        for v in vars(errors).values()
        if isinstance(v, type) and issubclass(v, errors.BriefsError)
    ]


def made_somewhere() -> set[str]:
    """Names called (``Name(...)``) anywhere under briefs/ outside errors.py."""
    called: set[str] = set()
    for path in ROOT.rglob("*.py"):
        if path.name == "errors.py" and path.parent == ROOT:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name:
                    called.add(name)
    return called


def test_every_error_is_drawn_in_the_tree() -> None:
    doc = errors.__doc__ or ""
    for cls in error_classes():
        assert f" {cls.__name__} " in doc or f"    {cls.__name__}" in doc, cls.__name__
        assert cls.__name__ in errors.__all__


def test_every_leaf_error_is_raised_somewhere() -> None:
    classes = error_classes()
    leaves = [c for c in classes if not any(o is not c and issubclass(o, c) for o in classes)]
    unused = sorted(c.__name__ for c in leaves if c.__name__ not in made_somewhere())
    assert unused == []


def test_one_class_per_name() -> None:
    names: dict[str, list[str]] = {}
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name.endswith("Error"):
                names.setdefault(node.name, []).append(str(path.relative_to(ROOT)))
    assert {n: p for n, p in names.items() if len(p) > 1} == {}


def test_public_errors_live_in_errors_py() -> None:
    outside = []
    for path in ROOT.rglob("*.py"):
        if path == ROOT / "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            public = isinstance(node, ast.ClassDef) and not node.name.startswith("_")
            if public and node.name.endswith("Error"):
                outside.append(f"{path.relative_to(ROOT)}: {node.name}")
    assert outside == []
