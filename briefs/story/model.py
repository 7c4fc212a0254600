"""Changes of position labelled by a chat model (LLM backends), one call per digest.

The prompt (``prompts/digest.changes.j2``, rendered in the sandbox) lists every
timeline entry that has earlier stances of the same actor; the reply is validated
(``{"labels": [{"index", "change"}]}``). Entries the model leaves out, or a reply that
does not validate, keep the rule's labels, and ``meta.warnings`` says so.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from briefs.backends.llm.prompting import PromptSet, default_prompts_dir
from briefs.schema import ChangeKind, Digest
from briefs.text.replies import json_object_text

__all__ = ["relabel_changes"]

TEMPLATE = "digest.changes.j2"
_Label = Literal["reversed", "softened", "hardened", "new demand", "new position", "none"]


class _Item(BaseModel):
    index: int
    change: _Label


class _Reply(BaseModel):
    labels: list[_Item]


def _items(digest: Digest) -> list[dict[str, Any]]:
    order = {a.id: a.order for a in digest.articles}
    items = []
    for i, entry in enumerate(digest.timeline):
        before = [
            e.stance
            for e in digest.timeline
            if e.actor == entry.actor and order[e.article] < order[entry.article]
        ]
        if before:
            items.append(
                {"index": i, "actor": entry.actor, "earlier": before, "stance": entry.stance}
            )
    return items


def _render(items: list[dict[str, Any]]) -> str:
    """The prompt, rendered like every other template (sandboxed, strict undefined)."""
    folder = default_prompts_dir()
    source = (folder / TEMPLATE).read_text(encoding="utf-8")
    return PromptSet(folder, {TEMPLATE: source}, version=TEMPLATE).render(TEMPLATE, items=items)


def relabel_changes(digest: Digest, chat_model: Any) -> Digest:
    """The digest with ``change`` labels from ``chat_model`` (a langchain-core chat model)."""
    items = _items(digest)
    meta = digest.meta.model_copy() if digest.meta else None
    if not items:
        return digest
    prompt = _render(items)
    reply = chat_model.invoke(prompt)
    text, found = json_object_text(reply.content)
    try:
        parsed = _Reply.model_validate_json(found or text)
    except ValidationError as exc:
        if meta is not None:
            meta.warnings.append(
                f"change labels: model reply invalid, rule kept ({exc.error_count()} errors)"
            )
        return digest.model_copy(update={"meta": meta})
    labels = {item.index: item.change for item in parsed.labels}
    wanted = {item["index"] for item in items}
    timeline = []
    for i, entry in enumerate(digest.timeline):
        if i in labels and i in wanted:
            label = labels[i]
            change: ChangeKind | None = None if label == "none" else label
            entry = entry.model_copy(update={"change": change})
        timeline.append(entry)
    missing = len(wanted - set(labels))
    if meta is not None:
        meta.change_method = "model"
        if missing:
            meta.warnings.append(f"change labels: model left {missing} items out, rule kept")
    return digest.model_copy(update={"timeline": timeline, "meta": meta})
