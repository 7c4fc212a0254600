"""A small OpenAI-compatible chat server on 127.0.0.1 that misbehaves on cue.

Each request takes the next step of a script ("429", "500", "503", "timeout",
"malformed", "length", "empty", "refusal", "valid"); when the script runs out it
answers "valid". "timeout" never answers: the client's own timeout must fire.

Tests that stop a run mid-way do not depend on speed: with ``hold_after=k`` the
first k requests are answered and every later one is held until the test calls
``release()``; ``wait_for_requests(n)`` returns once n requests have arrived (a
condition the handlers signal, not a poll). So a test can wait for "k answered,
the next ones held", send its signal, and only then let the held replies go.

It serves a bounded number of requests and stops by itself after ``lifetime``
seconds (which also releases anything held), so a test can never leave it running.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MAX_REQUESTS = 5000


def completion(
    content: str, finish: str = "stop", prompt_tokens: int = 900, completion_tokens: int = 250
) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fault",
        "object": "chat.completion",
        "created": 0,
        "model": "fault",
        "choices": [
            {
                "index": 0,
                "finish_reason": finish,
                "message": {"role": "assistant", "content": content},
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


class FaultServer:
    def __init__(
        self,
        valid_reply: Callable[[dict[str, Any]], str],
        script: list[str] | None = None,
        latency: float = 0.0,
        lifetime: float = 120.0,
        hold_after: int | None = None,
    ) -> None:
        self.valid_reply = valid_reply
        self.script = list(script or [])
        self.latency = latency  # for benchmarks/; tests hold replies instead
        self.hold_after = hold_after
        self.lifetime = lifetime
        self.requests: list[dict[str, Any]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.steps: list[str] = []
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._released = threading.Event()
        self._closing = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with server._lock:
                    if len(server.requests) >= MAX_REQUESTS:
                        self.send_error(503)
                        return
                    server.requests.append(body)
                    held = (
                        server.hold_after is not None and len(server.requests) > server.hold_after
                    )
                    step = server.script.pop(0) if server.script else "valid"
                    server.steps.append(step)
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                    server._arrived.notify_all()
                try:
                    if held:
                        server._released.wait(server.lifetime)
                    if server.latency:
                        time.sleep(server.latency)  # benchmarks only: no test sets it
                    server.respond(self, step, body)
                finally:
                    with server._lock:
                        server.in_flight -= 1

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._stopper = threading.Timer(lifetime, self.stop)
        self._stopper.daemon = True

    def __enter__(self) -> FaultServer:
        self._thread.start()
        self._stopper.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def wait_for_requests(self, n: int, safety_timeout: float = 60.0) -> None:
        """Return once ``n`` requests have arrived (held ones included).

        The timeout only fires when the run under test hangs or dies: it turns a
        hang into a failure, it does not decide the outcome.
        """
        with self._arrived:
            if not self._arrived.wait_for(lambda: len(self.requests) >= n, safety_timeout):
                raise AssertionError(f"only {len(self.requests)} of {n} requests arrived")

    def release(self) -> None:
        """Answer the held requests, and every later one at once."""
        self._released.set()

    def stop(self) -> None:
        self._closing.set()
        self._released.set()
        self._stopper.cancel()
        self.httpd.shutdown()
        self.httpd.server_close()

    def respond(self, h: BaseHTTPRequestHandler, step: str, body: dict[str, Any]) -> None:
        def send(status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            h.send_response(status)
            h.send_header("content-type", "application/json")
            h.send_header("content-length", str(len(data)))
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.end_headers()
            with contextlib.suppress(BrokenPipeError):
                h.wfile.write(data)

        error = {"error": {"message": step, "type": "server_error"}}
        if step == "429":
            send(
                429,
                {"error": {"message": "rate limited", "type": "rate_limit"}},
                {"retry-after": "1"},
            )
        elif step in ("500", "503"):
            send(int(step), error)
        elif step == "timeout":  # never answers; the handler ends when the server stops
            self._closing.wait(self.lifetime)
        elif step == "malformed":
            send(200, b'{"id": "chatcmpl-x", "choices": [{"index": 0, "mess')
        elif step == "length":
            full = self.valid_reply(body)
            send(200, completion(full[: len(full) // 3], finish="length"))
        elif step == "empty":
            send(200, {**completion(""), "choices": []})
        elif step == "refusal":
            reply = completion("I'm sorry, but I can't help with that request.")
            reply["choices"][0]["message"]["refusal"] = "I can't help with that request."
            send(200, reply)
        else:  # "valid"
            send(200, completion(self.valid_reply(body)))
