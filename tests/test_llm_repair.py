"""Repair before re-ask, grouped warnings, and strict grounding of named actors."""

from __future__ import annotations

import copy

from fakes import recording, valid_brief

from briefs.backends.base import Draft
from briefs.backends.llm.backend import LLMBackend
from briefs.backends.llm.output import BriefOut, output_schema
from briefs.backends.llm.repair import cut_at_word, repair_caps
from briefs.grounding import find_name, ground, group_warnings
from briefs.pipeline import brief_from_article
from briefs.schema import Actor, Position

SEED = "000_69c10cbc4915efea"


def _seed(seed_articles):
    return next(a for a in seed_articles if a.id == SEED)


def _cap(*path: str) -> int:
    node = output_schema()
    defs = node["$defs"]
    for part in path:
        node = node["properties"][part]
        if "items" in node and part != path[-1]:
            node = node["items"]
        if "$ref" in node:
            node = defs[node["$ref"].split("/")[-1]]
        if "anyOf" in node:
            node = next(n for n in node["anyOf"] if n.get("type") != "null")
    return int(node.get("maxLength") or node["maxItems"])


def test_caps_fit_real_articles():
    assert _cap("actors", "aliases") >= 7  # a person can have 7 aliases
    assert _cap("actors", "role") >= 126


def test_cut_at_word_boundary():
    text = "Minister of State for Trade and Industry, responsible for the steel sector"
    cut = cut_at_word(text, 40)
    assert len(cut) <= 40 and text.startswith(cut)
    assert cut == "Minister of State for Trade and Industry"  # no half word, no trailing comma
    assert cut_at_word("x" * 50, 10) == "x" * 10  # no space: hard cut
    assert cut_at_word("short", 10) == "short"


def _too_long() -> dict:
    data = valid_brief()
    cap_aliases = _cap("actors", "aliases")
    cap_role = _cap("actors", "role")
    data["actors"][0]["aliases"] = [f"alias {k}" for k in range(cap_aliases + 2)]
    data["actors"][0]["role"] = ("Prime Minister of the Republic of Armenia " * 20)[: cap_role + 30]
    return data


def test_repair_cuts_and_truncates_one_line_each():
    data = _too_long()
    before = copy.deepcopy(data)
    fixed, notes = repair_caps(BriefOut, data)
    assert data == before  # the input is not changed
    out = BriefOut.model_validate(fixed)
    cap_aliases = _cap("actors", "aliases")
    assert out.actors[0].aliases == before["actors"][0]["aliases"][:cap_aliases]  # first items
    role = out.actors[0].role
    original = before["actors"][0]["role"]
    assert role and len(role) <= _cap("actors", "role") and original.startswith(role)
    assert original[len(role)] == " "  # cut between two words
    assert len(notes) == 2
    assert any(
        n.startswith("repaired actors[0].aliases: ") and "kept the first" in n for n in notes
    )
    assert any(n.startswith("repaired actors[0].role: cut from ") for n in notes)


def test_truncated_actor_list_drops_what_names_the_cut_actors():
    data = valid_brief()
    cap = _cap("actors")
    extra = [{"name": f"Actor {k}", "kind": "person"} for k in range(cap)]
    data["actors"] = data["actors"] + extra
    data["positions"].append({"actor": f"Actor {cap - 1}", "stance": "Says so."})
    fixed, notes = repair_caps(BriefOut, data)
    out = BriefOut.model_validate(fixed)
    assert len(out.actors) == cap and out.actors[0].name == "Nikol Pashinyan"
    assert all(p.actor in {a.name for a in out.actors} for p in out.positions)
    assert len(notes) == 1 and "dropped 1 position(s)" in notes[0]


def test_over_long_reply_is_repaired_not_reasked(seed_articles):
    seed = _seed(seed_articles)
    fake = recording(_too_long(), valid_brief())
    brief = brief_from_article(seed, LLMBackend(fake))
    assert len(fake.received) == 1 and brief.meta.attempts == 1  # no re-ask
    repaired = [w for w in brief.meta.warnings if w.startswith("repaired")]
    assert len(repaired) == 2
    assert brief.actors[0].name == "Nikol Pashinyan"
    assert brief.positions and brief.open_issues  # nothing else was thrown away


def test_what_cannot_be_repaired_is_still_reasked(seed_articles):
    seed = _seed(seed_articles)
    bad = _too_long()
    bad["actors"][1]["kind"] = "spaceship"  # not a cap: only the model can fix it
    fake = recording(bad, valid_brief())
    brief = brief_from_article(seed, LLMBackend(fake))
    assert brief.meta.attempts == 2
    reask = fake.received[1][-1].content
    assert "kind" in reask and "aliases" not in reask  # only what repair could not fix


def test_warnings_are_grouped_one_line_per_kind_with_a_count():
    lines = [f"no evidence left: actor 'A{k}'" for k in range(21)]
    lines += ["attempt 1: invalid JSON", "dropped quote not found in the article: 'x'"]
    grouped = group_warnings(lines)
    assert len(grouped) == 3
    assert grouped[0].startswith("no evidence left (21): actor 'A0'; actor 'A1'; actor 'A2'")
    assert grouped[0].endswith("and 18 more")
    assert grouped[1] == "attempt 1: invalid JSON"


def test_an_answer_without_evidence_gives_few_warning_lines(seed_articles):
    seed = _seed(seed_articles)
    data = valid_brief()
    for item in [*data["actors"], *data["positions"], *data["open_issues"]]:
        item["evidence"] = []
    data["actors"].append({"name": "Nobody Mentioned", "kind": "person"})
    brief = brief_from_article(seed, LLMBackend(recording(data)))
    no_evidence = [w for w in brief.meta.warnings if w.startswith("no evidence left")]
    assert len(no_evidence) == 1
    assert no_evidence[0].startswith("no evidence left (4): ")  # 2 positions, 1 issue, 1 actor
    assert no_evidence[0].endswith("; and 1 more")  # the actor the article never names


def test_strict_grounding_keeps_an_actor_the_article_names():
    text = "The European Court of Justice ruled on Tuesday. Brussels welcomed it."
    draft = Draft(
        summary="A ruling.",
        actors=[
            Actor(name="European Court of Justice", kind="organization"),
            Actor(name="European Commission", kind="organization", aliases=["Brussels"]),
            Actor(name="Invented Body", kind="organization"),
        ],
        positions=[Position(actor="Invented Body", stance="Objects.")],
    )
    grounded, report = ground(draft, text, strict=True)
    assert [a.name for a in grounded.actors] == ["European Court of Justice", "European Commission"]
    ecj = grounded.actors[0].evidence[0]
    assert text[ecj.start : ecj.end] == "European Court of Justice"
    assert grounded.actors[1].evidence[0].quote == "Brussels"  # by its alias
    assert report.ungrounded == ["position of Invented Body 'Objects.'", "actor 'Invented Body'"]


def test_find_name_whole_words_any_case():
    text = "Talks in Brussels. The EU's court, the european court of justice, sat."
    assert find_name(text, "European Court of Justice") is not None
    assert find_name(text, "EU") is not None
    assert find_name(text, "Brussel") is None  # not a whole word
    assert find_name(text, "Luxembourg") is None
