"""A rules backend with hooks that run where the brief is made: on a Dask worker."""

from __future__ import annotations

import os
from pathlib import Path

from briefs.backends.base import Draft
from briefs.backends.rules import RulesBackend
from briefs.errors import BackendError
from briefs.schema import Article


class WorkerRules(RulesBackend):
    """Same briefs and cache identity as ``rules``. Each call appends ``<id> <pid>`` to
    ``log``; ids in ``fail`` raise; the first call for ``kill`` (no ``marker`` yet)
    makes the marker and kills its own process, so a worker dies mid-batch."""

    def __init__(
        self,
        log: Path,
        fail: tuple[str, ...] = (),
        kill: str | None = None,
        marker: Path | None = None,
    ) -> None:
        super().__init__()
        self.log, self.fail, self.kill, self.marker = log, fail, kill, marker

    def generate(self, article: Article) -> Draft:
        with open(self.log, "a", encoding="utf-8") as handle:
            handle.write(f"{article.id} {os.getpid()}\n")
        if article.id in self.fail:
            raise BackendError(f"the model refused {article.id}")
        if article.id == self.kill and self.marker is not None and not self.marker.exists():
            self.marker.touch()
            os._exit(1)  # the worker process dies here, with its batch unfinished
        return super().generate(article)


def calls(log: Path) -> list[str]:
    """The article ids briefed so far, in order (a rerun that briefs nothing adds none)."""
    if not log.exists():
        return []
    return [line.split()[0] for line in log.read_text(encoding="utf-8").splitlines()]
