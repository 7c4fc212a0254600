"""Built-in LLM backends, each through its langchain partner package (imported lazily).

| name                       | extra              | chat model                         |
|----------------------------|--------------------|------------------------------------|
| ``openai:MODEL``           | ``briefs[openai]`` | langchain_openai.ChatOpenAI        |
| ``anthropic:MODEL``        | ``briefs[anthropic]`` | langchain_anthropic.ChatAnthropic |
| ``ollama:MODEL``           | ``briefs[ollama]`` | langchain_ollama.ChatOllama        |
| ``openai-compatible:MODEL``| ``briefs[openai]`` | ChatOpenAI with ``base_url``       |
| ``llamacpp:PATH.gguf``     | ``briefs[local]``  | in-process llama-cpp-python        |
"""

from __future__ import annotations

import importlib
import os
from importlib.util import find_spec
from typing import Any, ClassVar

from langchain_core.language_models import BaseChatModel

from briefs.backends.llm.backend import LLMBackend
from briefs.errors import BackendError, BackendUnavailable

__all__ = [
    "AnthropicBackend",
    "LlamaCppBackend",
    "OllamaBackend",
    "OpenAIBackend",
    "OpenAICompatibleBackend",
]


class _ProviderBackend(LLMBackend):
    package: ClassVar[str] = ""
    extra: ClassVar[str] = ""
    key_env: ClassVar[str | None] = None
    default_model: ClassVar[str | None] = None

    def __init__(self, model: str | None = None, **options: Any) -> None:
        model = model or self.default_model
        if not model:
            raise BackendError(f"backend {self.name!r} needs a model: --backend {self.name}:MODEL")
        self.options = options
        super().__init__(None, model=model, **options)

    @classmethod
    def availability(cls) -> tuple[bool, str]:
        if find_spec(cls.package) is None:
            return False, f"needs the extra: pip install 'briefs[{cls.extra}]'"
        if cls.key_env and not os.environ.get(cls.key_env):
            return False, f"set {cls.key_env}"
        return True, "ready"

    def _module(self) -> Any:
        try:
            return importlib.import_module(self.package)
        except ImportError as exc:
            raise BackendUnavailable(
                f"backend {self.name!r} needs the extra: pip install 'briefs[{self.extra}]' ({exc})"
            ) from None

    def _chat_model(self, class_name: str, **kwargs: Any) -> BaseChatModel:
        """The partner package's chat model with briefs' defaults: deterministic, our
        timeout, and no client-side retries (briefs retries, and counts them)."""
        options = {
            "model": self.model,
            "temperature": 0,
            "timeout": self.timeout,
            "max_retries": 0,
            **kwargs,
        }
        chat: BaseChatModel = getattr(self._module(), class_name)(**options)
        return chat


class OpenAIBackend(_ProviderBackend):
    name: ClassVar[str] = "openai"
    package: ClassVar[str] = "langchain_openai"
    extra: ClassVar[str] = "openai"
    key_env: ClassVar[str | None] = "OPENAI_API_KEY"
    default_model: ClassVar[str | None] = "gpt-4o-mini"

    def build_chat_model(self) -> BaseChatModel:
        return self._chat_model("ChatOpenAI", max_tokens=self.max_output_tokens)


class AnthropicBackend(_ProviderBackend):
    name: ClassVar[str] = "anthropic"
    package: ClassVar[str] = "langchain_anthropic"
    extra: ClassVar[str] = "anthropic"
    key_env: ClassVar[str | None] = "ANTHROPIC_API_KEY"
    default_model: ClassVar[str | None] = "claude-3-5-haiku-latest"

    def build_chat_model(self) -> BaseChatModel:
        return self._chat_model("ChatAnthropic", max_tokens=self.max_output_tokens)


class OllamaBackend(_ProviderBackend):
    name: ClassVar[str] = "ollama"
    package: ClassVar[str] = "langchain_ollama"
    extra: ClassVar[str] = "ollama"

    def build_chat_model(self) -> BaseChatModel:
        kwargs: dict[str, Any] = {
            "model": self.model,
            "temperature": 0,
            "num_predict": self.max_output_tokens,
        }
        base_url = self.options.get("base_url") or os.environ.get("OLLAMA_HOST")
        if base_url:
            kwargs["base_url"] = base_url
        chat: BaseChatModel = self._module().ChatOllama(**kwargs)
        return chat


class LlamaCppBackend(_ProviderBackend):
    """A GGUF model run in-process by llama-cpp-python: ``llamacpp:PATH.gguf``, or
    ``llamacpp:smollm2`` for the model shipped by ``briefs[local]``. Replies are
    constrained by a grammar made from the reply schema (``json_schema="off"``: any
    JSON), so every reply parses."""

    name: ClassVar[str] = "llamacpp"
    package: ClassVar[str] = "llama_cpp"
    extra: ClassVar[str] = "local"

    def __init__(self, model: str | None = None, json_schema: str = "auto", **options: Any):
        self.json_schema = json_schema
        options.setdefault("structured", "json")  # the grammar is the structured output
        super().__init__(model, **options)
        from briefs.backends.llm.llamacpp import packaged_model

        packaged_model(self.model or "")  # a packaged model without its extra: say so now

    def model_path(self) -> str:
        from briefs.backends.llm.llamacpp import packaged_model

        packaged = packaged_model(self.model or "")
        path = str(packaged) if packaged else (self.model or "")
        if not os.path.isfile(path):
            raise BackendError(f"llamacpp: no model file at {path!r}")
        return path

    def identity(self) -> str:
        return f"{super().identity()}|json_schema={self.json_schema}"

    def response_format(self) -> dict[str, Any]:
        from briefs.backends.llm.output import schema_response_format

        if self.json_schema == "off":
            return {"type": "json_object"}
        return schema_response_format("llamacpp")

    def build_chat_model(self) -> BaseChatModel:
        from briefs.backends.llm.llamacpp import LlamaCppChatModel

        path = self.model_path()
        self._module()
        window = self._context or 8192
        return LlamaCppChatModel.from_path(
            path,
            n_ctx=window,
            max_tokens=self.max_output_tokens,
            reply_schema=self.response_format().get("schema"),
        )


from briefs.backends.llm.openai_compatible import OpenAICompatibleBackend  # noqa: E402
