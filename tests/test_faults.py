"""The openai-compatible backend against a misbehaving server on 127.0.0.1.

Every fault ends in a correct brief (after a retry, a re-ask or the fallback to
rules), ``meta`` says what happened, and nothing is lost.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from fault_server import FaultServer

from briefs.backends.fallback import with_fallbacks
from briefs.pipeline import brief_from_article

SEED = "000_69c10cbc4915efea"


def reply_for(body: dict[str, Any]) -> str:
    """A valid brief of whatever article the request carries (quotes from it)."""
    content = " ".join(str(m["content"]) for m in body["messages"])
    text = content.split("<article>")[1].split("</article>")[0].strip()
    first = re.split(r"(?<=[.!?])\s", text)[0]
    quote = first[:80]
    return json.dumps(
        {
            "summary": first,
            "actors": [{"name": "Newsroom", "kind": "organization", "evidence": [quote]}],
            "positions": [{"actor": "Newsroom", "stance": "Reported it.", "evidence": [quote]}],
            "open_issues": [
                {"issue": "What happens next.", "actors": ["Newsroom"], "evidence": [quote]}
            ],
        }
    )


def backend(url: str, **extra: Any):
    # Replies come at once, so the generous timeout never fires by accident on a slow
    # machine; the "timeout" case sets a short one (the server never answers that call).
    options = {"base_url": url, "retry_base_delay": 0.05, "timeout": 30.0, "max_retries": 3}
    return with_fallbacks("openai-compatible:fault", ["rules"], **{**options, **extra})


@pytest.fixture(scope="module")
def seed(seed_articles):
    return next(a for a in seed_articles if a.id == SEED)


def grounded(brief, text):
    for item in [*brief.actors, *brief.positions, *brief.open_issues]:
        for ev in item.evidence:
            assert text[ev.start : ev.end] == ev.quote


@pytest.mark.parametrize(
    ("script", "retries", "needle"),
    [
        (["429"], 1, "HTTP 429, waited 1.0 s"),  # honours Retry-After: 1
        (["500"], 1, "HTTP 500"),
        (["503", "503"], 2, "HTTP 503"),
        (["timeout"], 1, "Timeout"),
        (["malformed"], 1, "retry 1"),
    ],
)
def test_transient_faults_are_retried(seed, script, retries, needle):
    # "timeout": the first call is never answered, so it times out whatever the speed;
    # the retry's reply is sent at once, well inside the 2 s (the one wall-clock bound).
    options = {"timeout": 2.0} if script == ["timeout"] else {}
    with FaultServer(reply_for, script) as server:
        brief = brief_from_article(seed, backend(server.url, **options))
    assert brief.meta.backend == "openai-compatible" and brief.meta.fallback_reason is None
    assert brief.meta.retries == retries
    assert any(needle in w for w in brief.meta.warnings), brief.meta.warnings
    assert brief.meta.attempts == 1  # retries are not re-asks
    assert len(server.requests) == retries + 1
    grounded(brief, seed.text)


def test_retries_run_out_then_rules(seed):
    with FaultServer(reply_for, ["503"] * 10) as server:
        brief = brief_from_article(seed, backend(server.url, max_retries=2))
    assert brief.meta.backend == "rules"
    assert "HTTP 503" in brief.meta.fallback_reason or "503" in brief.meta.fallback_reason
    assert brief.meta.retries == 2 and len(server.requests) == 3


def test_truncated_output_is_reasked(seed):
    with FaultServer(reply_for, ["length"]) as server:
        brief = brief_from_article(seed, backend(server.url))
    assert brief.meta.backend == "openai-compatible"
    assert brief.meta.attempts == 2
    assert "attempt 1" in brief.meta.warnings[0]
    assert "could not be used" in server.requests[1]["messages"][-1]["content"]
    grounded(brief, seed.text)


@pytest.mark.parametrize("step", ["empty", "refusal"])
def test_empty_and_refusals_end_in_rules(seed, step):
    with FaultServer(reply_for, [step] * 5) as server:
        brief = brief_from_article(seed, backend(server.url))
    assert brief.meta.backend == "rules"
    assert brief.meta.fallback_reason.startswith("openai-compatible:fault failed")
    assert 1 <= len(server.requests) <= 2
    assert len(brief.actors) >= 5
    grounded(brief, seed.text)


def test_usage_tokens_come_from_the_server(seed):
    with FaultServer(reply_for, []) as server:
        brief = brief_from_article(seed, backend(server.url))
    assert (brief.meta.tokens_in, brief.meta.tokens_out) == (900, 250)
    assert len(server.requests) == 1
