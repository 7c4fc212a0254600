"""Fake chat models for flow tests (langchain-core's fakes, plus what they lack)."""

from __future__ import annotations

import json
from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatResult
from pydantic import Field

SEED_TEXT_QUOTES = {
    "pashinyan": "Armenia’s Prime Minister Nikol Pashinyan accused Russia of failing to protect "
    "Armenia",
    "kremlin": "the Kremlin dismissed these allegations as unfounded",
    "zakharova": "Russian foreign ministry spokesperson Maria Zakharova described Pashinyan’s "
    "comments",
    "lachin": "allowing Azerbaijanis to blockade the “Lachin corridor”",
}


def valid_brief(extra_quote: str | None = None) -> dict[str, Any]:
    """A brief of the seed article a good model could return (quotes verbatim)."""
    q = SEED_TEXT_QUOTES
    positions = [
        {
            "actor": "Nikol Pashinyan",
            "stance": "Russia failed to protect Armenia.",
            "evidence": [q["pashinyan"]],
        },
        {
            "actor": "Kremlin",
            "stance": "The accusations are unfounded.",
            "evidence": [q["kremlin"]],
        },
    ]
    if extra_quote:
        positions.append(
            {"actor": "Kremlin", "stance": "Russia will annex Armenia.", "evidence": [extra_quote]}
        )
    return {
        "summary": "Pashinyan accused Russia of failing Armenia. The Kremlin rejected it.",
        "actors": [
            {
                "name": "Nikol Pashinyan",
                "kind": "person",
                "role": "Prime Minister of Armenia",
                "aliases": ["Pashinyan"],
                "evidence": [q["pashinyan"]],
            },
            {"name": "Kremlin", "kind": "organization", "evidence": [q["kremlin"]]},
            {"name": "Maria Zakharova", "kind": "person", "evidence": [q["zakharova"]]},
        ],
        "positions": positions,
        "open_issues": [
            {
                "issue": "The blockade of the Lachin corridor.",
                "actors": ["Kremlin"],
                "evidence": [q["lachin"]],
            }
        ],
    }


def reply(data: Any) -> AIMessage:
    return AIMessage(content=data if isinstance(data, str) else json.dumps(data))


class RecordingFake(GenericFakeChatModel):
    """GenericFakeChatModel that keeps every prompt it was sent."""

    received: list[list[BaseMessage]] = Field(default_factory=list)

    def _generate(
        self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kwargs: Any
    ) -> ChatResult:
        self.received.append(list(messages))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def recording(*replies: Any) -> RecordingFake:
    return RecordingFake(messages=iter([reply(r) for r in replies]), received=[])


class ToolCallingFake(RecordingFake):
    """A fake that supports tool calling, so with_structured_output takes the native path."""

    bound: list[Any] = Field(default_factory=list)

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        self.bound.append(tools)
        return self
