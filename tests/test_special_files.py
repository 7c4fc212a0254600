"""Only regular files are read: pipes, sockets, devices and odd links are refused.

Each is one error line; nothing blocks (a pipe here has a writer that never
stops, or no writer at all); the rest of the batch completes.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefs.errors import InputError, NotRegularFile, OutsideInput
from briefs.ingest import iter_articles, read_path
from briefs.ingest.files import open_regular
from briefs.schema import Article, Brief

GOOD = "Bridge reopens\n\nThe minister said on Monday that the bridge would reopen in May.\n"


def errors_by_name(items: list[Article | InputError]) -> dict[str, InputError]:
    return {Path(i.source).name: i for i in items if isinstance(i, InputError)}


@pytest.fixture
def endless_pipe(tmp_path) -> Iterator[Path]:
    """A named pipe with a writer thread that never stops writing.

    The test holds a reader end open (so the writer's open returns and its writes
    go on until the pipe is full, then block). Closing that end at teardown makes
    the blocked write fail with EPIPE: the writer stops at a known point, no sleep.
    """
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "pipe.txt"
    os.mkfifo(path)
    keep = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    writing = threading.Event()

    def writer() -> None:
        fd = os.open(path, os.O_WRONLY)
        try:
            while True:
                os.write(fd, b"The minister said. " * 200)  # under PIPE_BUF: the first returns
                writing.set()
        except BrokenPipeError:
            pass
        finally:
            os.close(fd)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    assert writing.wait(60)  # safety bound: the first write returns at once
    try:
        yield path
    finally:
        os.close(keep)
        thread.join(60)
        assert not thread.is_alive()


def test_pipe_with_an_endless_writer_is_refused(endless_pipe):
    (endless_pipe.parent / "good.txt").write_text(GOOD)
    items = list(iter_articles([endless_pipe.parent]))
    assert [i.id for i in items if isinstance(i, Article)] == ["good"]
    error = errors_by_name(items)["pipe.txt"]
    assert isinstance(error, NotRegularFile)
    assert str(error) == f"{endless_pipe}: not a regular file (a named pipe)"
    # named on the command line too
    assert isinstance(next(read_path(endless_pipe)), NotRegularFile)


def test_opening_a_pipe_with_no_writer_does_not_block(tmp_path):
    """The open itself (past the stat check) is non-blocking and checks the opened fd."""
    path = tmp_path / "lonely.txt"
    os.mkfifo(path)
    with pytest.raises(NotRegularFile, match="not a regular file \\(a named pipe\\)"):
        open_regular(path, str(path))


def test_dev_zero_is_refused_after_opening_too(tmp_path):
    with pytest.raises(NotRegularFile, match="a character device"):
        open_regular(Path("/dev/zero"), "/dev/zero")  # opens at once: fstat refuses it


def test_links_to_devices_are_refused(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "null.md").symlink_to("/dev/null")
    (tmp_path / "good.txt").write_text(GOOD)
    items = list(iter_articles([tmp_path]))
    errors = errors_by_name(items)
    assert errors["zero.txt"].reason == "not a regular file (a link to a character device)"
    assert errors["null.md"].reason == "not a regular file (a link to a character device)"
    assert sum(isinstance(i, Article) for i in items) == 1
    named = list(iter_articles(["/dev/zero", tmp_path / "zero.txt"]))
    assert [i.reason for i in named if isinstance(i, InputError)] == [
        "not a regular file (a character device)",
        "not a regular file (a link to a character device)",
    ]


def test_socket_is_refused(tmp_path):
    path = tmp_path / "sock.jsonl"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        items = list(iter_articles([tmp_path]))
    assert len(items) == 1 and isinstance(items[0], NotRegularFile)
    assert items[0].reason == "not a regular file (a socket)"


def test_symlink_loops_are_refused(tmp_path):
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "good.txt").write_text(GOOD)
    items = list(iter_articles([tmp_path]))
    errors = errors_by_name(items)
    assert errors["a.txt"].reason == errors["b.txt"].reason == "not a regular file (a symlink loop)"
    named = list(iter_articles([tmp_path / "a.txt"]))
    assert [i.reason for i in named if isinstance(i, InputError)] == [
        "not a regular file (a symlink loop)"
    ]


def test_links_out_of_the_folder_are_refused_unless_named(tmp_path):
    """Rule: a link met while walking must stay inside the folder; a named path is followed."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(GOOD)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "alias.txt").symlink_to("good.txt")  # inside: read under its own name
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "more").symlink_to(outside)
    items = list(iter_articles([folder]))
    assert sorted(i.id for i in items if isinstance(i, Article)) == ["alias", "good"]
    errors = errors_by_name(items)
    assert set(errors) == {"secret.txt", "more"}
    for name in ("secret.txt", "more"):
        assert isinstance(errors[name], OutsideInput)
        assert errors[name].reason.endswith("outside the input folder")
    named = list(iter_articles([folder / "secret.txt", folder / "more"]))
    assert [i.id for i in named if isinstance(i, Article)] == ["secret", "secret"]


