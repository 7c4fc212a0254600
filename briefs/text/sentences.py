"""Sentences and tokens with character offsets (syntok: rule-based, no data download)."""

from __future__ import annotations

from dataclasses import dataclass

import syntok.segmenter as segmenter

__all__ = ["Sentence", "Token", "split_sentences"]

# syntok's recursion and regexes slow down on pathological inputs such as one
# megabyte without a full stop; such runs are cut into fixed windows first.
_MAX_CHUNK = 20_000


@dataclass(frozen=True, slots=True)
class Token:
    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    paragraph: int


def _chunks(text: str) -> list[tuple[int, str]]:
    if len(text) <= _MAX_CHUNK:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + _MAX_CHUNK)
        if end < len(text):
            cut = max(text.rfind("\n", pos, end), text.rfind(". ", pos, end))
            if cut > pos:
                end = cut + 1
        out.append((pos, text[pos:end]))
        pos = end
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` with offsets into it."""
    sentences: list[Sentence] = []
    paragraph = -1
    for base, chunk in _chunks(text):
        for para in segmenter.analyze(chunk):
            paragraph += 1
            for raw in para:
                tokens = tuple(
                    Token(t.value, base + t.offset, base + t.offset + len(t.value))
                    for t in raw
                    if t.value
                )
                if not tokens:
                    continue
                start, end = tokens[0].start, tokens[-1].end
                sentences.append(
                    Sentence(len(sentences), start, end, text[start:end], tokens, paragraph)
                )
    return sentences
