"""Repair a reply that breaks only a cap of the reply schema, instead of re-asking.

A good answer must not be thrown away because one role is a few characters too
long or a person has one alias too many. So, before any re-ask:

- a string over its ``max_length`` is cut at a word boundary;
- a list over its ``max_length`` keeps its first items (lists are ordered most
  important first); when that drops actors, positions naming them go and issues
  stop naming them, so the reply stays consistent.

Each repair is one line for ``meta.warnings``. Anything else (wrong types, missing
fields, names not in ``actors``) is not repairable here and is re-asked.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

__all__ = ["CAP_ERRORS", "cut_at_word", "repair_caps"]

CAP_ERRORS = frozenset({"string_too_long", "too_long"})
_MAX_ROUNDS = 8  # nested caps (a list inside a list) need a round each; bounded
_TRAILING = " \t\n,;:-–—(/"
_SPACE = re.compile(r"\s")


def cut_at_word(text: str, cap: int) -> str:
    """``text`` cut to at most ``cap`` characters, at the last word boundary that
    keeps at least half of them (else at ``cap``), trailing separators removed."""
    if len(text) <= cap:
        return text
    if not text[cap].isalnum():  # the cut falls between words already
        return text[:cap].rstrip(_TRAILING) or text[:cap]
    spaces = [m.start() for m in _SPACE.finditer(text[: cap + 1])]
    end = spaces[-1] if spaces and spaces[-1] >= cap // 2 else cap
    return text[:end].rstrip(_TRAILING) or text[:cap]


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _parent(data: Any, loc: tuple[int | str, ...]) -> tuple[Any, int | str] | None:
    node = data
    for part in loc[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node, loc[-1]


def _drop_actor_references(data: dict[str, Any], dropped: set[str]) -> str | None:
    positions = [p for p in data.get("positions") or [] if isinstance(p, dict)]
    kept = [p for p in positions if p.get("actor") not in dropped]
    data["positions"] = kept
    named = 0
    for issue in data.get("open_issues") or []:
        if isinstance(issue, dict) and isinstance(issue.get("actors"), list):
            before = len(issue["actors"])
            issue["actors"] = [n for n in issue["actors"] if n not in dropped]
            named += before - len(issue["actors"])
    if len(kept) == len(positions) and not named:
        return None
    return (
        f"repaired actors: dropped {len(positions) - len(kept)} position(s) and "
        f"{named} issue mention(s) of the actors cut from the list"
    )


def _fix(data: Any, err: Any) -> str | None:
    found = _parent(data, tuple(err["loc"]))
    if found is None:
        return None
    parent, key = found
    try:
        value = parent[key]
    except (KeyError, IndexError, TypeError):
        return None
    cap = int(err["ctx"]["max_length"])
    where = _path(tuple(err["loc"]))
    if err["type"] == "string_too_long" and isinstance(value, str):
        parent[key] = cut_at_word(value, cap)
        return (
            f"repaired {where}: cut from {len(value)} to {len(parent[key])} characters "
            "at a word boundary"
        )
    if err["type"] == "too_long" and isinstance(value, list):
        parent[key] = value[:cap]
        note = f"repaired {where}: {len(value)} items, kept the first {cap}"
        if tuple(err["loc"]) == ("actors",) and isinstance(data, dict):
            gone = {a.get("name") for a in value[cap:] if isinstance(a, dict)}
            gone -= {a.get("name") for a in value[:cap] if isinstance(a, dict)}
            extra = _drop_actor_references(data, {g for g in gone if isinstance(g, str)})
            if extra:
                note += f"; {extra.removeprefix('repaired actors: ')}"
        return note
    return None


def repair_caps(model: type[BaseModel], data: Any) -> tuple[Any, list[str]]:
    """``data`` with every over-long string cut and over-long list truncated, as far
    as that makes it valid for ``model``; and one note per repair. ``data`` itself
    is not changed. Errors of other kinds are left for the caller (a re-ask)."""
    import copy

    data = copy.deepcopy(data)
    notes: list[str] = []
    for _ in range(_MAX_ROUNDS):
        try:
            model.model_validate(data)
            return data, notes
        except ValidationError as exc:
            fixable = [e for e in exc.errors() if e["type"] in CAP_ERRORS and "ctx" in e]
        # deepest first, so cutting an outer list never shifts a path still to be fixed
        fixable.sort(key=lambda e: len(e["loc"]), reverse=True)
        made = [note for e in fixable if (note := _fix(data, e))]
        if not made:
            break
        notes.extend(made)
    return data, notes
