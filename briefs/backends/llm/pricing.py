"""Model facts from ``briefs/data/models.json``: prices (USD per 1M tokens) and context windows."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["context_window", "estimate_cost", "model_info"]


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    raw = resources.files("briefs").joinpath("data").joinpath("models.json")
    data: dict[str, Any] = json.loads(raw.read_text(encoding="utf-8"))
    return data


def model_info(model: str | None) -> dict[str, Any]:
    """The entry whose name is the longest prefix of ``model`` (path and vendor stripped)."""
    if not model:
        return {}
    name = model.lower().rsplit("/", 1)[-1]
    if name.endswith(".gguf"):
        name = name[: -len(".gguf")]
    best = ""
    for key in _table()["models"]:
        if name.startswith(key) and len(key) > len(best):
            best = key
    info: dict[str, Any] = _table()["models"].get(best, {})
    return info


def estimate_cost(model: str | None, tokens_in: int | None, tokens_out: int | None) -> float | None:
    """USD for the tokens, or None when the model's price is unknown."""
    info = model_info(model)
    if "input" not in info or tokens_in is None or tokens_out is None:
        return None
    usd = (tokens_in * float(info["input"]) + tokens_out * float(info["output"])) / 1_000_000
    return round(usd, 8)


def context_window(model: str | None) -> int:
    info = model_info(model)
    return int(info.get("context") or _table()["default_context"])
