"""A langchain-core chat model over an in-process llama-cpp-python ``Llama``.

It implements the one method a chat model needs (``_generate``) and asks
llama.cpp for JSON (``response_format={"type": "json_object"}``, a grammar that
only admits JSON), which is what the brief prompt wants back.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict

__all__ = ["LlamaCppChatModel"]

_ROLES = {"system": "system", "human": "user", "ai": "assistant"}


class LlamaCppChatModel(BaseChatModel):
    """``client`` is a ``llama_cpp.Llama`` (or anything with ``create_chat_completion``)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    client: Any
    model_path: str = "llama.cpp"
    max_tokens: int = 2000
    temperature: float = 0.0
    json_mode: bool = True

    @classmethod
    def from_path(cls, path: str, n_ctx: int = 8192, **kwargs: Any) -> LlamaCppChatModel:
        from llama_cpp import Llama

        client = Llama(model_path=path, n_ctx=n_ctx, verbose=False)
        return cls(client=client, model_path=path, **kwargs)

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
            options["response_format"] = {"type": "json_object"}
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
