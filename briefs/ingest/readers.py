"""One reader per format: each turns a decoded file into Articles."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from briefs.errors import EmptyInput, InputTooLarge, MalformedRecord
from briefs.ingest.metadata import (
    clean_date,
    derive_title,
    split_front_matter,
    take_date_header,
    take_title,
)
from briefs.ingest.normalize import normalize_text
from briefs.schema import Article

__all__ = ["read_html", "read_json", "read_jsonl_line", "read_text"]


def _article(*, id: str, text: str, source: str, title: str | None, date: str | None) -> Article:
    body = normalize_text(text)
    if not body:
        raise EmptyInput(source, "no article text (empty or whitespace only)")
    title = normalize_text(title).replace("\n", " ") if title else None
    return Article(
        id=id,
        title=title or derive_title(body),
        date=date,
        text=body,
        source=source,
    )


def read_text(raw: str, *, id: str, source: str) -> Article:
    """Plain text or Markdown: front matter, inline date header, headline line."""
    text = raw.lstrip("\ufeff")
    fields, text = split_front_matter(text.replace("\r\n", "\n"))
    date = clean_date(fields.get("date"))
    title: str | None = fields.get("title") or None
    header_date, text = take_date_header(text.lstrip())
    if title is None:
        title, text = take_title(text)
        later_date, text = take_date_header(text.lstrip("\n"))
        header_date = header_date or later_date
    elif text.lstrip().startswith("#"):
        heading, rest = take_title(text)
        if heading and heading.lower() == title.lower():
            text = rest
    text = re.sub(r"(?m)^#{1,6}[ \t]+", "", text)  # Markdown heading marks
    return _article(id=id, text=text, source=source, title=title, date=date or header_date)


def read_html(raw: str, *, id: str, source: str) -> Article:
    """Main text, title and date of a web page, extracted with trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        raise EmptyInput(source, "no article text found in the HTML")
    title = getattr(doc, "title", None)
    lines = [line for line in text.split("\n") if line.strip()]
    if title and lines and lines[0].strip().lower() == title.strip().lower():
        lines = lines[1:]
    return _article(
        id=id,
        text="\n\n".join(lines),
        source=source,
        title=title,
        date=clean_date(getattr(doc, "date", None)),
    )


def _from_record(record: Any, *, default_id: str, source: str, max_bytes: int) -> Article:
    if not isinstance(record, dict):
        raise MalformedRecord(source, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedRecord(source, "record has no string field 'text'")
    if len(text.encode("utf-8")) > max_bytes:
        raise InputTooLarge(source, f"article text is over the {max_bytes:,}-byte limit")
    rid = record.get("id")
    title = record.get("title")
    return _article(
        id=str(rid).strip() if rid not in (None, "") else default_id,
        text=text,
        source=source,
        title=title if isinstance(title, str) else None,
        date=clean_date(record.get("date")),
    )


def read_json(raw: str, *, id: str, source: str, max_bytes: int) -> Iterator[Article]:
    """A .json file: one article object (or a list of them)."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(source, f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        default_id = id if len(records) == 1 else f"{id}-{index + 1}"
        yield _from_record(record, default_id=default_id, source=source, max_bytes=max_bytes)


def read_jsonl_line(line: str, *, stem: str, lineno: int, source: str, max_bytes: int) -> Article:
    """One line of a .jsonl file."""
    where = f"{source}:{lineno}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(where, f"invalid JSON: {exc.msg}") from None
    return _from_record(record, default_id=f"{stem}-{lineno}", source=where, max_bytes=max_bytes)
