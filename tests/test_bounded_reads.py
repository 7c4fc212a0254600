"""Every read is bounded by --max-bytes + 1, whatever the size stat reports.

A fake file that never ends (like a device or a pipe whose stat says 0) records
what the reader asks for; real sparse files stand in for huge inputs on disk.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from briefs.errors import InputError, InputTooLarge
from briefs.ingest import iter_articles, read_path
from briefs.ingest.files import SKIP_CHUNK, iter_lines, read_limited
from briefs.schema import Article


class EndlessFile:
    """Reads like a file that never ends (its size, if asked, would be 0)."""

    def __init__(self, line_length: int | None = None) -> None:
        self.line_length = line_length  # a "\n" after this many bytes, then more lines
        self.asks: list[int] = []
        self.given = 0

    def _next(self, size: int) -> bytes:
        if self.line_length is None:
            chunk = b"x" * size
        else:
            left = self.line_length - self.given % (self.line_length + 1)
            chunk = b"\n" if left == 0 else b"x" * min(size, left)
        self.given += len(chunk)
        return chunk

    def read(self, size: int = -1, /) -> bytes:
        assert size >= 0, "an unbounded read"
        self.asks.append(size)
        return self._next(min(size, 4096))  # short reads, like a pipe

    def readline(self, size: int = -1, /) -> bytes:
        assert size >= 0, "an unbounded readline"
        self.asks.append(size)
        line = b""
        while len(line) < size and not line.endswith(b"\n"):
            line += self._next(size - len(line))
        return line


def test_read_asks_for_at_most_max_bytes_plus_one():
    endless = EndlessFile()
    with pytest.raises(InputTooLarge, match="file is over the 10,000-byte limit"):
        read_limited(endless, 10_000, "endless.txt", size=0)  # stat said 0: not trusted
    assert endless.given == 10_001
    assert max(endless.asks) <= 10_001


def test_a_small_file_is_read_whole(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    with path.open("rb") as handle:
        assert read_limited(handle, 100, str(path)) == b"x" * 100
    with path.open("rb") as handle, pytest.raises(InputTooLarge):
        read_limited(handle, 99, str(path))


def test_a_huge_file_fails_on_its_size_without_a_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(10_000_000_000)  # sparse: 10 GB that take no disk
    (error,) = read_path(path)
    assert isinstance(error, InputTooLarge)
    assert error.reason == "file is 10,000,000,000 bytes, over the 2,000,000-byte limit"


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="needs Linux /proc")
def test_a_file_whose_size_lies_is_still_bounded(tmp_path):
    """/proc files are regular files that stat says are 0 bytes long."""
    (tmp_path / "maps.txt").symlink_to("/proc/self/maps")
    (error,) = read_path(tmp_path / "maps.txt", max_bytes=100)
    assert isinstance(error, InputTooLarge)
    assert error.reason == "file is over the 100-byte limit"


def test_jsonl_lines_are_read_with_a_bound():
    endless = EndlessFile(line_length=50_000)
    lines = iter_lines(endless, 1_000)
    assert [next(lines) for _ in range(3)] == [(1, None), (2, None), (3, None)]
    assert max(endless.asks) <= max(1_002, SKIP_CHUNK)


def test_jsonl_line_at_the_limit_is_kept_one_over_is_not():
    good = json.dumps({"id": "ok", "text": "The minister said the plan would fail."})
    limit = len(good)
    data = (good + "\r\n" + good + " \n" + good).encode()

    got = list(iter_lines(io.BytesIO(data), limit))
    assert [(n, line is not None) for n, line in got] == [(1, True), (2, False), (3, True)]


def test_jsonl_with_a_huge_line_goes_on_at_the_next(tmp_path):
    path = tmp_path / "feed.jsonl"
    record = json.dumps({"text": "The minister said the plan would fail."})
    with path.open("wb") as handle:
        handle.write(record.encode() + b"\n")
        handle.write(b'{"text": "')
        handle.seek(50_000_000, 1)  # a sparse 50 MB run of NUL bytes, no newline
        handle.write(b'"}\n' + record.encode() + b"\n")
    items = list(iter_articles([path], max_bytes=1_000))
    assert [i.id if isinstance(i, Article) else i.source for i in items] == [
        "feed-1",
        f"{path}:2",
        "feed-3",
    ]
    error = items[1]
    assert isinstance(error, InputTooLarge)
    assert str(error) == f"{path}:2: line is over the 1,000-byte limit"


def test_json_file_is_bounded_as_a_whole(tmp_path):
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"text": "The minister said the plan would fail. " * 100}))
    (error,) = read_path(path, max_bytes=1_000)
    assert isinstance(error, InputError) and "over the 1,000-byte limit" in error.reason
    (article,) = read_path(path, max_bytes=10_000)
    assert isinstance(article, Article)
