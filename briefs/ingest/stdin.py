"""``-`` as an input: one article read from standard input, with a bounded read.

What comes in is recognised by its first characters, not by a file name:
a JSON object (``{...}`` with ``text`` and optional ``id``, ``title``, ``date``)
is read as a ``.json`` file; an HTML page (``<!doctype``, ``<html``, or any text
starting with ``<``) as a ``.html`` file; anything else as a ``.txt``/``.md`` file
(front matter, headline line, ``date`` header). The id is the JSON record's ``id``,
else ``stdin``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import BinaryIO

from briefs.errors import InputError, InputTooLarge
from briefs.ingest.decode import decode_bytes
from briefs.ingest.readers import read_html, read_json, read_text
from briefs.schema import Article

__all__ = ["STDIN", "STDIN_ID", "is_stdin", "read_stdin"]

STDIN = "-"
STDIN_ID = "stdin"
SOURCE = "<stdin>"


def is_stdin(given: object) -> bool:
    """Whether an input path is ``-`` (give a file named ``-`` by its full path)."""
    return str(given) == STDIN


def read_stdin(max_bytes: int, stream: BinaryIO | None = None) -> Iterator[Article | InputError]:
    """The article on ``stream`` (standard input by default); at most ``max_bytes``
    are accepted, and at most ``max_bytes + 1`` are read."""
    handle = stream if stream is not None else sys.stdin.buffer
    try:
        data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputTooLarge(SOURCE, f"input is over the {max_bytes:,}-byte limit")
        raw, _ = decode_bytes(data, SOURCE)
        head = raw.lstrip("\ufeff \t\r\n")[:1]
        if head == "{":
            yield from read_json(raw, id=STDIN_ID, source=SOURCE, max_bytes=max_bytes)
        elif head == "<":
            yield read_html(raw, id=STDIN_ID, source=SOURCE)
        else:
            yield read_text(raw, id=STDIN_ID, source=SOURCE)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(SOURCE, f"cannot read: {exc.strerror or exc}")
