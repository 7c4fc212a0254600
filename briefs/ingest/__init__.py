"""Ingest: paths in, Articles (or the InputError saying why not) out.

Files are found recursively under folders, read one at a time (JSONL line by
line), so a run over many articles keeps memory bounded.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from briefs.errors import InputError, InputTooLarge, UnsupportedFormat
from briefs.ingest.decode import decode_bytes
from briefs.ingest.readers import read_html, read_json, read_jsonl_line, read_text
from briefs.ingest.stdin import is_stdin, read_stdin
from briefs.schema import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "article_from_text",
    "discover",
    "iter_articles",
    "read_path",
]

DEFAULT_MAX_BYTES = 2_000_000
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")


def discover(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named, and files under folders named (sorted, hidden ones skipped)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError(str(path), "not a regular file")
        else:
            yield InputError(str(path), "no such file or directory")


def _walk(folder: Path) -> Iterator[Path | InputError]:
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True, onerror=None):
        stat = os.stat(root)
        key = (stat.st_dev, stat.st_ino)
        if key in seen:  # a symlink loop: do not walk it twice
            dirs[:] = []
            yield InputError(root, "symlink loop, folder already read")
            continue
        seen.add(key)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """The articles in one file; errors are yielded, not raised, so a batch goes on."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield UnsupportedFormat(
            source,
            f"unsupported file type {suffix or '(none)'!r}; "
            f"supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
        return
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(
                source, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit"
            )
        raw, _ = decode_bytes(path.read_bytes(), source)
        if suffix in (".html", ".htm"):
            yield read_html(raw, id=path.stem, source=source)
        elif suffix == ".json":
            yield from read_json(raw, id=path.stem, source=source, max_bytes=max_bytes)
        else:
            yield read_text(raw, id=path.stem, source=source)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a reader bug must fail this file, not the batch
        yield InputError(source, f"cannot read: {type(exc).__name__}: {exc}".splitlines()[0])


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    source = str(path)
    with path.open("rb") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{source}:{lineno}"
            try:
                if len(line) > max_bytes * 2:
                    raise InputTooLarge(where, f"line is over the {max_bytes:,}-byte limit")
                text, _ = decode_bytes(line, where)
                yield read_jsonl_line(
                    text, stem=path.stem, lineno=lineno, source=source, max_bytes=max_bytes
                )
            except InputError as exc:
                yield exc


def iter_articles(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputError]:
    """Every article under ``paths``, in a stable order, errors in line.

    The path ``-`` is one article read from standard input (``briefs.ingest.stdin``).
    """
    for given in paths:
        if is_stdin(given):
            yield from read_stdin(max_bytes)
            continue
        for item in discover([given]):
            if isinstance(item, InputError):
                yield item
            else:
                yield from read_path(item, max_bytes)


def article_from_text(
    text: str, id: str = "article", title: str | None = None, date: str | None = None
) -> Article:
    """An Article from a string (the Python API's entry for raw text)."""
    parsed = read_text(text, id=id, source="<text>")
    return parsed.model_copy(update={"title": title or parsed.title, "date": date or parsed.date})
