"""An optional LLM judge of summaries: pairwise, order swapped, repeated, never gating.

For each article the judge sees the article and two summaries, the brief's and the
reference's, and says which is better (or a tie). Each judgement is asked
``repeats`` times (default 2), the shown order alternating: the brief is summary A
in runs 1, 3, ... and summary B in runs 2, 4, .... Verdicts are mapped back to
"brief" / "reference" / "tie", and the report gives, over the articles with at
least two valid verdicts, the share whose verdicts all agree (``agreement``) and the
share of valid verdicts that picked whichever summary was shown first
(``first_shown_rate``; 0.5 with no position bias, 1.0 for a judge that always picks
A, whose agreement is then 0).

A judge is a chat model from any registered LLM backend (``openai:gpt-4o-mini``,
``ollama:llama3.1``, ...). Its replies are validated; a failed call or an invalid
reply is a warning and a missing verdict, never an eval failure. Nothing here
enters ``overall`` or a gate: judges are not deterministic and can be biased.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage
from pydantic import BaseModel, ValidationError

from briefs.backends.llm.prompting import PromptSet, default_prompts_dir
from briefs.errors import BackendError, JudgeReplyError, UsageError
from briefs.schema import Brief
from briefs.text.replies import json_object_text

__all__ = [
    "JUDGE_TEMPLATE",
    "ArticleJudgement",
    "JudgeReply",
    "JudgeReplyError",
    "JudgeReport",
    "judge_chat_model",
    "judge_summaries",
    "parse_judge_reply",
]

JUDGE_TEMPLATE = "judge.pairwise.j2"
Verdict = Literal["brief", "reference", "tie"]


class JudgeReply(BaseModel):
    better: Literal["A", "B", "tie"]
    reason: str = ""


def parse_judge_reply(content: Any) -> JudgeReply:
    """The verdict in a reply (JSON, possibly fenced or wrapped in prose)."""
    text, found = json_object_text(content)
    if found is None:
        raise JudgeReplyError(f"no JSON object in the judge's reply: {text[:80]!r}")
    try:
        data = json.loads(found)
    except json.JSONDecodeError as exc:
        raise JudgeReplyError(f"invalid JSON in the judge's reply: {exc.msg}") from None
    if isinstance(data, dict) and isinstance(data.get("better"), str):
        better = data["better"].strip()
        data["better"] = better.lower() if better.lower() == "tie" else better.upper()
    try:
        return JudgeReply.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"])) or "reply"
        raise JudgeReplyError(f"bad judge reply: {where}: {first['msg']}") from None


@dataclass
class ArticleJudgement:
    id: str
    verdicts: list[Verdict | None]  # one per run; None when the run failed
    brief_first: list[bool]  # whether the brief was shown as summary A in that run
    reasons: list[str] = field(default_factory=list)  # per run ("" when it failed)

    @property
    def valid(self) -> list[Verdict]:
        return [v for v in self.verdicts if v is not None]

    @property
    def consistent(self) -> bool | None:
        """All valid verdicts the same (None with fewer than two)."""
        return len(set(self.valid)) == 1 if len(self.valid) >= 2 else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "verdicts": self.verdicts,
            "brief_first": self.brief_first,
            "consistent": self.consistent,
            "reasons": self.reasons,
        }


@dataclass
class JudgeReport:
    judge: str
    repeats: int
    articles: list[ArticleJudgement]
    warnings: list[str] = field(default_factory=list)

    def _share(self, hits: int, total: int) -> float | None:
        return hits / total if total else None

    @property
    def agreement(self) -> float | None:
        """Share of articles (with 2+ valid verdicts) whose verdicts all agree."""
        flags = [a.consistent for a in self.articles if a.consistent is not None]
        return self._share(sum(flags), len(flags))

    @property
    def first_shown_rate(self) -> float | None:
        """Share of non-tie verdicts that picked the summary shown first (A)."""
        picks = [
            (v == "brief") == first
            for a in self.articles
            for v, first in zip(a.verdicts, a.brief_first, strict=True)
            if v in ("brief", "reference")
        ]
        return self._share(sum(picks), len(picks))

    def rate(self, verdict: Verdict) -> float | None:
        valid = [v for a in self.articles for v in a.valid]
        return self._share(sum(v == verdict for v in valid), len(valid))

    def to_dict(self) -> dict[str, Any]:
        calls = sum(len(a.verdicts) for a in self.articles)
        return {
            "judge": self.judge,
            "mode": "pairwise: brief summary vs reference summary",
            "repeats": self.repeats,
            "articles_judged": len(self.articles),
            "verdicts": sum(len(a.valid) for a in self.articles),
            "failed": calls - sum(len(a.valid) for a in self.articles),
            "agreement": self.agreement,
            "first_shown_rate": self.first_shown_rate,
            "brief_wins": self.rate("brief"),
            "reference_wins": self.rate("reference"),
            "ties": self.rate("tie"),
            "articles": [a.to_dict() for a in self.articles],
            "warnings": self.warnings,
        }


def judge_prompts(folder: str | Path | None = None) -> PromptSet:
    """The judge template from ``folder`` when it has one, else the shipped one."""
    path = Path(folder) if folder is not None else default_prompts_dir()
    if not (path / JUDGE_TEMPLATE).is_file():
        path = default_prompts_dir()
    file = path / JUDGE_TEMPLATE
    try:
        source = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{file}: cannot read the judge template ({exc.strerror})") from None
    return PromptSet(path, {JUDGE_TEMPLATE: source}, version=JUDGE_TEMPLATE)


def judge_chat_model(spec: str, **options: Any) -> BaseChatModel:
    """The chat model of an LLM backend spec (``NAME:MODEL``); BackendError otherwise."""
    from briefs.backends.llm.backend import LLMBackend
    from briefs.backends.registry import get_backend

    backend = get_backend(spec, **options)
    if not isinstance(backend, LLMBackend):
        raise BackendError(f"backend {spec!r} has no chat model to judge with")
    return backend.chat_model()


def _ask(chat: BaseChatModel, prompt: str) -> JudgeReply:
    reply = chat.invoke([HumanMessage(prompt)])
    return parse_judge_reply(reply.content)


def judge_summaries(
    chat: BaseChatModel,
    briefs: dict[str, Brief],
    references: dict[str, Brief],
    texts: dict[str, str],
    *,
    repeats: int = 2,
    judge: str | None = None,
    prompts: PromptSet | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> JudgeReport:
    """Judge each brief's summary against its reference's, ``repeats`` times, order
    alternating. Articles without a brief, a reference summary or the text are skipped
    (with a warning); failures are warnings, never exceptions."""
    if repeats < 1:
        raise UsageError("--judge-repeats must be at least 1")
    prompts = prompts or judge_prompts()
    report = JudgeReport(judge or type(chat).__name__, repeats, [])

    def warn(message: str) -> None:
        report.warnings.append(message)
        if on_warning is not None:
            on_warning(message)

    for rid in sorted(references):
        brief, ref, text = briefs.get(rid), references[rid], texts.get(rid)
        missing = (
            "brief summary"
            if brief is None or not brief.summary.strip()
            else "reference summary"
            if not ref.summary.strip()
            else "article text"
            if not text
            else None
        )
        if missing or brief is None or text is None:
            warn(f"{rid}: not judged (no {missing})")
            continue
        item = ArticleJudgement(rid, [], [])
        for run in range(repeats):
            brief_first = run % 2 == 0
            a, b = (brief.summary, ref.summary) if brief_first else (ref.summary, brief.summary)
            item.brief_first.append(brief_first)
            try:
                prompt = prompts.render(JUDGE_TEMPLATE, article=text, summary_a=a, summary_b=b)
                reply = _ask(chat, prompt)
            except Exception as exc:  # a judge never fails the eval: warn and go on
                item.verdicts.append(None)
                item.reasons.append("")
                warn(f"{rid}: judge run {run + 1}: {str(exc).splitlines()[0][:200]}")
                continue
            shown_first: Verdict = "brief" if brief_first else "reference"
            shown_second: Verdict = "reference" if brief_first else "brief"
            item.verdicts.append(
                "tie"
                if reply.better == "tie"
                else shown_first
                if reply.better == "A"
                else shown_second
            )
            item.reasons.append(reply.reason)
        report.articles.append(item)
    return report
