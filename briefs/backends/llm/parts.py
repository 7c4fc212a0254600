"""A long article cut into sentence-aligned parts that each fit one call."""

from __future__ import annotations

from briefs.backends.llm.limits import MAX_PARTS
from briefs.backends.llm.tokens import count_tokens
from briefs.errors import BackendError
from briefs.text.sentences import split_sentences

__all__ = ["split_parts"]


def split_parts(text: str, budget: int, model: str | None) -> list[str]:
    """``text``, or sentence-aligned parts of it of at most ``budget`` tokens each."""
    if count_tokens(text, model).tokens <= budget:
        return [text]
    parts: list[str] = []
    start = end = 0
    used = 0
    for sent in split_sentences(text):
        n = count_tokens(sent.text, model).tokens
        if used and used + n > budget:
            parts.append(text[start:end])
            start, used = sent.start, 0
        end = sent.end
        used += n
    parts.append(text[start:end])
    if len(parts) > MAX_PARTS:
        raise BackendError(
            f"article needs {len(parts)} calls of {budget} tokens (limit {MAX_PARTS})"
        )
    return parts
