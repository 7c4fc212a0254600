"""The JSON object in a chat model's reply: content blocks joined, code fences removed.

Shared by the brief parser, the judge and the digest's change labeller; each raises its
own error with its own wording when there is no object or it is not valid JSON.

>>> json_object_text('```json\\n{"better": "A"}\\n```')
('{"better": "A"}', '{"better": "A"}')
>>> json_object_text('Here it is: {"better": "B"} Hope that helps.')[1]
'{"better": "B"}'
>>> json_object_text([{"type": "text", "text": "no object here"}])
('no object here', None)
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["json_object_text", "reply_text"]

_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.S)


def reply_text(content: Any) -> str:
    """A reply's text: content blocks (a list of strings or ``{"text": ...}``) joined."""
    if isinstance(content, list):
        content = "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    return _FENCE.sub("", str(content).strip())


def json_object_text(content: Any) -> tuple[str, str | None]:
    """(the reply's text, the span from its first ``{`` to its last ``}`` or None)."""
    text = reply_text(content)
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        return text, None
    return text, text[start : end + 1]
