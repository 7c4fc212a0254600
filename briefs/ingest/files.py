"""Opening and reading input files: regular files only, every read bounded.

- Only regular files are read. A named pipe, socket, character or block device
  (or a link to one) is refused from its ``stat`` before anything opens it, so a
  pipe with no writer cannot block and a device is never touched. The file is then
  opened with ``O_NONBLOCK`` and its *opened* descriptor is checked again with
  ``fstat``: if it was swapped for something else in between, it is still refused,
  and opening it returns at once.
- No read trusts the size ``stat`` reports (0 for devices and ``/proc`` files): a
  file is read up to ``max_bytes + 1`` bytes and refused if that last byte exists;
  a JSONL line the same way, the rest of a too-long line skipped in 64 KiB chunks.
  Memory per file stays within ``max_bytes + 1`` whatever the input.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from briefs.errors import InputTooLarge, NotRegularFile

__all__ = [
    "OTHER_FILE_MAX_BYTES",
    "SKIP_CHUNK",
    "check_regular",
    "iter_lines",
    "kind_of",
    "open_regular",
    "read_file",
    "read_limited",
]

SKIP_CHUNK = 64 * 1024
OTHER_FILE_MAX_BYTES = 64 * 1024 * 1024  # briefs, eval reports, thresholds: not articles

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISLNK, "a symbolic link"),
)


class Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...

    def readline(self, size: int = ..., /) -> bytes: ...


def kind_of(mode: int) -> str:
    """'a named pipe', 'a socket', ... for a ``st_mode`` that is not a regular file."""
    return next((name for test, name in _KINDS if test(mode)), "not a file")


def _refuse(source: str, mode: int, link: bool) -> NotRegularFile:
    kind = kind_of(mode)
    return NotRegularFile(source, f"not a regular file ({'a link to ' if link else ''}{kind})")


def check_regular(path: Path, source: str, *, follow: bool = True) -> None:
    """Raise NotRegularFile unless ``path`` is a regular file (no open, no read)."""
    try:
        info = os.stat(path, follow_symlinks=follow)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotRegularFile(source, "not a regular file (a symlink loop)") from None
        raise
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(source, info.st_mode, follow and path.is_symlink())


def open_regular(path: Path, source: str, *, follow: bool = True) -> BinaryIO:
    """``path`` opened for reading without blocking, if and only if it is a regular file.

    ``follow=False`` adds ``O_NOFOLLOW``: a symbolic link in the last component is
    refused instead of followed (used for files found while walking a folder, whose
    links discovery has already resolved and checked).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            reason = "a symlink loop" if follow else "a symbolic link"
            raise NotRegularFile(source, f"not a regular file ({reason})") from None
        if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise NotRegularFile(source, "not a regular file (a socket or device)") from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _refuse(source, mode, False)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(handle: Readable, max_bytes: int, source: str, size: int | None = None) -> bytes:
    """All of ``handle``, asking for at most ``max_bytes + 1`` bytes in all.

    ``size`` (from ``fstat``) only lets an obviously large file fail without a read;
    it is never trusted to be small.
    """
    if size is not None and size > max_bytes:
        raise InputTooLarge(source, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
    data = bytearray()
    while len(data) <= max_bytes:
        chunk = handle.read(max_bytes + 1 - len(data))
        if not chunk:
            return bytes(data)
        data += chunk
    raise InputTooLarge(source, f"file is over the {max_bytes:,}-byte limit")


def iter_lines(handle: Readable, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each line; ``None`` for a line over ``max_bytes`` bytes.

    The limit counts the line without its line ending. A too-long line is never
    held: its first ``max_bytes + 2`` bytes are read, the rest skipped in chunks.
    """
    lineno = 0
    while True:
        line = handle.readline(max_bytes + 2)
        if not line:
            return
        lineno += 1
        if len(line.rstrip(b"\r\n")) <= max_bytes:
            yield lineno, line
            continue
        ended = line.endswith(b"\n")
        del line
        while not ended:
            rest = handle.readline(SKIP_CHUNK)
            ended = not rest or rest.endswith(b"\n")
        yield lineno, None


def read_file(path: Path, max_bytes: int = OTHER_FILE_MAX_BYTES) -> bytes:
    """The bytes of ``path`` (links followed) if it is a regular file of at most ``max_bytes``.

    For the files briefs reads that are not articles (briefs on disk, eval reports,
    thresholds): the same rules, raising NotRegularFile, InputTooLarge or OSError.
    """
    source = str(path)
    check_regular(path, source)
    with open_regular(path, source) as handle:
        return read_limited(handle, max_bytes, source, size=os.fstat(handle.fileno()).st_size)
