"""Token economy of the LLM path on seeds/: calls, prompt overhead, token efficiency.

    python benchmarks/llm_tokens.py seeds/                       # simulated model
    python benchmarks/llm_tokens.py seeds/ --backend openai-compatible:gemma-3-270m \\
        --base-url http://127.0.0.1:8765/v1 --no-system-role      # a live model

Simulated: the model's reply is the article's hand-written reference brief (from
evals/references, in the reply format), so the numbers are those of a model that
answers well on the first try. Live: the real calls, re-asks included.

calls/article        model calls for the article (1 when it fits the budget)
overhead tokens      billed input tokens that are not article text (instructions, schema)
efficiency           (article tokens + brief tokens) / billed tokens
Tokens are counted with tiktoken (cl100k_base; an estimate for non-OpenAI models).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from briefs.backends.base import Usage
from briefs.backends.llm.backend import LLMBackend
from briefs.backends.llm.tokens import count_tokens
from briefs.cli_options import backend_from_options
from briefs.errors import BackendError
from briefs.ingest import iter_articles
from briefs.schema import Article

ROOT = Path(__file__).resolve().parent.parent


def reference_reply(article_id: str) -> str:
    ref = json.loads((ROOT / "evals/references" / f"{article_id}.json").read_text())
    out: dict[str, Any] = {
        "summary": ref["summary"],
        "actors": [
            {k: a.get(k) for k in ("name", "kind", "role", "aliases")} | {"evidence": []}
            for a in ref["actors"]
        ],
        "positions": [
            {"actor": p["actor"], "stance": p["stance"], "evidence": []} for p in ref["positions"]
        ],
        "open_issues": [
            {"issue": i["issue"], "actors": i["actors"], "evidence": []} for i in ref["open_issues"]
        ],
    }
    return json.dumps(out, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--backend", default=None, help="a live backend spec; default simulated")
    parser.add_argument("--base-url", default=None)
    parser.add_argument("--no-system-role", action="store_true")
    parser.add_argument(
        "--max-output-tokens",
        type=int,
        default=None,
        help="reply cap for a live model (a small base model rambles)",
    )
    parser.add_argument("--model", default="gpt-4o-mini", help="tokenizer/budget for simulated")
    args = parser.parse_args()
    articles = [a for a in iter_articles(args.paths) if isinstance(a, Article)]
    print(
        f"{'article':<26}{'calls':>6}{'article tok':>12}{'overhead':>10}{'brief tok':>10}"
        f"{'billed':>8}{'efficiency':>11}"
    )
    totals = {"calls": 0, "article": 0, "overhead": 0, "brief": 0, "billed": 0}
    for article in articles:
        if args.backend:
            backend = backend_from_options(
                args.backend,
                None,
                args.base_url,
                None,
                2,
                60_000,
                None,
                "auto",
                args.no_system_role,
            )
            if args.max_output_tokens:
                backend.max_output_tokens = args.max_output_tokens  # type: ignore[attr-defined]
        else:
            fake = GenericFakeChatModel(messages=iter([AIMessage(reference_reply(article.id))]))
            backend = LLMBackend(fake, model=args.model, system_role=not args.no_system_role)
        failed = ""
        try:
            usage = backend.generate(article).usage
        except BackendError as exc:  # a weak live model: its failed attempts are billed too
            usage = getattr(exc, "usage", None) or Usage(attempts=0)
            failed = "  (no valid brief)"
        model = backend.model
        art = count_tokens(article.text, model).tokens
        billed = (usage.tokens_in or 0) + (usage.tokens_out or 0)
        overhead = (usage.tokens_in or 0) - art * max(usage.calls, 1)
        row = {
            "calls": usage.calls,
            "article": art,
            "overhead": overhead,
            "brief": usage.tokens_out or 0,
            "billed": billed,
        }
        for k in totals:
            totals[k] += row[k]
        eff = (art + row["brief"]) / billed if billed else 0.0
        print(
            f"{article.id[:25]:<26}{row['calls']:>6}{art:>12}{overhead:>10}{row['brief']:>10}"
            f"{billed:>8}{eff:>11.3f}{failed}"
        )
    n = len(articles)
    eff = (totals["article"] + totals["brief"]) / totals["billed"] if totals["billed"] else 0.0
    print(
        f"{'mean per article':<26}{totals['calls'] / n:>6.2f}{totals['article'] / n:>12.0f}"
        f"{totals['overhead'] / n:>10.0f}{totals['brief'] / n:>10.0f}"
        f"{totals['billed'] / n:>8.0f}{eff:>11.3f}"
    )


if __name__ == "__main__":
    main()
