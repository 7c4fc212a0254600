"""``briefs eval --judge``: run the optional LLM judge and describe its result."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from briefs.evaluate.report import EvalReport
    from briefs.judge import JudgeReport

__all__ = ["judge_line", "run_judge"]


def run_judge(
    spec: str,
    repeats: int,
    report: EvalReport,
    sources: tuple[Path, ...],
    backend_opts: dict[str, Any],
) -> JudgeReport | dict[str, Any]:
    """Run the optional judge; every failure is a warning (never an exit code)."""
    from briefs.eval_run import article_texts
    from briefs.judge import judge_chat_model, judge_prompts, judge_summaries

    def warn(message: str) -> None:
        click.echo(f"warning: judge: {message}", err=True)

    options = {k: backend_opts[k] for k in ("base_url", "timeout") if backend_opts.get(k)}
    try:
        chat = judge_chat_model(spec, **options)
        prompts = judge_prompts(backend_opts.get("prompts_dir"))
        texts = article_texts(sources) if sources else {}
    except Exception as exc:  # the judge never fails the eval, whatever breaks
        warn(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        return {"judge": spec, "error": str(exc)}
    return judge_summaries(
        chat,
        report.briefs,
        report.references,
        texts,
        repeats=repeats,
        judge=spec,
        prompts=prompts,
        on_warning=warn,
    )


def judge_line(judged: JudgeReport | dict[str, Any]) -> str:
    data = judged if isinstance(judged, dict) else judged.to_dict()
    if "error" in data:
        return f"judge {data['judge']}: not run ({data['error']})"

    def f(value: float | None) -> str:
        return "–" if value is None else f"{value:.2f}"

    return (
        f"judge {data['judge']} (not gating): brief wins {f(data['brief_wins'])}, "
        f"reference wins {f(data['reference_wins'])}, ties {f(data['ties'])}; "
        f"agreement {f(data['agreement'])} over {data['articles_judged']} articles, "
        f"{data['repeats']} runs each with the order swapped; first-shown picked "
        f"{f(data['first_shown_rate'])}; {data['failed']} failed run(s)"
    )
