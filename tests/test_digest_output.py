"""`briefs digest`: files, HTML page (checked in a real headless browser where one is
installed), the model's change labels, and `briefs schema --digest`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from briefs.cli import cli
from briefs.schema import Actor, Brief, Digest, Position
from briefs.story import make_digest
from briefs.story.model import relabel_changes
from briefs.story.render import chart, digest_to_html, digest_to_markdown

ROOT = Path(__file__).resolve().parent.parent


def _story() -> Digest:
    acme = Actor(name="Acme Corp", kind="organization", aliases=["Acme"])
    union = Actor(name="Steel Union", kind="organization")
    return make_digest(
        [
            Brief(
                id="day1",
                date="2024-05-01",
                summary="Acme plans to close the plant.",
                actors=[acme, union],
                positions=[
                    Position(actor="Acme Corp", stance="Will close the plant in June"),
                    Position(actor="Steel Union", stance="Opposes <script>alert(1)</script> cuts"),
                ],
            ),
            Brief(
                id="day2",
                date="2024-05-02",
                summary="Acme backs down.",
                actors=[acme],
                positions=[Position(actor="Acme Corp", stance="Will not close the plant in June")],
            ),
        ]
    )


def test_markdown_and_html_hold_every_part() -> None:
    d = _story()
    md = digest_to_markdown(d)
    for part in ("## Articles", "## Actors", "## Timeline", "## Issues", "**reversed**"):
        assert part in md
    html = digest_to_html(d)
    assert "<script>alert" not in html and "&lt;script&gt;" in html  # stances are data
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    geometry = chart(d)
    assert len(geometry["rows"]) == 2 and len(geometry["marks"]) == len(d.timeline) == 3
    assert geometry["marks"][0]["x"] < geometry["marks"][2]["x"]  # day 1 left of day 2


def _browser() -> str | None:
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


@pytest.mark.skipif(_browser() is None, reason="no headless browser installed here")
def test_html_renders_the_chart_in_a_real_browser(tmp_path: Path) -> None:
    page = tmp_path / "digest.html"
    page.write_text(digest_to_html(_story()), encoding="utf-8")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [_browser(), *flags, "--dump-dom", page.as_uri()],  # type: ignore[list-item]
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert 'id="timeline-chart"' in dom and dom.count("<circle") == 3
    shot = tmp_path / "shot.png"
    subprocess.run(
        [_browser(), *flags, f"--screenshot={shot}", "--window-size=1200,900", page.as_uri()],  # type: ignore[list-item]
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 10_000  # a real picture, not an empty page


def test_model_labels_changes_and_a_bad_reply_keeps_the_rule() -> None:
    d = _story()
    index = next(i for i, e in enumerate(d.timeline) if e.article == "day2")
    good = FakeListChatModel(
        responses=[json.dumps({"labels": [{"index": index, "change": "softened"}]})]
    )
    labelled = relabel_changes(d, good)
    assert labelled.timeline[index].change == "softened"
    assert labelled.meta is not None and labelled.meta.change_method == "model"
    bad = relabel_changes(d, FakeListChatModel(responses=["no idea"]))
    assert bad.timeline[index].change == "reversed"  # the rule's label kept
    assert bad.meta is not None and any("rule kept" in w for w in bad.meta.warnings)


def test_cli_digests_articles_and_brief_folders_alike(tmp_path: Path) -> None:
    seeds = [ROOT / "seeds" / "001_port_strike.txt", ROOT / "seeds" / "006_budget_revolt.txt"]
    runner = CliRunner()
    out = tmp_path / "from-articles"
    result = runner.invoke(
        cli, ["digest", *map(str, seeds), "--out", str(out), "--no-cache"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    for name in ("digest.json", "digest.md", "digest.html"):
        assert (out / name).stat().st_size > 0
    first = Digest.model_validate_json((out / "digest.json").read_text())
    assert [a.id for a in first.articles] == ["001_port_strike", "006_budget_revolt"]
    again = tmp_path / "from-briefs"
    result = runner.invoke(cli, ["digest", str(out / "briefs"), "--out", str(again)])
    assert result.exit_code == 0, result.output
    second = Digest.model_validate_json((again / "digest.json").read_text())
    assert second.timeline == first.timeline and second.issues == first.issues


def test_cli_keeps_going_past_a_bad_input_and_says_so(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("   ")
    good = ROOT / "seeds" / "001_port_strike.txt"
    result = CliRunner().invoke(
        cli, ["digest", str(good), str(bad), "--out", str(tmp_path / "o"), "--no-cache"]
    )
    assert result.exit_code == 1
    assert "empty.txt" in result.output and (tmp_path / "o" / "digest.json").exists()
    none = CliRunner().invoke(cli, ["digest", str(bad), "--out", str(tmp_path / "p"), "--no-cache"])
    assert none.exit_code == 2


def test_schema_digest_flag() -> None:
    result = CliRunner().invoke(cli, ["schema", "--digest"])
    assert result.exit_code == 0 and "TimelineEntry" in result.output
