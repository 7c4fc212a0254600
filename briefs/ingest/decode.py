"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

cp1252 is the stated fallback because it is what real news files that are not
UTF-8 usually are (the BBC corpus has one). Bytes that cp1252 leaves undefined
make the input undecodable rather than silently mangled.
"""

from __future__ import annotations

import codecs

from briefs.errors import BinaryInput, DecodingError, EmptyInput

__all__ = ["FALLBACK_ENCODING", "decode_bytes"]

FALLBACK_ENCODING = "cp1252"


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Decode ``data`` read from ``source``; returns (text, encoding name)."""
    if not data:
        raise EmptyInput(source, "empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", source), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", source), "utf-16"
    if b"\x00" in data:
        raise BinaryInput(source, "binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode(FALLBACK_ENCODING)
    except UnicodeDecodeError:
        raise DecodingError(
            source,
            f"not valid UTF-8 (byte {utf8_error.start}) nor {FALLBACK_ENCODING}",
        ) from None
    return text, FALLBACK_ENCODING


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodingError(source, f"invalid {encoding} at byte {exc.start}") from None
