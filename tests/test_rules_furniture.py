"""Page furniture (photo captions, "Scroll down for video") never reaches a brief."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import briefs
from briefs.backends.rules.document import build
from briefs.backends.rules.furniture import caption_spans

CORPUS = Path(__file__).resolve().parent.parent / ".." / "shared" / "corpus"

_CAPTIONED = (
    "Four members of a family band were charged after a fight with police outside a "
    "store on Saturday. Scroll down for video Violent: The video captures the group "
    "brawling with officers moments before a deadly gunfight Chaos: During the footage "
    "an officer is heard asking to separate them The sergeant was also shot "
    "and taken to hospital, but has since been released. The family had been camping "
    "outside the store for days, police said. Assistance: A store employee is also seen "
    "trying to aid police and throws a punch The officer is then pulled to the ground. "
    "Prosecutors said the case would go to a grand jury next month."
)


def test_captions_are_cut_out_and_the_text_around_them_stays():
    doc = build(_CAPTIONED)
    kept = [s.text for s in doc.sentences if not s.furniture]
    joined = " ".join(kept)
    for junk in ("Violent:", "Chaos:", "Assistance:", "Scroll down", "video captures"):
        assert junk not in joined
    assert any(s.startswith("The sergeant was also shot") for s in kept)
    assert any(s.startswith("The officer is then pulled") for s in kept)


def test_a_caption_reaches_neither_summary_nor_issues():
    brief = briefs.generate_brief(_CAPTIONED)
    text = " ".join([brief.summary, *(i.issue for i in brief.open_issues)])
    assert "Assistance" not in text and "Chaos" not in text and "Scroll down" not in text


def test_quoted_speech_and_titles_are_not_captions():
    assert caption_spans("Mr Smith: 'We will appeal the ruling,' he told reporters.") == []
    assert caption_spans("The PM added: That destroyed aspiration for millions.") == []
    assert caption_spans("Star Trek: Enterprise began in 2001 and ran for four years.") == []


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared corpus absent")
def test_bbc_articles_have_almost_no_captions():
    """BBC pages have no inline captions: over 500 business articles the rules flag
    none (headings and quoted speech stay text)."""
    rows = [json.loads(line) for line in (CORPUS / "bbc" / "business.jsonl").open()]
    assert sum(len(caption_spans(r["text"])) for r in rows) == 0
