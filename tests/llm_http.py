"""vcrpy set-up for the HTTP tests: replay only in CI, secrets filtered, headers dropped.

Cassettes are recorded from a real llama.cpp server running SmolLM2-135M-Instruct
(``scripts/record_cassettes.py``), never written by hand. ``BRIEFS_RECORD=1``
records missing cassettes; without it the record mode is ``none``: a request with no
recorded answer fails the test.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import vcr

CASSETTES = Path(__file__).resolve().parent / "cassettes"
BASE_URL = os.environ.get("BRIEFS_LLM_BASE_URL", "http://127.0.0.1:8765/v1")
MODEL = "smollm2"
SECRET_HEADERS = [
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
    "set-cookie",
]


def _drop_response_headers(response: dict[str, Any]) -> dict[str, Any]:
    keep = {"content-type"}
    response["headers"] = {k: v for k, v in response["headers"].items() if k.lower() in keep}
    return response


def recorder() -> vcr.VCR:
    return vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode="once" if os.environ.get("BRIEFS_RECORD") == "1" else "none",
        match_on=["method", "scheme", "host", "port", "path", "query"],
        filter_headers=[(h, None) for h in SECRET_HEADERS],
        filter_query_parameters=["api_key", "key"],
        before_record_response=_drop_response_headers,
        decode_compressed_response=True,
    )
