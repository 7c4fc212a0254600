"""Retries of transient model-call failures: exponential backoff, jitter, Retry-After.

Transient: HTTP 408, 409, 425, 429, 500, 502, 503, 504, timeouts, connection
errors and garbled response bodies. A ``Retry-After`` (or ``retry-after-ms``)
header sets the wait, capped at ``max_delay``; otherwise the wait is
``base * 2**n`` with jitter in its upper half. Anything else is raised at once.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = ["RetryPolicy", "call_with_retries", "retry_delay", "status_of"]

T = TypeVar("T")
TRANSIENT_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
# a garbled HTTP body (JSONDecodeError from the client) is a transport glitch too
_TRANSIENT_NAMES = (
    "Timeout",
    "TimedOut",
    "ConnectError",
    "APIConnectionError",
    "RemoteProtocolError",
    "ReadError",
    "JSONDecodeError",
    "APIResponseValidationError",
)


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
    status = status_of(exc)
    names = [c.__name__ for c in type(exc).__mro__]
    transient = status in TRANSIENT_STATUS or (
        (status is None or 200 <= status < 300)  # a 200 whose body would not parse
        and any(t in n for n in names for t in _TRANSIENT_NAMES)
    )
    if not transient:
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
    for attempt in range(policy.max_retries + 1):
        try:
            return fn()
        except Exception as exc:
            delay = retry_delay(exc, attempt, policy)
            if delay is None or attempt >= policy.max_retries:
                raise
            if on_retry is not None:
                on_retry(exc, delay)
            sleep(delay)
    raise AssertionError("unreachable")
