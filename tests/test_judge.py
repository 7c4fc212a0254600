"""The optional LLM judge, with langchain-core's fake chat models (no network)."""

from __future__ import annotations

import json
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from fakes import recording
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from briefs.backends import registry
from briefs.backends.llm.backend import LLMBackend
from briefs.cli import cli
from briefs.judge import (
    JudgeReplyError,
    judge_chat_model,
    judge_prompts,
    judge_summaries,
    parse_judge_reply,
)
from briefs.schema import Brief

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Jane Doe said 40 jobs would go at the Leeds plant. Unions promised a strike ballot."
BRIEFS = {
    "a1": Brief(id="a1", summary="BRIEF-ONE: Jane Doe cut 40 jobs."),
    "a2": Brief(id="a2", summary="BRIEF-TWO: unions plan a ballot."),
}
REFS = {
    "a1": Brief(id="a1", summary="REF-ONE: 40 jobs go in Leeds."),
    "a2": Brief(id="a2", summary="REF-TWO: a strike ballot is planned."),
}
TEXTS = {"a1": ARTICLE, "a2": ARTICLE}


def always(better: str) -> FakeListChatModel:
    return FakeListChatModel(responses=[json.dumps({"better": better, "reason": "r"})])


def test_parse_judge_reply():
    assert parse_judge_reply('{"better": "A", "reason": "more complete"}').better == "A"
    assert parse_judge_reply('```json\n{"better": "b"}\n```').better == "B"
    assert parse_judge_reply('Sure. {"better": "Tie"} Hope it helps.').better == "tie"
    with pytest.raises(JudgeReplyError, match="no JSON object"):
        parse_judge_reply("A is better.")
    with pytest.raises(JudgeReplyError, match="better"):
        parse_judge_reply('{"better": "C"}')
    with pytest.raises(JudgeReplyError, match="invalid JSON"):
        parse_judge_reply('{"better": "A",}')


def test_order_is_swapped_between_runs():
    fake = recording({"better": "A"}, {"better": "B"}, {"better": "A"}, {"better": "B"})
    report = judge_summaries(fake, BRIEFS, REFS, TEXTS, repeats=2)
    first, second = (str(m[0].content) for m in fake.received[:2])
    assert first.index("BRIEF-ONE") < first.index("REF-ONE")  # brief shown as A
    assert second.index("REF-ONE") < second.index("BRIEF-ONE")  # then as B
    assert ARTICLE in first  # the article is passed as a variable, verbatim
    assert report.articles[0].brief_first == [True, False]
    # "A" then "B" is the brief both times: a consistent judge
    assert [a.verdicts for a in report.articles] == [["brief", "brief"], ["brief", "brief"]]
    assert report.agreement == 1.0
    assert report.first_shown_rate == 0.5
    assert report.rate("brief") == 1.0 and report.rate("reference") == 0.0


def test_a_judge_that_always_prefers_the_first_shown_agrees_never():
    report = judge_summaries(always("A"), BRIEFS, REFS, TEXTS, repeats=2)
    assert [a.verdicts for a in report.articles] == [["brief", "reference"]] * 2
    assert report.agreement == 0.0
    assert report.first_shown_rate == 1.0
    data = report.to_dict()
    assert data["brief_wins"] == data["reference_wins"] == 0.5


def test_repeats_and_ties():
    report = judge_summaries(always("tie"), BRIEFS, REFS, TEXTS, repeats=3)
    assert [a.brief_first for a in report.articles] == [[True, False, True]] * 2
    assert report.agreement == 1.0 and report.rate("tie") == 1.0
    assert report.first_shown_rate is None  # ties pick no side


def test_invalid_replies_are_warnings_not_failures():
    fake = recording("I prefer A.", {"better": "B"}, {"better": "maybe"}, {"better": "A"})
    warnings: list[str] = []
    report = judge_summaries(fake, BRIEFS, REFS, TEXTS, on_warning=warnings.append)
    assert [a.verdicts for a in report.articles] == [[None, "brief"], [None, "reference"]]
    assert report.agreement is None  # no article has two valid verdicts
    assert len(warnings) == 2 and "a1: judge run 1: no JSON object" in warnings[0]
    assert "a2: judge run 1: bad judge reply: better" in warnings[1]
    assert report.to_dict()["failed"] == 2
    assert report.articles[0].reasons == ["", ""]


def test_articles_without_text_or_brief_are_skipped_with_a_warning():
    report = judge_summaries(always("A"), {"a1": BRIEFS["a1"]}, REFS, {"a1": ARTICLE})
    assert [a.id for a in report.articles] == ["a1"]
    assert report.warnings == ["a2: not judged (no brief summary)"]
    report = judge_summaries(always("A"), BRIEFS, REFS, {"a1": ARTICLE})
    assert report.warnings == ["a2: not judged (no article text)"]


