"""Retries of transient model-call failures (tenacity): exponential backoff, jitter,
Retry-After.

Transient, recognised at the provider boundary by status code or exception type:
HTTP 408, 409, 425, 429, 500, 502, 503, 504; httpx transport errors (timeouts,
connection and protocol errors), the openai and anthropic clients' connection and
response-validation errors, and ``json.JSONDecodeError`` (a garbled body). A
``Retry-After`` (or ``retry-after-ms``) header sets the wait, capped at
``max_delay``; otherwise the wait is ``base * 2**n`` with jitter in its upper half.
Anything else is raised at once.
"""

from __future__ import annotations

import email.utils
import importlib
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from typing import Any, TypeVar

from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

__all__ = [
    "RetryPolicy",
    "call_with_retries",
    "is_transient",
    "retry_delay",
    "status_of",
    "transient_types",
]

T = TypeVar("T")
TRANSIENT_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
# exception types of the HTTP clients the providers use, where installed
_CLIENT_ERRORS = {
    "httpx": ("TransportError",),
    "openai": ("APIConnectionError", "APIResponseValidationError"),
    "anthropic": ("APIConnectionError", "APIResponseValidationError"),
}


@lru_cache(maxsize=1)
def transient_types() -> tuple[type[BaseException], ...]:
    """Exception types that are transport glitches, whatever their status."""
    found: list[type[BaseException]] = [TimeoutError, ConnectionError, json.JSONDecodeError]
    for module, names in _CLIENT_ERRORS.items():
        if find_spec(module) is None:
            continue
        mod = importlib.import_module(module)
        found += [getattr(mod, n) for n in names if isinstance(getattr(mod, n, None), type)]
    return tuple(found)


def is_transient(exc: BaseException) -> bool:
    """Worth retrying: a transient status, or a transport error (no status, or a 200
    whose body would not parse)."""
    status = status_of(exc)
    if status in TRANSIENT_STATUS:
        return True
    return (status is None or 200 <= status < 300) and isinstance(exc, transient_types())


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 3
    base_delay: float = 0.5
    max_delay: float = 60.0


def status_of(exc: BaseException) -> int | None:
    for candidate in (exc, getattr(exc, "response", None)):
        code = getattr(candidate, "status_code", None)
        if isinstance(code, int):
            return code
    return None


def _retry_after(exc: BaseException) -> float | None:
    response = getattr(exc, "response", None)
    headers: Any = getattr(response, "headers", None)
    if not headers:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return float(ms) / 1000.0
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value)
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def retry_delay(exc: BaseException, attempt: int, policy: RetryPolicy) -> float | None:
    """Seconds to wait before retry number ``attempt + 1``, or None: not transient."""
    if not is_transient(exc):
        return None
    after = _retry_after(exc)
    if after is not None:
        return min(after, policy.max_delay)
    ceiling = min(policy.max_delay, policy.base_delay * float(2**attempt))
    return float(ceiling * (0.5 + random.random() / 2))


def describe(exc: BaseException) -> str:
    status = status_of(exc)
    return f"HTTP {status}" if status else type(exc).__name__


def call_with_retries(
    fn: Callable[[], T],
    policy: RetryPolicy,
    on_retry: Callable[[BaseException, float], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """``fn()``, retried on transient failures at most ``policy.max_retries`` times."""

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        delay = retry_delay(exc, state.attempt_number - 1, policy) if exc else None
        return delay or 0.0

    def before_sleep(state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        if on_retry is not None and exc is not None and state.next_action is not None:
            on_retry(exc, state.next_action.sleep)

    retrying = Retrying(
        stop=stop_after_attempt(policy.max_retries + 1),
        wait=wait,
        retry=retry_if_exception(is_transient),
        before_sleep=before_sleep,
        sleep=sleep,
        reraise=True,
    )
    return retrying(fn)
