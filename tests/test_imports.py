"""Imports run one way: an import graph of ``briefs/`` (read with ``ast``, nothing is
imported) checked against the package's layering rules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "briefs"

# the backends' shared layer: the interface, the registry, the fallback chain
SHARED_BACKEND_MODULES = ("__init__", "base", "registry", "fallback")

NEUTRAL = ("briefs.schema", "briefs.draft", "briefs.errors", "briefs.version", "briefs.text")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path) -> set[str]:
    """The ``briefs`` modules a file imports (``from briefs import x`` counts as the
    package face ``briefs``; relative imports are resolved)."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
    return {m for m in found if m == "briefs" or m.startswith("briefs.")}


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    return {module_name(p, root): imports_of(p, root) for p in sorted(root.rglob("*.py"))}


def within(module: str, *prefixes: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def wing(module: str) -> str | None:
    """``rules`` for briefs.backends.rules.*, ``llm`` for briefs.backends.llm.*."""
    parts = module.split(".")
    if len(parts) < 3 or parts[1] != "backends" or parts[2] in SHARED_BACKEND_MODULES:
        return None
    return parts[2]


def violations(graph: dict[str, set[str]]) -> list[str]:
    bad: list[str] = []
    for module, targets in graph.items():
        for target in sorted(targets):
            edge = f"{module} -> {target}"
            if target == "briefs" and module != "briefs.__main__":
                bad.append(f"{edge}: nothing imports the package face")
            elif within(module, "briefs.evaluate") and not within(
                target, "briefs.evaluate", "briefs.ingest.files", *NEUTRAL
            ):
                bad.append(f"{edge}: evaluate reads only the schema and neutral helpers")
            elif within(module, "briefs.text") and not within(target, "briefs.text"):
                bad.append(f"{edge}: text helpers import nothing else from briefs")
            elif within(module, *NEUTRAL) and not within(target, *NEUTRAL):
                bad.append(f"{edge}: neutral modules import only neutral modules")
            elif within(module, "briefs.ingest") and not within(target, "briefs.ingest", *NEUTRAL):
                bad.append(f"{edge}: ingest imports no backend, engine or evaluation")
            elif within(module, "briefs.backends") and within(
                target, "briefs.evaluate", "briefs.engine", "briefs.pipeline", "briefs.story"
            ):
                bad.append(f"{edge}: backends import no evaluation, engine or pipeline")
            elif (
                within(module, "briefs.backends")
                and within(target, "briefs.backends")
                and wing(target) not in (None, wing(module))
            ):
                bad.append(f"{edge}: no backend imports another backend")
            elif within(module, "briefs.grounding", "briefs.render") and within(
                target, "briefs.backends", "briefs.engine", "briefs.pipeline"
            ):
                bad.append(f"{edge}: grounding and render come before the engine")
    return bad


def test_the_package_imports_run_one_way() -> None:
    graph = import_graph()
    assert "briefs.evaluate.report" in graph and "briefs.backends.llm.backend" in graph
    assert violations(graph) == []


@pytest.mark.parametrize(
    ("module", "source", "rule"),
    [
        ("evaluate/planted.py", "from briefs.engine import generate_batch\n", "evaluate"),
        ("evaluate/planted.py", "from ..pipeline import generate_brief\n", "evaluate"),
        ("backends/llm/planted.py", "from briefs.backends.rules import x\n", "another"),
        ("backends/llm/planted.py", "import briefs.evaluate.names\n", "backends import"),
        ("cache.py", "from briefs import __version__\n", "package face"),
        ("ingest/planted.py", "from briefs.backends.base import Backend\n", "ingest"),
        ("text/planted.py", "from briefs.schema import Brief\n", "text helpers"),
        ("grounding.py", "from briefs.backends.base import Draft\n", "grounding"),
    ],
)
def test_a_planted_violation_is_caught(tmp_path: Path, module: str, source: str, rule: str) -> None:
    root = tmp_path / "briefs"
    for name in ("engine.py", "pipeline.py", "schema.py", "backends/rules/__init__.py"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x = 1\n")
    planted = root / module
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_text(source)
    found = violations(import_graph(root))
    assert len(found) == 1 and rule in found[0], found
    planted.write_text("from briefs.schema import Brief\n" if "text" not in module else "")
    assert violations(import_graph(root)) == []
