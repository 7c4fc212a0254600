from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Tests never touch the user's caches (briefs' SQLite cache, tiktoken's files).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="briefs-test-cache-")
os.environ.pop("TIKTOKEN_CACHE_DIR", None)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REFERENCES = ROOT / "evals" / "references"
SEED_ID = "000_69c10cbc4915efea"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEEDS / f"{SEED_ID}.txt"


@pytest.fixture(scope="session")
def seed_articles():
    from briefs.ingest import iter_articles
    from briefs.schema import Article

    items = list(iter_articles([SEEDS]))
    assert all(isinstance(a, Article) for a in items), items
    return items


@pytest.fixture(scope="session")
def seed_briefs(seed_articles):
    from briefs import generate_brief

    return {a.id: (a, generate_brief(a)) for a in seed_articles}


@pytest.fixture(scope="session")
def references():
    from briefs.schema import Brief

    return {
        p.stem: Brief.model_validate(json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(REFERENCES.glob("*.json"))
    }


@pytest.fixture()
def articles(tmp_path, seeds_dir) -> Path:
    """The seed articles and 12 made-up ones, plus one empty file (an input error):
    27 briefs and 1 failure, for the executors' tests."""
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    for i in range(12):
        (folder / f"a{i:03d}.txt").write_text(
            f"Plan {i} stalls\ndate 2024-01-{1 + i:02d}\n\n"
            f"Transport Minister Ana Ruiz said on Monday that plan {i} would be delayed. "
            f"The union rejected the delay and warned of strikes. Talks resume in May.\n"
        )
    (folder / "empty.txt").write_text("")
    return folder
