"""``openai-compatible:MODEL``: any server with OpenAI's chat API (llama.cpp's
servers, vLLM, Ollama's /v1), with the reply schema sent where the server takes it.

``json_schema`` ("auto" by default, ``--json-schema``):

- "on": ``response_format`` type ``json_schema`` (the server constrains its output
  to the reply schema); a server that refuses it fails the call.
- "off": JSON mode (``{"type": "json_object"}``), nothing more.
- "auto": the first call tries ``json_schema``; if the server refuses it (HTTP
  400/404/415/422/501, or a 500 that names the response format, as
  llama-cpp-python's server does), the same call is sent again with llama.cpp's
  own form, ``{"type": "json_object", "schema": ...}``, and if that is refused
  too, in JSON mode. What works is kept for later calls; each step down is one line
  in ``meta.warnings``. A refusal is not a transient fault: it is not retried, while
  a 429, a timeout or a bare 500 is retried as usual with the format kept.
"""

from __future__ import annotations

import os
import threading
from typing import Any, ClassVar

from langchain_core.language_models import BaseChatModel

from briefs.backends.llm.providers import _ProviderBackend
from briefs.errors import BackendError

__all__ = ["FORMATS", "OpenAICompatibleBackend"]

# the response formats tried in order, per --json-schema
FORMATS = {
    "auto": ("json_schema", "json_object+schema", "json_object"),
    "on": ("json_schema",),
    "off": ("json_object",),
}
_REFUSAL_STATUS = frozenset({400, 404, 415, 422, 501})
_FORMAT_WORDS = ("response_format", "json_schema", "schema", "grammar")


def refusal_status(exc: BaseException) -> int | None:
    """The HTTP status if ``exc`` is a server refusing the response format sent."""
    status = getattr(exc, "status_code", None)
    if not isinstance(status, int):
        return None
    if status in _REFUSAL_STATUS:
        return status
    if status == 500 and any(w in str(exc).lower() for w in _FORMAT_WORDS):
        return status
    return None


class _Refused(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"response format refused (HTTP {status})")
        self.status = status


class _Probe:
    """A runnable whose refusal of the response format is told apart (and not
    retried) from a transient fault."""

    def __init__(self, runnable: Any) -> None:
        self.runnable = runnable

    def invoke(self, messages: Any) -> Any:
        try:
            return self.runnable.invoke(messages)
        except Exception as exc:
            status = refusal_status(exc)
            if status is None:
                raise
            raise _Refused(status) from exc


class OpenAICompatibleBackend(_ProviderBackend):
    """Any server with OpenAI's chat API; see the module docstring for ``json_schema``."""

    name: ClassVar[str] = "openai-compatible"
    package: ClassVar[str] = "langchain_openai"
    extra: ClassVar[str] = "openai"
    default_method: ClassVar[str | None] = "json_mode"  # in plain JSON mode

    def __init__(
        self,
        model: str | None = None,
        base_url: str | None = None,
        json_schema: str = "auto",
        **options: Any,
    ) -> None:
        self.base_url = base_url or os.environ.get("OPENAI_BASE_URL")
        if not self.base_url:
            raise BackendError(
                "backend 'openai-compatible' needs --base-url URL (or OPENAI_BASE_URL)"
            )
        if json_schema not in FORMATS:
            raise BackendError(f"json_schema must be auto, on or off, not {json_schema!r}")
        self.json_schema = json_schema
        self.formats = list(FORMATS[json_schema])  # formats[0] is the one in use
        self.format_known = len(self.formats) == 1
        self._lock = threading.Lock()
        super().__init__(model, **options)

    def identity(self) -> str:
        return f"{super().identity()}|json_schema={self.json_schema}"

    @property
    def format(self) -> str:
        return self.formats[0]

    def response_format(self) -> dict[str, Any]:
        from briefs.backends.llm.output import schema_response_format

        if self.format == "json_schema":
            return schema_response_format("openai")
        if self.format == "json_object+schema":
            return schema_response_format("llamacpp")
        return {"type": "json_object"}

    def _native(self) -> Any:
        # plain JSON mode is langchain's json_mode; a schema is sent by us (reply_model)
        return super()._native() if self.format == "json_object" else None

    def build_chat_model(self) -> BaseChatModel:
        return self._chat_model(
            "ChatOpenAI",
            base_url=self.base_url,
            api_key=os.environ.get("OPENAI_API_KEY") or "not-needed",
            # such servers ignore max_completion_tokens; send the classic field
            extra_body={"max_tokens": self.max_output_tokens},
        )

    def reply_model(self) -> Any:
        return self.chat_model().bind(response_format=self.response_format())

    def _invoke(self, runnable: Any, messages: list[Any], usage: Any) -> Any:
        if self.format_known:
            return super()._invoke(runnable, messages, usage)
        while True:
            tried = self.format
            try:
                reply = super()._invoke(_Probe(runnable), messages, usage)
            except _Refused as exc:
                with self._lock:
                    if self.format == tried and len(self.formats) > 1:
                        self.formats.pop(0)
                    self.format_known = len(self.formats) == 1
                usage.warnings.append(
                    f"response_format {tried}: the server refused it (HTTP {exc.status}); "
                    f"using {self.format}"
                )
                if self.format == "json_object":  # langchain's json_mode from the next call
                    return super()._invoke(self.reply_model(), messages, usage)
                runnable = self.reply_model()
                continue
            self.format_known = True
            return reply
