"""Digest: actors merged across articles, story order, changes of position, issues."""

from __future__ import annotations

import doctest

import pytest

import briefs
import briefs.story.changes
from briefs.errors import UsageError
from briefs.schema import Actor, Brief, Evidence, OpenIssue, Position
from briefs.story import make_digest
from briefs.story.changes import classify_change


def _brief(
    bid: str,
    actors: list[Actor],
    positions: list[tuple[str, str]] = (),  # type: ignore[assignment]
    issues: list[str] = (),  # type: ignore[assignment]
    date: str | None = None,
) -> Brief:
    return Brief(
        id=bid,
        title=f"Title {bid}",
        date=date,
        summary=f"Summary of {bid}.",
        actors=actors,
        positions=[
            Position(actor=a, stance=s, evidence=[Evidence(quote=s, start=0, end=len(s))])
            for a, s in positions
        ],
        open_issues=[OpenIssue(issue=i, actors=[actors[0].name]) for i in issues],
    )


def _person(name: str, *aliases: str) -> Actor:
    return Actor(name=name, kind="person", aliases=list(aliases))


def _org(name: str, *aliases: str) -> Actor:
    return Actor(name=name, kind="organization", aliases=list(aliases))


def _names(digest: briefs.Digest) -> dict[str, list[str]]:
    return {a.name: a.articles for a in digest.actors}


def test_the_same_actor_under_other_names_is_one_entry() -> None:
    d = make_digest(
        [
            _brief("a", [_person("Malcolm Glazer", "Glazer"), _org("London Stock Exchange")]),
            _brief("b", [_person("Mr Glazer"), _org("LSE")]),
            _brief("c", [_person("Malcom Glazer"), _org("Manchester United")]),
            _brief("d", [_org("United")]),
        ]
    )
    names = _names(d)
    assert names["Malcolm Glazer"] == ["a", "b", "c"]
    assert names["London Stock Exchange"] == ["a", "b"]
    assert names["Manchester United"] == ["c", "d"]
    glazer = next(a for a in d.actors if a.name == "Malcolm Glazer")
    assert {"Glazer", "Mr Glazer", "Malcom Glazer"} <= set(glazer.aliases)


def test_two_people_sharing_a_surname_stay_apart() -> None:
    d = make_digest(
        [
            _brief("a", [_person("Gordon Brown", "Brown")]),
            _brief("b", [_person("Nick Brown", "Brown")]),
            _brief("c", [_person("Brown")]),
        ]
    )
    names = _names(d)
    assert names["Gordon Brown"] == ["a"] and names["Nick Brown"] == ["b"]
    assert names["Brown"] == ["c"]  # could be either: kept apart, and said
    assert any("ambiguous" in w for w in d.meta.warnings)  # type: ignore[union-attr]


def test_a_person_never_merges_with_a_body() -> None:
    d = make_digest([_brief("a", [_person("Ford", "Mr Ford")]), _brief("b", [_org("Ford")])])
    assert len(d.actors) == 2


def test_story_order_sorts_dated_articles_and_keeps_undated_in_place() -> None:
    d = make_digest(
        [
            _brief("late", [_org("Acme")], date="2024-03-02"),
            _brief("undated", [_org("Acme")]),
            _brief("early", [_org("Acme")], date="2024-03-01"),
        ]
    )
    assert [(a.id, a.undated) for a in d.articles] == [
        ("early", False),
        ("late", False),
        ("undated", True),
    ]


@pytest.mark.parametrize(
    ("stance", "earlier", "change"),
    [
        ("Will not sell the club to the bidder", ["Will sell the club to the bidder"], "reversed"),
        ("Denies it will cut jobs at the plant", ["Will cut jobs at the plant"], "reversed"),
        (
            "Could accept a lower offer for the club",
            ["Will accept the offer for the club"],
            "softened",
        ),
        (
            "Insists the offer for the club must be higher",
            ["Wants a higher offer for the club"],
            "hardened",
        ),
        ("Demands a public inquiry into the deal", ["Backs the club's board"], "new demand"),
        ("Plans to list the shares in New York", ["Backs the club's board"], "new position"),
        ("Backs the club's board", ["Backs the club's board"], None),
        ("Backs the club's board", [], None),
    ],
)
def test_changes_of_position_follow_the_documented_rule(
    stance: str, earlier: list[str], change: str | None
) -> None:
    assert classify_change(stance, earlier)[0] == change


def test_change_rule_docstring_examples_hold() -> None:
    assert doctest.testmod(briefs.story.changes).failed == 0


def test_timeline_labels_against_earlier_articles_only() -> None:
    glazer = _person("Malcolm Glazer", "Glazer")
    d = make_digest(
        [
            _brief("a", [glazer], [("Malcolm Glazer", "Will make a formal bid for the club")]),
            _brief("b", [glazer], [("Malcolm Glazer", "Will not make a formal bid for the club")]),
        ]
    )
    assert [(e.article, e.change) for e in d.timeline] == [("a", None), ("b", "reversed")]
    assert d.timeline[1].change_from == "Will make a formal bid for the club"
    assert d.timeline[1].evidence[0].quote.startswith("Will not")


def test_an_issue_answered_later_is_resolved_with_its_evidence() -> None:
    board = _org("Manchester United", "United")
    d = make_digest(
        [
            _brief(
                "a",
                [board],
                issues=[
                    "Whether the board will accept the Glazer offer for the club",
                    "Whether fans will boycott the season",
                ],
            ),
            _brief(
                "b",
                [board],
                [("Manchester United", "The board accepted the Glazer offer for the club")],
            ),
        ]
    )
    by_issue = {i.issue: i for i in d.issues}
    done = by_issue["Whether the board will accept the Glazer offer for the club"]
    assert (done.status, done.raised_in, done.resolved_in) == ("resolved", "a", "b")
    assert done.evidence and done.evidence[0].quote.startswith("The board accepted")
    assert by_issue["Whether fans will boycott the season"].status == "open"
    assert "1 of 2 open questions were settled" in d.summary


def test_an_issue_raised_again_stays_open_and_is_listed_once() -> None:
    acme = _org("Acme")
    question = "Whether Acme will close the plant"
    d = make_digest(
        [
            _brief("a", [acme], issues=[question]),
            _brief("b", [acme], [("Acme", "Talks on whether Acme will close the plant continue")]),
            _brief("c", [acme], issues=[question + " this year"]),
        ]
    )
    assert len(d.issues) == 1 and d.issues[0].status == "open"


def test_a_digest_needs_briefs_with_distinct_ids() -> None:
    with pytest.raises(UsageError):
        make_digest([])
    with pytest.raises(UsageError, match="duplicate"):
        make_digest([_brief("a", [_org("Acme")]), _brief("a", [_org("Acme")])])


def test_python_api_and_schema() -> None:
    d = briefs.digest([_brief("a", [_org("Acme")], [("Acme", "Will build a plant")])])
    assert isinstance(d, briefs.Digest) and d.timeline[0].actor == "Acme"
    schema = briefs.digest_json_schema()
    assert {"timeline", "issues", "actors", "summary"} <= set(schema["properties"])  # type: ignore[operator]
