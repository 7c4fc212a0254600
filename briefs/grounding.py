"""Ground a draft in its article: every evidence quote gets true offsets, or goes.

A quote is looked up exactly, then with whitespace and quotation marks
normalised, then fuzzily (rapidfuzz partial alignment, score >= 90) for quotes
long enough for a fuzzy match to mean something. Whatever is found is replaced
by the article's own characters, so ``text[start:end] == quote`` always holds.

An actor left with no quote of its own is grounded where the article names it
(its name, else an alias, as a whole word): the name itself is the evidence that
the article mentions it, so strict grounding keeps it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from briefs.draft import Draft
from briefs.schema import Actor, Evidence

__all__ = ["FUZZY_THRESHOLD", "GroundingReport", "find_name", "ground", "group_warnings", "locate"]

FUZZY_THRESHOLD = 90.0
MIN_FUZZY_CHARS = 20
_QUOTE_MAP = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-"}
)
_SPACE = re.compile(r"\s+")


def _normalised(text: str) -> tuple[str, list[int]]:
    """Text with quotes unified and whitespace runs folded, plus an offset map back."""
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text.translate(_QUOTE_MAP)):
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
        out.append(ch.lower())
        index.append(i)
    return "".join(out), index


def locate(text: str, quote: str, hint: int | None = None) -> tuple[int, int] | None:
    """Offsets of ``quote`` in ``text`` (exact, normalised, then fuzzy), or None."""
    quote = quote.strip()
    if not quote:
        return None
    if hint is not None and text[hint : hint + len(quote)] == quote:
        return hint, hint + len(quote)
    pos = text.find(quote)
    if pos >= 0:
        return pos, pos + len(quote)
    norm_text, index = _normalised(text)
    norm_quote = _SPACE.sub(" ", quote.translate(_QUOTE_MAP)).lower().strip()
    pos = norm_text.find(norm_quote)
    if pos >= 0:
        return index[pos], index[pos + len(norm_quote) - 1] + 1
    if len(norm_quote) < MIN_FUZZY_CHARS:
        return None
    found = fuzz.partial_ratio_alignment(norm_quote, norm_text, score_cutoff=FUZZY_THRESHOLD)
    if found is None or found.dest_end <= found.dest_start:
        return None
    return index[found.dest_start], index[found.dest_end - 1] + 1


def find_name(text: str, name: str) -> tuple[int, int] | None:
    """Offsets of ``name`` as a whole word in ``text``: exact case first, then with
    case, quotation marks and whitespace normalised; None when it is not there."""
    name = name.strip()
    if not name:
        return None
    for flags in (0, re.IGNORECASE):
        pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
        found = re.search(pattern, text, flags)
        if found:
            return found.start(), found.end()
    norm_text, index = _normalised(text)
    norm_name = _SPACE.sub(" ", name.translate(_QUOTE_MAP)).lower()
    found = re.search(rf"(?<!\w){re.escape(norm_name)}(?!\w)", norm_text)
    if found is None:
        return None
    return index[found.start()], index[found.end() - 1] + 1


_MAX_DETAILS = 3


def group_warnings(lines: list[str]) -> list[str]:
    """One line per kind of warning, with a count. The kind is what comes before
    the first ": " ("dropped quote not found in the article", "no evidence left");
    a kind met once keeps its line; a kind met n times becomes
    ``kind (n): detail; detail; detail; and n-3 more``. Order of first appearance."""
    kinds: dict[str, list[str]] = {}
    for line in lines:
        kind, sep, detail = line.partition(": ")
        kinds.setdefault(kind, []).append(detail if sep else "")
    out = []
    for kind, details in kinds.items():
        if len(details) == 1:
            out.append(f"{kind}: {details[0]}" if details[0] else kind)
            continue
        shown = list(dict.fromkeys(d for d in details if d))[:_MAX_DETAILS]
        rest = len(details) - len(shown)
        text = "; ".join(shown) + (f"; and {rest} more" if rest and shown else "")
        out.append(f"{kind} ({len(details)}): {text}" if text else f"{kind} ({len(details)})")
    return out


@dataclass
class GroundingReport:
    kept: int = 0
    moved: int = 0
    named: int = 0  # actors grounded where the article names them
    dropped: list[str] = field(default_factory=list)
    ungrounded: list[str] = field(default_factory=list)

    def warnings(self) -> list[str]:
        """Grouped: one line for dropped quotes, one for items left without evidence."""
        out = [f"dropped quote not found in the article: {q!r}" for q in self.dropped]
        out += [f"no evidence left: {item}" for item in self.ungrounded]
        return group_warnings(out)


def _name_evidence(text: str, actor: Actor) -> list[Evidence]:
    for form in [actor.name, *actor.aliases]:
        span = find_name(text, form)
        if span is not None:
            return [Evidence(quote=text[span[0] : span[1]], start=span[0], end=span[1])]
    return []


def _ground_list(text: str, evidence: list[Evidence], report: GroundingReport) -> list[Evidence]:
    out: list[Evidence] = []
    for ev in evidence:
        if 0 <= ev.start < ev.end <= len(text) and text[ev.start : ev.end] == ev.quote:
            report.kept += 1
            out.append(ev)
            continue
        span = locate(text, ev.quote, ev.start)
        if span is None:
            report.dropped.append(ev.quote[:80])
            continue
        report.moved += 1
        out.append(Evidence(quote=text[span[0] : span[1]], start=span[0], end=span[1]))
    return out


def ground(draft: Draft, text: str, strict: bool = False) -> tuple[Draft, GroundingReport]:
    """A copy of ``draft`` whose evidence all slices ``text`` exactly.

    Items left without evidence are listed in the report; with ``strict`` they
    are dropped (an actor is kept if the article names it, by name or alias, or if
    a position or issue still names it).
    """
    report = GroundingReport()
    actors = []
    for a in draft.actors:
        evidence = _ground_list(text, a.evidence, report)
        if not evidence:
            evidence = _name_evidence(text, a)
            report.named += bool(evidence)
        actors.append(a.model_copy(update={"evidence": evidence}))
    positions = []
    for p in draft.positions:
        p = p.model_copy(update={"evidence": _ground_list(text, p.evidence, report)})
        if not p.evidence:
            report.ungrounded.append(f"position of {p.actor} {p.stance[:60]!r}")
            if strict:
                continue
        positions.append(p)
    issues = []
    for i in draft.open_issues:
        i = i.model_copy(update={"evidence": _ground_list(text, i.evidence, report)})
        if not i.evidence:
            report.ungrounded.append(f"open issue {i.issue[:60]!r}")
            if strict:
                continue
        issues.append(i)
    if strict:
        named = {p.actor for p in positions} | {n for i in issues for n in i.actors}
        kept_actors = []
        for a in actors:
            if a.evidence or a.name in named:
                kept_actors.append(a)
            else:
                report.ungrounded.append(f"actor {a.name!r}")
        actors = kept_actors
    else:
        report.ungrounded += [f"actor {a.name!r}" for a in actors if not a.evidence]
    grounded = draft.model_copy(
        update={"actors": actors, "positions": positions, "open_issues": issues}
    )
    return grounded, report
