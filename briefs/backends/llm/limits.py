"""Default limits of the LLM path (kept apart so the CLI can show them without
importing langchain)."""

DEFAULT_MAX_ATTEMPTS = 2
DEFAULT_MAX_TOKENS_PER_BRIEF = 60_000
DEFAULT_MAX_OUTPUT_TOKENS = 3_000  # a perfect brief with evidence: up to ~2,300 (replay)
DEFAULT_MAX_RETRIES = 3
DEFAULT_TIMEOUT_S = 120.0
MAX_PARTS = 16
