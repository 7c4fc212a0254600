"""The one interface every backend implements: Article in, Draft out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

from briefs.draft import Draft, Usage
from briefs.schema import Article

__all__ = ["Backend", "Draft", "Usage"]


class Backend(ABC):
    """Turns an Article into a Draft. Subclasses are registered as entry points
    in the ``briefs.backends`` group; the entry point's name is what users pass
    as ``--backend NAME[:MODEL]``."""

    name: ClassVar[str] = "backend"
    # True when ``generate`` computes in Python (a local parser) rather than waits (an
    # HTTP call): the local engine then runs ``-j N`` as N worker processes, each
    # drafting batches with ``generate_many``, instead of N threads (the GIL).
    cpu_bound: ClassVar[bool] = False
    model: str | None = None
    prompt_version: str | None = None

    @classmethod
    def availability(cls) -> tuple[bool, str]:
        """Whether this backend can run here, and why not."""
        return True, "ready"

    def identity(self) -> str:
        """What determines this backend's output, for cache keys."""
        return f"{self.name}|{self.model}|{self.prompt_version}"

    @abstractmethod
    def generate(self, article: Article) -> Draft:
        """A draft brief of ``article``; raises BackendError when it cannot."""

    def load(self) -> None:
        """Load now what ``generate`` would load on first use (a model). The engine calls
        it before it forks worker processes for a ``cpu_bound`` backend, so that they
        share this copy instead of each loading its own. Default: nothing."""
        return None

    def generate_many(self, articles: Sequence[Article]) -> list[Draft | Exception]:
        """The drafts of ``articles``, in order; an article that fails has its exception
        in its place and the others still come. This calls ``generate`` on each; a
        backend whose cost is partly per call (a parser's batches) overrides it."""
        out: list[Draft | Exception] = []
        for article in articles:
            try:
                out.append(self.generate(article))
            except Exception as exc:  # one article's failure is its own
                out.append(exc)
        return out
