"""A small OpenAI-compatible chat server on 127.0.0.1 that misbehaves on cue.

Each request takes the next step of a script ("429", "500", "503", "timeout",
"malformed", "length", "empty", "refusal", "valid", "slow"); when the script
runs out it answers "valid". It serves a bounded number of requests and stops by
itself after ``lifetime`` seconds, so a test can never leave it running.
``reject_json_schema=STATUS`` plays a server that lacks ``response_format`` type
``json_schema`` (with ``reject_schema_key`` also llama.cpp's ``json_object`` with a
``schema``): such requests get that HTTP status (and take no script step).
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
        timeout_sleep: float = 3.0,
        lifetime: float = 120.0,
        reject_json_schema: int | None = None,
        reject_schema_key: bool = False,
    ) -> None:
        self.reject_json_schema = reject_json_schema
        self.reject_schema_key = reject_schema_key
        self.valid_reply = valid_reply
        self.script = list(script or [])
        self.latency = latency
        self.timeout_sleep = timeout_sleep
        self.requests: list[dict[str, Any]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.steps: list[str] = []
        self._lock = threading.Lock()
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
                    fmt = body.get("response_format") or {}
                    wants_schema = fmt.get("type") == "json_schema" or (
                        server.reject_schema_key and "schema" in fmt
                    )
                    if server.reject_json_schema and wants_schema:
                        step = "reject-json-schema"
                    else:
                        step = server.script.pop(0) if server.script else "valid"
                    server.steps.append(step)
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    if server.latency:
                        time.sleep(server.latency)
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

    def stop(self) -> None:
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
        if step == "reject-json-schema":
            message = "Unsupported response_format"
            send(self.reject_json_schema or 400, {"error": {"message": message}})
        elif step == "429":
            send(
                429,
                {"error": {"message": "rate limited", "type": "rate_limit"}},
                {"retry-after": "1"},
            )
        elif step in ("500", "503"):
            send(int(step), error)
        elif step == "timeout":
            time.sleep(self.timeout_sleep)
            send(200, completion(self.valid_reply(body)))
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
