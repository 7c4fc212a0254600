"""Content-hash cache of finished briefs, in SQLite (safe when runs share it).

Key: sha256 over the normalised article text, the backend (name, model, prompt
version; for a fallback ladder every rung), the schema version, briefs' version
and the grounding mode. A rerun over unchanged articles makes no model call.
SQLite in WAL mode with a busy timeout lets two processes read and write the
same cache at once; each write is one transaction.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from pathlib import Path

from briefs.backends.base import Backend
from briefs.schema import SCHEMA_VERSION, Article
from briefs.version import __version__

__all__ = ["BriefCache", "cache_key", "default_cache_path"]


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefs" / "cache.sqlite"


def cache_key(article: Article, backend: Backend, strict_grounding: bool = False) -> str:
    parts = [
        article.text,
        backend.identity(),
        SCHEMA_VERSION,
        __version__,
        "strict" if strict_grounding else "lenient",
    ]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


class BriefCache:
    """``get``/``put`` of brief JSON by key; one connection guarded by a lock."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(
            self.path, timeout=30.0, check_same_thread=False, isolation_level=None
        )
        with self._lock:
            self._db.execute("PRAGMA busy_timeout = 30000")
            self._setup()

    def _setup(self, seconds: float = 30.0) -> None:
        """WAL mode and the table. Switching to WAL needs a moment alone with the file,
        which busy_timeout does not wait for when another run holds it: retry."""
        deadline = time.monotonic() + seconds
        delay = 0.02
        while True:
            try:
                mode = self._db.execute("PRAGMA journal_mode").fetchone()[0]
                if str(mode).lower() != "wal":
                    self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS briefs ("
                    " key TEXT PRIMARY KEY, brief TEXT NOT NULL, created REAL NOT NULL)"
                )
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    def get(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT brief FROM briefs WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def put(self, key: str, brief_json: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO briefs (key, brief, created) VALUES (?, ?, ?)",
                (key, brief_json, time.time()),
            )

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM briefs").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()
