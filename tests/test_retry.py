"""Transient failures are recognised by status code or exception type, never by name."""

from __future__ import annotations

import json

import httpx
import pytest

from briefs.backends.llm.retry import RetryPolicy, call_with_retries, is_transient


def status_error(code: int, headers: dict[str, str] | None = None) -> httpx.HTTPStatusError:
    request = httpx.Request("POST", "http://model.invalid/v1/chat/completions")
    response = httpx.Response(code, headers=headers or {}, request=request)
    return httpx.HTTPStatusError(f"HTTP {code}", request=request, response=response)


class NamedLikeATimeoutError(Exception):
    """Its name says timeout; its type does not."""


@pytest.mark.parametrize(
    ("exc", "transient"),
    [
        (status_error(429), True),
        (status_error(503), True),
        (status_error(408), True),
        (status_error(400), False),
        (status_error(401), False),
        (httpx.ConnectError("refused"), True),
        (httpx.ReadTimeout("slow"), True),
        (json.JSONDecodeError("garbled", "{", 1), True),
        (TimeoutError(), True),
        (ValueError("bad"), False),
        (NamedLikeATimeoutError(), False),
    ],
)
def test_transient_by_status_or_type(exc: BaseException, transient: bool) -> None:
    assert is_transient(exc) is transient


def test_retries_back_off_honour_retry_after_then_give_up() -> None:
    waits: list[float] = []
    seen: list[str] = []
    failures = [status_error(429, {"retry-after": "7"}), status_error(500), status_error(500)]

    def call() -> str:
        if failures:
            raise failures.pop(0)
        return "ok"

    policy = RetryPolicy(max_retries=3, base_delay=1.0, max_delay=60.0)
    out = call_with_retries(call, policy, lambda e, d: seen.append(str(e)), waits.append)
    assert out == "ok" and seen == ["HTTP 429", "HTTP 500", "HTTP 500"]
    assert waits[0] == 7.0  # Retry-After
    assert 1.0 <= waits[1] <= 2.0 and 2.0 <= waits[2] <= 4.0  # base * 2**n, upper-half jitter

    always = [status_error(503)] * 5

    def failing() -> str:
        raise always.pop()

    with pytest.raises(httpx.HTTPStatusError):
        call_with_retries(failing, RetryPolicy(max_retries=2, base_delay=0.0), None, waits.append)
    assert len(always) == 2  # three calls: one and two retries


def test_a_permanent_error_is_raised_at_once() -> None:
    calls: list[int] = []

    def call() -> None:
        calls.append(1)
        raise status_error(400)

    with pytest.raises(httpx.HTTPStatusError):
        call_with_retries(call, RetryPolicy(), None, lambda s: None)
    assert calls == [1]
