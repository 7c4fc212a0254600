"""The one interface every backend implements: Article in, Draft out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from briefs.draft import Draft, Usage
from briefs.schema import Article

__all__ = ["Backend", "Draft", "Usage"]


class Backend(ABC):
    """Turns an Article into a Draft. Subclasses are registered as entry points
    in the ``briefs.backends`` group; the entry point's name is what users pass
    as ``--backend NAME[:MODEL]``."""

    name: ClassVar[str] = "backend"
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
