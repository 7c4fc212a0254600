"""Every error briefs raises on purpose, in one tree.

::

    BriefsError                      base of everything below; ``str()`` is one line
    ├── UsageError                   bad arguments or options (CLI exit code 2)
    │   └── ConfigError              a bad key or value in briefs.toml / [tool.briefs]
    ├── InputError                   one input file or record cannot become an Article
    │   ├── UnsupportedFormat        extension briefs has no reader for
    │   ├── EmptyInput               empty or whitespace-only text
    │   ├── BinaryInput              NUL bytes: not text
    │   ├── DecodingError            bytes that no supported encoding decodes
    │   ├── MalformedRecord          broken JSON / JSONL record, missing ``text``
    │   ├── InputTooLarge            over the size limit (counted while reading, not from stat)
    │   ├── NotRegularFile           a pipe, socket, device, symlink loop: never read
    │   ├── OutsideInput             a link found in a folder that leads out of it
    │   └── DuplicateId              an id already produced earlier in the same batch
    └── BackendError                 a backend could not produce a draft
        ├── BackendNotFound          no backend registered under that name
        ├── BackendUnavailable       registered, but its optional dependency is missing
        ├── ReplyError               a model reply that is not a valid brief (re-asked:
        │   │                        its short message is sent back to the model)
        │   └── JudgeReplyError      an LLM judge's reply that is not the verdict asked for
        └── LLMOutputError           no valid brief within the attempts or token cap, or
                                     the model call failed; carries the ``usage`` spent

Transient provider failures (429, 5xx, timeouts) are not in the tree: they are the
HTTP clients' own exceptions, recognised by status code or type at the provider
boundary (``briefs.backends.llm.retry``) and retried; once the retries run out they
end as ``LLMOutputError``.

Input errors carry the ``source`` (file path, with ``:line`` for JSONL) and a short
``reason``; their message is ``"<source>: <reason>"`` so that the CLI can print it
as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefs.draft import Usage

__all__ = [
    "BackendError",
    "BackendNotFound",
    "BackendUnavailable",
    "BinaryInput",
    "BriefsError",
    "ConfigError",
    "DecodingError",
    "DuplicateId",
    "EmptyInput",
    "InputError",
    "InputTooLarge",
    "JudgeReplyError",
    "LLMOutputError",
    "MalformedRecord",
    "NotRegularFile",
    "OutsideInput",
    "ReplyError",
    "UnsupportedFormat",
    "UsageError",
]


class BriefsError(Exception):
    """Base class of every error raised by briefs."""


class UsageError(BriefsError):
    """The caller asked for something that cannot be done as asked."""


class ConfigError(UsageError):
    """The project config file has a bad key or value (message: "<file>: <key>: <why>")."""


class InputError(BriefsError):
    """An input could not be turned into an Article."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class UnsupportedFormat(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class DecodingError(InputError):
    pass


class MalformedRecord(InputError):
    pass


class InputTooLarge(InputError):
    pass


class NotRegularFile(InputError):
    pass


class OutsideInput(InputError):
    pass


class DuplicateId(InputError):
    pass


class BackendError(BriefsError):
    """A backend failed to produce a draft for an article."""


class BackendNotFound(BackendError):
    pass


class BackendUnavailable(BackendError):
    pass


class ReplyError(BackendError):
    """A reply that is not a valid brief; ``str()`` is short enough to send back."""


class JudgeReplyError(ReplyError):
    """A judge's reply that is not the JSON verdict it was asked for."""


class LLMOutputError(BackendError):
    """The model gave no valid brief within the attempts or token cap."""

    def __init__(self, message: str, usage: Usage) -> None:
        super().__init__(message)
        self.usage = usage
