from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest

import briefs
from briefs.backends import registry
from briefs.backends.base import Backend, Draft
from briefs.errors import BackendNotFound
from briefs.schema import Article


class EchoBackend(Backend):
    """A third-party-style backend: the first sentence as summary, nothing else."""

    name = "echo"

    def __init__(self, model: str | None = None) -> None:
        self.model = model

    def generate(self, article: Article) -> Draft:
        return Draft(summary=article.text.split(".")[0] + ".")


def test_rules_is_registered_as_an_entry_point():
    names = {ep.name: ep.value for ep in registry._entry_points().values()}
    assert names["rules"] == "briefs.backends.rules:RulesBackend"


def test_unknown_backend():
    with pytest.raises(BackendNotFound, match=r"registered backends: .*rules"):
        registry.get_backend("nope")


def test_a_plugin_registers_like_a_builtin(monkeypatch):
    real = registry._entry_points()
    extra = EntryPoint(name="echo", value=f"{__name__}:EchoBackend", group=registry.GROUP)
    monkeypatch.setattr(registry, "_entry_points", lambda: {**real, "echo": extra})
    backend = registry.get_backend("echo:tiny")
    assert isinstance(backend, EchoBackend) and backend.model == "tiny"
    brief = briefs.generate_brief("Title\n\nFirst part. Second part.", backend="echo:tiny")
    assert brief.summary == "First part."
    assert brief.meta.backend == "echo" and brief.meta.model == "tiny"
    assert "echo" in {b.name for b in registry.list_backends()}


def test_backend_instance_is_used_as_is():
    backend = EchoBackend()
    assert registry.get_backend(backend) is backend


def test_public_api_is_pinned():
    assert set(briefs.__all__) == {
        "Actor",
        "Article",
        "Backend",
        "BatchResult",
        "Brief",
        "BriefMeta",
        "BriefsError",
        "Digest",
        "Draft",
        "Evidence",
        "FallbackBackend",
        "LLMBackend",
        "ManifestEntry",
        "OpenIssue",
        "Position",
        "Usage",
        "__version__",
        "article_from_text",
        "as_runnable",
        "brief_from_article",
        "brief_json_schema",
        "digest",
        "digest_json_schema",
        "generate_batch",
        "generate_brief",
        "get_backend",
        "ground",
        "iter_articles",
        "list_backends",
        "locate",
        "to_json",
        "to_markdown",
    }
    for name in briefs.__all__:
        assert hasattr(briefs, name)


def test_generate_batch_api(tmp_path, seed_path):
    result = briefs.generate_batch([seed_path], tmp_path)
    assert (result.ok, result.failed, result.exit_code) == (1, 0, 0)
    assert result.manifest_path.exists()
