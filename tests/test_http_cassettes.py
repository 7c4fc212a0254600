"""The openai-compatible backend over real HTTP exchanges, replayed from cassettes.

Recorded from llama-cpp-python's server running the Gemma 3 270M base model
(``scripts/record_cassettes.py``). A base model writes poor briefs, which is the
point: these exchanges exercise re-asks, dropped quotes and the fallback ladder on
real model output. CI replays them (record mode none) with no server and no model.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from langchain_openai import ChatOpenAI
from llm_http import BASE_URL, CASSETTES, MODEL, recorder

from briefs.backends.fallback import with_fallbacks
from briefs.backends.llm import LLMBackend
from briefs.backends.llm_output import output_schema
from briefs.pipeline import brief_from_article

SEED = "000_69c10cbc4915efea"
VCR = recorder()
RECORDING = os.environ.get("BRIEFS_RECORD") == "1"


@pytest.fixture(scope="module")
def seed(seed_articles):
    return next(a for a in seed_articles if a.id == SEED)


def _grounded(brief, text):
    for item in [*brief.actors, *brief.positions, *brief.open_issues]:
        for ev in item.evidence:
            assert text[ev.start : ev.end] == ev.quote


def test_base_model_fails_twice_then_rules(seed, monkeypatch):
    """json_mode: the model returns JSON of the wrong shape; re-ask; then the ladder."""
    monkeypatch.setenv("OPENAI_API_KEY", "sk-recording-dummy-key-0000")
    backend = with_fallbacks(
        f"openai-compatible:{MODEL}",
        ["rules"],
        base_url=BASE_URL,
        max_output_tokens=400,
        system_role=False,
    )
    with VCR.use_cassette("openai_compatible_fallback.yaml") as cassette:
        brief = brief_from_article(seed, backend)
        assert cassette.all_played or RECORDING
        requests = list(cassette.requests)
    assert len(requests) == 2  # two attempts, no more
    first, second = (json.loads(r.body) for r in requests)
    assert first["response_format"] == {"type": "json_object"}
    assert first["max_tokens"] == 400  # the classic field such servers honour
    assert len(first["messages"]) == 1  # Gemma's template drops system messages
    assert "Nikol Pashinyan" in first["messages"][0]["content"]
    assert "JSON Schema" in first["messages"][0]["content"]
    assert second["messages"][-1]["role"] == "user"
    assert "could not be used" in second["messages"][-1]["content"]  # the re-ask
    assert brief.meta.backend == "rules"
    assert brief.meta.fallback_reason.startswith(f"openai-compatible:{MODEL} failed: ")
    assert brief.meta.attempts == 3
    assert brief.meta.tokens_in > 1000  # from the server's usage, both attempts
    assert len([w for w in brief.meta.warnings if w.startswith("attempt")]) == 2
    _grounded(brief, seed.text)


def _without(node, key):
    if isinstance(node, dict):
        return {k: _without(v, key) for k, v in node.items() if k != key}
    if isinstance(node, list):
        return [_without(v, key) for v in node]
    return node


def test_schema_grammar_gives_a_brief_and_bad_quotes_are_dropped(seed, monkeypatch):
    """Any BaseChatModel works from Python: here ChatOpenAI asking llama.cpp to constrain
    the output to the brief's JSON Schema. The brief is valid; quotes it invented or
    bent are dropped by grounding and listed in meta.warnings."""
    monkeypatch.setenv("OPENAI_API_KEY", "sk-recording-dummy-key-0000")
    chat = ChatOpenAI(
        model=MODEL,
        base_url=BASE_URL,
        temperature=0,
        max_retries=0,
        timeout=600,  # for recording on a slow CPU model; a replay never waits
        extra_body={"max_tokens": 1500},
        # llama.cpp's schema-to-grammar crashes the server on "maxLength"; maxItems is fine
        model_kwargs={
            "response_format": {
                "type": "json_object",
                "schema": _without(output_schema(), "maxLength"),
            }
        },
    )
    backend = LLMBackend(chat, structured="json", max_attempts=2, system_role=False)
    with VCR.use_cassette("openai_compatible_schema.yaml") as cassette:
        brief = brief_from_article(seed, backend)
        assert cassette.all_played or RECORDING
    assert brief.meta.backend == "llm" and brief.meta.model == MODEL
    assert brief.meta.attempts == len(cassette.requests)
    assert brief.summary and brief.actors
    _grounded(brief, seed.text)
    # whatever the small model could not support with a quote from the article is flagged
    unsupported = [p for p in brief.positions if not p.evidence]
    flagged = [w for w in brief.meta.warnings if w.startswith("no evidence left for position")]
    assert len(flagged) == len(unsupported)
    assert any(
        w.startswith(("attempt 1", "repaired", "dropped quote", "no evidence"))
        for w in brief.meta.warnings
    )


def test_cassettes_hold_no_secrets():
    files = sorted(CASSETTES.glob("*.yaml"))
    assert len(files) >= 2
    for file in files:
        text = file.read_text(encoding="utf-8")
        lowered = text.lower()
        assert "authorization" not in lowered, file
        assert "api-key" not in lowered and "x-api-key" not in lowered, file
        assert not re.search(r"sk-[A-Za-z0-9_\-]{8,}", text), file
        assert "bearer " not in lowered, file
        assert "set-cookie" not in lowered, file
