"""Is the LLM path lossless? Replay every reference brief as a chat model's answer.

    python benchmarks/llm_replay.py            # seeds + external references (corpus if present)

A fake chat model answers each article with its hand-written reference, written in
the reply schema (``BriefOut``), through the whole LLM path: prompt, one call per
article, parsing, cap repair, grounding, meta; then ``briefs eval`` scores the
briefs against the same references. A perfect answer must score 1.0 on every
field; anything lower is a loss in the path (tests/test_llm_replay.py asserts it).

References carry no evidence, so the answer's evidence is made from the article,
verbatim, one quote per item (deterministic):
- an actor: the first sentence that names it (its name or an alias, whole word,
  any case), else none;
- a position: the sentence most similar to the stance (the eval's lexical
  similarity), among sentences naming the actor when there are any;
- an open issue: the sentence most similar to the issue.

Printed per set: articles, model calls per article, tokens in/out per article
(tiktoken, as billed to a model with no usage metadata), answers that needed a
re-ask or a repair, and each field's minimum over the articles; the rules backend
on the same articles is the peer.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

from briefs.backends.llm.backend import LLMBackend
from briefs.eval_run import generate_and_evaluate
from briefs.evaluate import load_briefs
from briefs.evaluate.report import EvalReport
from briefs.ingest import iter_articles
from briefs.schema import Actor, Article, Brief
from briefs.text.sentences import split_sentences
from briefs.text.similarity import lexical

ROOT = Path(__file__).resolve().parent.parent
_ARTICLE = re.compile(r"<article>\n(.*)\n</article>", re.S)

__all__ = ["ARTICLE_BASED", "ReplayChat", "answer_for", "losses", "replay_sets", "run_set"]

# fields that judge the summary against the article, not the reference: a reference's
# own (hand-written, paraphrasing) summary does not reach 1.0 / 0 on them
ARTICLE_BASED = ("summary.score", "summary.unsupported")


def _names(actor: Actor) -> list[str]:
    return [actor.name, *actor.aliases]


def _mentions(sentence: str, forms: list[str]) -> bool:
    return any(
        re.search(rf"(?<!\w){re.escape(f.strip())}(?!\w)", sentence, re.IGNORECASE)
        for f in forms
        if f.strip()
    )


def _best(sentences: list[str], text: str) -> list[str]:
    scored = [(lexical(text, s), -i, s) for i, s in enumerate(sentences)]
    best = max(scored, default=(0.0, 0, ""))
    return [best[2]] if best[0] > 0 else []


def answer_for(ref: Brief, article_text: str) -> dict[str, Any]:
    """``ref`` as a reply in the reply schema, with evidence quoted from the article."""
    sentences = [s.text for s in split_sentences(article_text)]
    actors = {a.name: a for a in ref.actors}

    def actor_quote(actor: Actor) -> list[str]:
        return [s for s in sentences if _mentions(s, _names(actor))][:1]

    def stance_quote(name: str, stance: str) -> list[str]:
        actor = actors.get(name)
        naming = [s for s in sentences if actor and _mentions(s, _names(actor))]
        return _best(naming, stance) or _best(sentences, stance)

    return {
        "summary": ref.summary,
        "actors": [
            {
                "name": a.name,
                "kind": a.kind,
                "role": a.role,
                "aliases": a.aliases,
                "evidence": actor_quote(a),
            }
            for a in ref.actors
        ],
        "positions": [
            {"actor": p.actor, "stance": p.stance, "evidence": stance_quote(p.actor, p.stance)}
            for p in ref.positions
        ],
        "open_issues": [
            {"issue": i.issue, "actors": i.actors, "evidence": _best(sentences, i.issue)}
            for i in ref.open_issues
        ],
    }


class ReplayChat(BaseChatModel):
    """Answers each prompt with the reply prepared for the article inside it."""

    answers: dict[str, str]
    calls: dict[str, int] = Field(default_factory=dict)

    @property
    def _llm_type(self) -> str:
        return "replay"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        found = _ARTICLE.search(str(messages[-1].content)) or _ARTICLE.search(
            "\n".join(str(m.content) for m in messages)
        )
        text = found.group(1) if found else ""
        self.calls[text] = self.calls.get(text, 0) + 1
        reply = self.answers.get(text, "no reference for this article")
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=reply))])


def replay_sets(root: Path = ROOT) -> list[tuple[str, list[Path], Path]]:
    """(name, article paths, reference folder) of every reference set whose articles
    are here: the seeds, and the external references when the corpus is present."""
    sets = [("seeds", [root / "seeds"], root / "evals" / "references")]
    config = json.loads((root / "evals" / "external-sources.json").read_text())
    corpus = [root / p for p in config["corpus"]]
    if all(p.exists() for p in corpus):
        sets.append(("external", corpus, root / "evals" / "external"))
    return sets


def run_set(
    paths: list[Path], refs_dir: Path, model: str = "replay"
) -> tuple[EvalReport, list[str], ReplayChat]:
    """Replay every reference of ``refs_dir`` through the LLM path and score it."""
    references = load_briefs(refs_dir)
    answers: dict[str, str] = {}
    for item in iter_articles(paths):
        if isinstance(item, Article) and item.id in references:
            answer = answer_for(references[item.id], item.text)
            answers[item.text] = json.dumps(answer, ensure_ascii=False)
    chat = ReplayChat(answers=answers)
    backend = LLMBackend(chat, model=model)
    report, errors = generate_and_evaluate(paths, references, backend)
    return report, errors, chat


def losses(report: EvalReport, texts: dict[str, str]) -> dict[str, dict[str, float]]:
    """Per article, every field not at its best: 1.0 (0.0 for lower-is-better fields);
    for the article-based summary fields, the reference's own score against itself."""
    from briefs.evaluate.metrics import score_brief
    from briefs.evaluate.scores import higher_is_better

    out: dict[str, dict[str, float]] = {}
    for article in report.articles:
        ref = report.references[article.id]
        itself = score_brief(ref, ref, text=texts[article.id]).fields
        best = {k: 1.0 if higher_is_better(k) else 0.0 for k in article.fields}
        best.update({k: itself[k] for k in ARTICLE_BASED if itself.get(k) is not None})
        lost = {
            k: v
            for k, v in article.fields.items()
            if k in best
            and ((v is None and k == "grounding.exact") or (v is not None and v != best[k]))
        }
        if lost:
            out[article.id] = {k: v if v is not None else float("nan") for k, v in lost.items()}
    return out