def test_cli_over_a_folder_of_special_files(endless_pipe, tmp_path):
    """Pipe with an endless writer, /dev/zero link, socket, loop: no hang, one line each."""
    folder = endless_pipe.parent
    for i in range(3):
        (folder / f"good{i}.txt").write_text(GOOD.replace("May", f"May {i + 1}"))
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "loop.txt").symlink_to("loop.txt")
    out = tmp_path / "out"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "sock.txt"))
        proc = subprocess.run(
            [sys.executable, "-m", "briefs", "generate", str(folder), "--out", str(out)],
            capture_output=True,
            text=True,
            timeout=120,  # a safety bound: the run takes a second; this fires only on a hang
        )
    assert proc.returncode == 1, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert sorted(errors) == sorted(
        [
            f"error: {folder / 'loop.txt'}: not a regular file (a symlink loop)",
            f"error: {folder / 'pipe.txt'}: not a regular file (a named pipe)",
            f"error: {folder / 'sock.txt'}: not a regular file (a socket)",
            f"error: {folder / 'zero.txt'}: not a regular file (a link to a character device)",
        ]
    )
    written = sorted(p.stem for p in out.glob("good*.json"))
    assert written == ["good0", "good1", "good2"]
    for stem in written:
        Brief.model_validate_json((out / f"{stem}.json").read_text())


def test_other_files_briefs_reads_are_regular_files_only(tmp_path):
    """Briefs on disk (resume), eval folders, thresholds: a pipe there cannot hang a run."""
    from briefs.engine import generate_batch
    from briefs.errors import UsageError
    from briefs.evaluate import load_briefs
    from briefs.evaluate.gate import load_thresholds

    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD)
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "good.json")  # where the brief goes: not read, replaced
    result = generate_batch([src], out, "rules")
    assert result.ok == 1 and result.resumed == 0
    assert Brief.model_validate_json((out / "good.json").read_text()).id == "good"
    os.mkfifo(out / "other.json")
    with pytest.raises(UsageError, match=r"other\.json: not a regular file \(a named pipe\)"):
        load_briefs(out)
    with pytest.raises(UsageError, match="not a regular file"):
        load_thresholds(out / "other.json")


def test_a_file_found_while_walking_is_opened_without_following_links(tmp_path):
    """If a plain file the walk saw became a link before it was opened, it is refused."""
    from briefs.ingest import Found

    (tmp_path / "good.txt").write_text(GOOD)
    swapped = tmp_path / "swapped.txt"
    swapped.symlink_to(tmp_path / "good.txt")
    (error,) = read_path(Found(swapped, swapped, follow=False))
    assert isinstance(error, NotRegularFile) and error.reason.endswith("(a symbolic link)")
    with pytest.raises(NotRegularFile, match=r"\(a symbolic link\)"):
        open_regular(swapped, str(swapped), follow=False)  # O_NOFOLLOW, past the stat check