class AlwaysFirstJudge(LLMBackend):
    name: ClassVar[str] = "alwaysfirst"

    def build_chat_model(self) -> BaseChatModel:
        return always("A")


class GarbageJudge(LLMBackend):
    name: ClassVar[str] = "garbage"

    def build_chat_model(self) -> BaseChatModel:
        return FakeListChatModel(responses=["no idea"])


@pytest.fixture
def judges(monkeypatch):
    real = registry._entry_points()
    extra = {
        n: EntryPoint(name=n, value=f"{__name__}:{cls}", group=registry.GROUP)
        for n, cls in (("alwaysfirst", "AlwaysFirstJudge"), ("garbage", "GarbageJudge"))
    }
    monkeypatch.setattr(registry, "_entry_points", lambda: {**real, **extra})


def test_judge_chat_model_from_a_spec(judges):
    assert isinstance(judge_chat_model("alwaysfirst:x"), FakeListChatModel)
    with pytest.raises(Exception, match="no chat model to judge with"):
        judge_chat_model("rules")


def _eval(tmp_path, *extra: str):
    report = tmp_path / "r.json"
    args = ["eval", "--briefs", str(ROOT / "evals/references")]
    args += ["--articles", str(ROOT / "seeds"), "--report", str(report), "-q", *extra]
    result = CliRunner().invoke(cli, args)
    return result, json.loads(report.read_text())


def test_cli_judge_is_reported_and_never_gates(tmp_path, judges):
    plain, base = _eval(tmp_path)
    result, data = _eval(tmp_path, "--judge", "alwaysfirst:x", "--judge-repeats", "2")
    assert result.exit_code == plain.exit_code == 0, result.output
    judge = data["judge"]
    assert judge["judge"] == "alwaysfirst:x" and judge["repeats"] == 2
    assert judge["articles_judged"] == base["count"] and judge["agreement"] == 0.0
    assert judge["first_shown_rate"] == 1.0
    assert data["overall"] == base["overall"] and data["fields"] == base["fields"]
    assert "judge" not in data["config"]["weights"]
    # every reply invalid: warnings, the same exit code, the gate still decides alone
    result, data = _eval(tmp_path, "--judge", "garbage:x", "--fail-under", "actors.f1=0.5")
    assert result.exit_code == 0, result.output
    assert "warning: judge:" in result.stderr and data["judge"]["verdicts"] == 0
    result, _ = _eval(tmp_path, "--judge", "garbage:x", "--fail-under", "overall=1.01")
    assert result.exit_code == 1 and "gate failed" in result.stderr
    # a backend with no chat model: a warning, the eval goes on
    result, data = _eval(tmp_path, "--judge", "rules")
    assert result.exit_code == 0 and "no chat model" in data["judge"]["error"]


def test_cli_prints_the_judge_line_and_adds_it_to_markdown(tmp_path, judges):
    md = tmp_path / "r.md"
    result, _ = _eval(tmp_path, "--judge", "alwaysfirst:x", "--markdown", str(md))
    assert result.exit_code == 0, result.output
    assert "agreement 0.00 over 15 articles" in md.read_text()
    args = ["eval", "--briefs", str(ROOT / "evals/references"), "--judge", "alwaysfirst:x"]
    printed = CliRunner().invoke(cli, [*args, "--articles", str(ROOT / "seeds")]).stdout
    assert "judge alwaysfirst:x (not gating): brief wins 0.50" in printed
    assert "first-shown picked 1.00" in printed


def test_template_syntax_in_the_article_is_printed_not_run(tmp_path):
    fake = recording({"better": "A"}, {"better": "B"})
    text = "He wrote {{ summary_a }} and {% if x %} in a post."
    judge_summaries(fake, {"a1": BRIEFS["a1"]}, {"a1": REFS["a1"]}, {"a1": text})
    assert text in str(fake.received[0][0].content)
    # a folder with its own judge template overrides the shipped one
    (tmp_path / "judge.pairwise.j2").write_text("{#- version: 9 -#}\nA={{ summary_a }}")
    fake = recording({"better": "A"}, {"better": "B"})
    judge_summaries(
        fake, {"a1": BRIEFS["a1"]}, {"a1": REFS["a1"]}, TEXTS, prompts=judge_prompts(tmp_path)
    )
    assert str(fake.received[0][0].content) == "A=" + BRIEFS["a1"].summary
