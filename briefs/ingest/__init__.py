"""Ingest: paths in, Articles (or the InputError saying why not) out.

Files are found recursively under folders (``paths``: the link rules), checked to
be regular files and read with a bound (``files``), one at a time (JSONL line by
line), so a run over many articles, or over one endless input, keeps memory
bounded.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from briefs.errors import InputError, InputTooLarge, UnsupportedFormat
from briefs.ingest.decode import decode_bytes
from briefs.ingest.files import check_regular, iter_lines, open_regular, read_file, read_limited
from briefs.ingest.paths import Found, discover
from briefs.ingest.readers import read_html, read_json, read_jsonl_line, read_text
from briefs.schema import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Found",
    "article_from_text",
    "discover",
    "iter_articles",
    "read_file",
    "read_path",
]

DEFAULT_MAX_BYTES = 2_000_000
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")


def read_path(
    path: Path | Found, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputError]:
    """The articles in one file; errors are yielded, not raised, so a batch goes on.

    A ``Path`` is followed if it is a link; a ``Found`` (from :func:`discover`)
    says what to open for a file met while walking a folder. Only a regular file is opened, without
    blocking; at most ``max_bytes + 1`` bytes are read (per line for JSONL).
    """
    found = path if isinstance(path, Found) else Found(Path(path), Path(path))
    source = str(found.path)
    suffix = found.path.suffix.lower()
    try:
        check_regular(found.path, source, follow=found.follow or found.path != found.target)
        if suffix not in SUPPORTED_SUFFIXES:
            raise UnsupportedFormat(
                source,
                f"unsupported file type {suffix or '(none)'!r}; "
                f"supported: {', '.join(SUPPORTED_SUFFIXES)}",
            )
        with open_regular(found.target, source, follow=found.follow) as handle:
            if suffix == ".jsonl":
                yield from _read_jsonl(handle, found.path, max_bytes)
                return
            data = read_limited(handle, max_bytes, source, size=os.fstat(handle.fileno()).st_size)
        raw, _ = decode_bytes(data, source)
        del data
        if suffix in (".html", ".htm"):
            yield read_html(raw, id=found.path.stem, source=source)
        elif suffix == ".json":
            yield from read_json(raw, id=found.path.stem, source=source, max_bytes=max_bytes)
        else:
            yield read_text(raw, id=found.path.stem, source=source)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a reader bug must fail this file, not the batch
        yield InputError(source, f"cannot read: {type(exc).__name__}: {exc}".splitlines()[0])


def _read_jsonl(handle: BinaryIO, path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    source = str(path)
    for lineno, line in iter_lines(handle, max_bytes):
        where = f"{source}:{lineno}"
        if line is None:
            yield InputTooLarge(where, f"line is over the {max_bytes:,}-byte limit")
            continue
        if not line.strip():
            continue
        try:
            text, _ = decode_bytes(line, where)
            yield read_jsonl_line(
                text, stem=path.stem, lineno=lineno, source=source, max_bytes=max_bytes
            )
        except InputError as exc:
            yield exc


def iter_articles(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputError]:
    """Every article under ``paths``, in a stable order, errors in line."""
    for item in discover(paths):
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
