"""Which files a run reads: paths named, and files found by walking folders.

The link rules:

- A path named on the command line (or passed to the API) is followed wherever
  it points: naming it is consent.
- While walking a folder, a symbolic link is resolved. A link to something that
  is not a regular file is refused as such ("not a regular file"), wherever it
  points; a link that resolves outside the folder being walked is refused
  ("outside the input folder"); a symlink loop, and a linked folder already read,
  are refused ("symlink loop"). A link inside the folder is read under its own
  name, the resolved target opened with ``O_NOFOLLOW``; a plain file found while
  walking is opened with ``O_NOFOLLOW`` too, so a file swapped for a link after
  the walk saw it is refused, not followed.
- Hidden files and folders (name starting with ``.``) are skipped. Within a
  folder, its files come first (sorted), then its sub-folders (sorted).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefs.errors import InputError, NotRegularFile, OutsideInput

__all__ = ["Found", "discover"]


@dataclass(frozen=True)
class Found:
    """A file to read: ``path`` names it (source, id); ``target`` is what is opened."""

    path: Path
    target: Path
    follow: bool = True  # False: open ``target`` with O_NOFOLLOW


def discover(paths: Iterable[str | Path]) -> Iterator[Found | InputError]:
    """Files named, and files under folders named, in a stable order; errors in line."""
    for given in paths:
        path = Path(given)
        try:
            is_dir = os.path.isdir(os.path.realpath(path, strict=True))
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                yield NotRegularFile(str(path), "not a regular file (a symlink loop)")
            elif os.path.lexists(path):
                yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
            else:
                yield InputError(str(path), "no such file or directory")
            continue
        if is_dir:
            root = Path(os.path.realpath(path))
            yield from _walk(path, root, set(), frozenset())
        else:  # a file, or something that is not one: the reader decides
            yield Found(path, path)


def _walk(
    folder: Path, root: Path, seen: set[tuple[int, int]], above: frozenset[tuple[int, int]]
) -> Iterator[Found | InputError]:
    try:
        info = os.stat(folder)
    except OSError as exc:
        yield InputError(str(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    key = (info.st_dev, info.st_ino)
    if key in above:  # a link back to a folder on the way down
        yield NotRegularFile(str(folder), "symlink loop, folder already read")
        return
    if key in seen:
        yield InputError(str(folder), "folder already read through another link")
        return
    seen.add(key)
    try:
        with os.scandir(folder) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(str(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    folders: list[Path] = []
    for entry in entries:
        path = Path(entry.path)
        if entry.is_symlink():
            item = _link(path, root)
            if isinstance(item, Path):
                folders.append(path)
            else:
                yield item
        elif entry.is_dir(follow_symlinks=False):
            folders.append(path)
        else:
            yield Found(path, path, follow=False)
    for sub in folders:
        yield from _walk(sub, root, seen, above | {key})


def _link(path: Path, root: Path) -> Found | InputError | Path:
    """What a link found while walking stands for: a file, an error, or a folder (Path)."""
    try:
        target = Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return NotRegularFile(str(path), "not a regular file (a symlink loop)")
        target = Path(os.path.realpath(path))  # dangling: reported when it is opened
        if not target.is_relative_to(root):
            return OutsideInput(str(path), f"link to {target}, outside the input folder")
        return Found(path, path)
    if target.is_dir():
        if target.is_relative_to(root):
            return path
        return OutsideInput(str(path), f"link to {target}, outside the input folder")
    if target.is_file() and not target.is_relative_to(root):
        return OutsideInput(str(path), f"link to {target}, outside the input folder")
    return Found(path, target, follow=False)  # regular inside, or refused when read
