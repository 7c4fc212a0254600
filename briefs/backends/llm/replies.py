"""Reading a chat model's reply: its model name, tool-call arguments, cut-off and
bad-reply signals, and the error raised when no valid brief came back."""

from __future__ import annotations

import json
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from briefs.errors import LLMOutputError

__all__ = ["LLMOutputError", "cut_off", "model_name", "output_problem", "role_message", "tool_args"]


def model_name(chat: Any) -> str | None:
    for attr in ("model_name", "model", "model_path", "model_id"):
        value = getattr(chat, attr, None)
        if isinstance(value, str) and value:
            return value
    return type(chat).__name__


def tool_args(message: AIMessage) -> str:
    calls = getattr(message, "tool_calls", None) or []
    return json.dumps(calls[0].get("args", {})) if calls else ""


CUT_OFF = "the reply was cut off at the token limit: write a shorter brief (fewer, shorter items)"


def cut_off(reply: AIMessage) -> str | None:
    """The cut-off message when the provider says the reply hit the token limit."""
    meta = getattr(reply, "response_metadata", None) or {}
    return CUT_OFF if meta.get("finish_reason") == "length" else None


def output_problem(exc: Exception) -> str | None:
    """A provider exception that means "bad reply" (so re-ask), else None."""
    from langchain_core.exceptions import OutputParserException

    if "LengthFinishReason" in type(exc).__name__:
        return CUT_OFF
    if isinstance(exc, OutputParserException):
        return f"unparsable reply: {str(exc).splitlines()[0][:300]}"
    return None


def role_message(role: str, content: str) -> BaseMessage:
    return SystemMessage(content) if role == "system" else HumanMessage(content)