def main() -> None:
    from briefs.evaluate.scores import FIELDS, higher_is_better

    for name, paths, refs in replay_sets():
        report, errors, chat = run_set(paths, refs)
        rules, _ = generate_and_evaluate(paths, load_briefs(refs), "rules")
        briefs = report.briefs.values()
        n = len(report.articles)
        tokens_in = sum(b.meta.tokens_in or 0 for b in briefs if b.meta)
        tokens_out = sum(b.meta.tokens_out or 0 for b in briefs if b.meta)
        reasked = sum(1 for b in briefs if b.meta and b.meta.attempts > 1)
        repaired = sum(
            1 for b in briefs if b.meta and any(w.startswith("repaired") for w in b.meta.warnings)
        )
        texts = {a.id: a.text for a in iter_articles(paths) if isinstance(a, Article)}
        lost = losses(report, texts)
        print(f"== {name}: {n} articles, {len(errors)} errors, {n - len(lost)} lossless")
        print(
            f"   calls/article {sum(chat.calls.values()) / max(n, 1):.2f}  "
            f"tokens in/article {tokens_in / max(n, 1):.0f}  "
            f"tokens out/article {tokens_out / max(n, 1):.0f}  "
            f"re-asked {reasked}  repaired {repaired}"
        )
        print(f"   {'field':<28}{'replay worst':>13}{'replay mean':>12}{'rules mean':>11}")
        for field in FIELDS:
            values = [a.fields[field] for a in report.articles if a.fields.get(field) is not None]
            pick = min if higher_is_better(field) else max
            low = pick((v for v in values if v is not None), default=float("nan"))
            mean = report.means.get(field)
            peer = rules.means.get(field)
            print(
                f"   {field:<28}{low:>13.3f}{(mean if mean is not None else float('nan')):>12.3f}"
                f"{(peer if peer is not None else float('nan')):>11.3f}"
            )
        for article_id, fields in lost.items():
            print(f"   not lossless: {article_id}: {fields}", file=sys.stderr)
        for e in errors:
            print(f"   error: {e}", file=sys.stderr)


if __name__ == "__main__":
    main()
