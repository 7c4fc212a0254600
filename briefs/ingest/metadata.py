"""Title and date found inside plain text: front matter, date headers, headline lines."""

from __future__ import annotations

import datetime as _dt
import re

import yaml

__all__ = [
    "MEDIA_PLAYBACK",
    "SHARE_WIDGET",
    "WIRE_DATELINE",
    "clean_date",
    "derive_title",
    "split_front_matter",
    "take_date_header",
    "take_title",
]

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
# "date 2023-11-07", "Date: 2023-11-07", at the very start of the text (inline or own line).
_DATE_HEADER = re.compile(
    r"\A[ \t]*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?[ \t]*\n?", re.I
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_MAX_TITLE_WORDS = 20
# A wire dateline opening a story: "(CNN)The ...", "Rome (CNN) -- ...", "LONDON (Reuters) -".
WIRE_DATELINE = re.compile(
    r"^(?:[A-Z][\w .,'-]{0,40})?\((?:CNN|AP|Reuters|AFP)\)\s*(?:--\s*|-\s+)?"
)
# A share widget scraped with the page, its buttons run together with the text:
# "Share this withEmailFacebookTwitter…Copy this linkThe campaign was launched …".
SHARE_WIDGET = re.compile(
    r"Share this with(?:\s*(?:Email|Facebook|Messenger|Twitter|Pinterest|WhatsApp|"
    r"Linked[Ii]n|Copy\s+this\s+link))+"
)
# The notice a BBC page leaves where a video was, glued to the next sentence:
# "Media playback is not supported on this deviceThe American, 32, looked set ...".
MEDIA_PLAYBACK = re.compile(
    r"Media playback is (?:not supported on this|unsupported on your) device"
)


def clean_date(value: object) -> str | None:
    """A YYYY-MM-DD string from a date-like value, or None when there is none."""
    if value is None:
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    match = _ISO_DATE.search(str(value))
    if not match:
        return None
    try:
        return _dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The scalar fields of a YAML front matter block (PyYAML ``safe_load``; keys
    lower-cased, nested values left out) and the text after it. A block that is not
    valid YAML is still removed, its fields ignored."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        data = None
    fields: dict[str, str] = {}
    for key, value in data.items() if isinstance(data, dict) else ():
        if isinstance(value, (_dt.date, _dt.datetime)):
            fields[str(key).lower()] = value.isoformat()
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            fields[str(key).lower()] = str(value).strip()
    return fields, text[match.end() :]


def take_date_header(text: str) -> tuple[str | None, str]:
    """A leading ``date YYYY-MM-DD`` header and the text without it."""
    match = _DATE_HEADER.match(text)
    if not match:
        return None, text
    return clean_date(match.group(1)), text[match.end() :]


def take_title(text: str) -> tuple[str | None, str]:
    """A headline: a short first line standing alone (or a Markdown ``#`` heading)."""
    first, sep, rest = text.lstrip().partition("\n")
    if not sep or not rest.strip():
        return None, text
    line = first.strip()
    heading = line.startswith("#")
    line = line.lstrip("#").strip()
    words = line.split()
    standalone = heading or rest.startswith("\n") or _DATE_HEADER.match(rest) is not None
    if not words or len(words) > _MAX_TITLE_WORDS or not standalone:
        return None, text
    if not heading and line.endswith((".", ",", ";", ":")) and len(words) > 12:
        return None, text
    return line, rest


def derive_title(text: str, max_words: int = 14) -> str | None:
    """A title made from the first sentence when the input has none (a wire dateline
    or a share widget at the start left out).

    >>> derive_title("(CNN)The classic video game was developed in Japan. More.")
    'The classic video game was developed in Japan'
    >>> derive_title("Share this withEmailFacebookCopy this linkThe campaign was launched.")
    'The campaign was launched'
    >>> derive_title("Media playback is not supported on this deviceThe American withdrew.")
    'The American withdrew'
    """
    body = text.strip()
    while furniture := (
        WIRE_DATELINE.match(body) or SHARE_WIDGET.match(body) or MEDIA_PLAYBACK.match(body)
    ):
        body = body[furniture.end() :].lstrip()
    first = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0].strip()
    words = first.split()
    if not words:
        return None
    if len(words) <= max_words:
        return first.rstrip(".")
    return " ".join(words[:max_words]).rstrip(",;:") + "…"
