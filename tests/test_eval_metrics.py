"""The metrics themselves: golden numbers worked out by hand, and a perturbation suite."""

from __future__ import annotations

import json

import pytest

from briefs.evaluate import evaluate, score_brief
from briefs.evaluate.metrics import MATCH_THRESHOLD, WEIGHTS, overall, prf, summary_scores
from briefs.evaluate.scores import higher_is_better
from briefs.schema import Actor, Brief, OpenIssue, Position
from briefs.text.names import ACRONYM, EXACT, SURNAME, acronym, match_score, normalize_name
from briefs.text.similarity import lexical


# ---------------------------------------------------------------- golden numbers
def test_prf_by_hand():
    p, r, f = prf(2, 3, 4)
    assert (p, r) == (2 / 3, 0.5)
    assert f == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))  # 0.571428...
    assert prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert prf(0, 0, 3) == (0.0, 0.0, 0.0)
    assert prf(0, 2, 0) == (0.0, 1.0, 0.0)


def test_name_normalisation():
    assert normalize_name("the Prime Minister Nikol Pashinyan") == "nikol pashinyan"
    assert normalize_name("The Kremlin") == "kremlin"
    assert normalize_name("Mr. Tom O’Neill") == "tom o neill"
    assert acronym("Federal Bureau of Investigation") == "fbi"


def test_match_rules():
    assert match_score(["the FBI"], ["Federal Bureau of Investigation"]) == ACRONYM
    assert match_score(["Kremlin"], ["the Kremlin"]) == EXACT
    assert match_score(["Pashinyan"], ["Nikol Pashinyan"], True, True) == SURNAME
    assert match_score(["Donald Trump"], ["President Trump"], True, True) == SURNAME
    assert match_score(["the FBI"], ["the White House"]) == 0.0
    assert match_score(["Russia"], ["Russian peacekeepers"]) == 0.0
    assert match_score(["Maria Zaharova"], ["Maria Zakharova"], True, True) == SURNAME or (
        match_score(["Maria Zaharova"], ["Maria Zakharova"]) > 0.8
    )
    assert (
        0.8
        < match_score(["Harbour and Dock Workers Union"], ["Harbour & Dock Workers' Union"])
        <= 1.0
    )


def test_lexical_similarity_by_hand():
    # content stems: {russia, reject, claim} on both sides -> F1 1.0
    assert lexical("Russia rejected the claims", "The claims were rejected by Russia") == 1.0
    # {union, demand, pai, rise} vs {union, reject, pai, offer}: 2 shared of 4 and 4 -> 0.5
    assert lexical("Union demands pay rise", "The union rejects the pay offer") == 0.5
    assert lexical("Union demands pay rise", "Weather stays dry") == 0.0


def test_question_form_is_not_agreement():
    # "whether" and "if" are function words like "how" and "what": two issues about
    # different things do not match because both are phrased as whether-questions
    a, b = "Whether the IMF will sell gold.", "Whether the US will block the plan."
    assert lexical(a, b) == 0.0
    assert lexical(a, b) < MATCH_THRESHOLD
    # and the question form neither helps nor hurts an issue that says the same thing
    assert lexical("Whether talks will resume.", "Talks resume.") == 1.0
    assert lexical("If prices fall, banks suffer.", "Prices fall and banks suffer.") == 1.0


def test_rouge_by_hand():
    # pred "the cat sat" vs ref "the cat sat on the mat":
    # R1: 3 shared, P 3/3, R 3/6 -> F 2/3
    # R2: 2 shared bigrams of 2 and 5 -> F 4/7; RL: LCS 3 -> 2/3
    scores = summary_scores("the cat sat", ["the cat sat on the mat"])
    assert scores["rouge1"] == pytest.approx(2 / 3)
    assert scores["rouge2"] == pytest.approx(4 / 7)
    assert scores["rougeL"] == pytest.approx(2 / 3)
    # best over several references
    assert summary_scores("the cat sat", ["the dog ran", "the cat sat"])["rouge1"] == 1.0


def _golden_pair():
    ref = Brief(
        id="g",
        summary="the cat sat on the mat",
        actors=[
            Actor(name="Nikol Pashinyan", kind="person", salience="primary"),
            Actor(name="Kremlin", kind="organization", salience="primary"),
            Actor(
                name="Federal Bureau of Investigation", kind="organization", salience="secondary"
            ),
        ],
        positions=[
            Position(actor="Nikol Pashinyan", stance="Russia failed to protect Armenia"),
            Position(actor="Kremlin", stance="Russia remains a guarantor of security"),
        ],
        open_issues=[
            OpenIssue(issue="The blockade of the Lachin corridor"),
            OpenIssue(issue="Humanitarian aid access to Nagorno-Karabakh"),
        ],
    )
    brief = Brief(
        id="g",
        summary="the cat sat",
        actors=[
            Actor(name="Pashinyan", kind="person"),  # surname -> Nikol Pashinyan
            Actor(name="FBI", kind="organization"),  # acronym
            Actor(name="White House", kind="organization"),
        ],  # spurious
        positions=[
            # right actor, same claim: strict + lenient
            Position(actor="Pashinyan", stance="Russia failed to protect Armenia"),
            # wrong actor for the Kremlin's claim: nothing
            Position(actor="FBI", stance="Russia remains a guarantor of security"),
            # right actor, unrelated words: lenient only (Pashinyan has one reference stance,
            # already taken one-to-one by the first position), so nothing
            Position(actor="Pashinyan", stance="Weather stays dry"),
        ],
        open_issues=[OpenIssue(issue="Blockade of the Lachin corridor continues")],
    )
    return brief, ref


def test_golden_brief_scores():
    brief, ref = _golden_pair()
    s = score_brief(brief, ref).fields
    # actors: 2 of 3 matched both ways
    assert (s["actors.precision"], s["actors.recall"]) == (2 / 3, 2 / 3)
    assert s["actors.primary_recall"] == 0.5  # Pashinyan yes, Kremlin no
    # strict: 1 matched of 3 predicted and 2 expected
    assert s["positions.strict_precision"] == 1 / 3 and s["positions.strict_recall"] == 0.5
    assert s["positions.strict_f1"] == pytest.approx(0.4)
    assert s["positions.lenient_f1"] == pytest.approx(0.4)
    # issues: {blockad, lachin, corridor} shared; 1 of 1 predicted, 1 of 2 expected
    assert (s["issues.precision"], s["issues.recall"]) == (1.0, 0.5)
    assert s["summary.rouge1"] == pytest.approx(2 / 3)
    assert s["grounding.exact"] is None
    expected = (0.20 * (2 / 3) + 0.10 * 0.5 + 0.25 * 0.4 + 0.15 * (2 / 3) + 0.15 * (2 / 3)) / 0.85
    assert s["overall"] == pytest.approx(expected)


def test_overall_renormalises_missing_fields():
    fields = {k: 1.0 for k in WEIGHTS}
    fields["grounding.exact"] = None
    assert overall(fields) == 1.0
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


# ---------------------------------------------------------------- perturbations
def _perturb(ref: Brief, kind: str) -> Brief:
    b = ref.model_copy(deep=True)
    if kind == "drop_primary":
        victim = next(a for a in b.actors if a.salience == "primary")
        b.actors = [a for a in b.actors if a is not victim]
    elif kind == "swap_positions":
        names = list(dict.fromkeys(p.actor for p in b.positions))
        x, y = names[0], names[1]
        for p in b.positions:
            p.actor = y if p.actor == x else x if p.actor == y else p.actor
    elif kind == "unrelated_stance":
        b.positions[0].stance = "Quarterly rainfall totals in the northern valleys stayed low."
    elif kind == "hallucinated_actor":
        b.actors.append(Actor(name="Zebulon Quartermaine", kind="person"))
    elif kind == "delete_issues":
        b.open_issues = []
    elif kind == "truncate_summary":
        b.summary = " ".join(b.summary.split()[:8])
        b.summaries = []
    return b


PERTURBATIONS = {
    "drop_primary": ["actors.recall", "actors.f1", "actors.primary_recall"],
    "swap_positions": ["positions.strict_f1"],
    "unrelated_stance": ["positions.strict_f1"],
    "hallucinated_actor": ["actors.precision", "actors.f1"],
    "delete_issues": ["issues.recall", "issues.f1"],
    "truncate_summary": ["summary.rouge1", "summary.rouge2", "summary.rougeL"],
}


def test_reference_scores_one_against_itself(references):
    for ref in references.values():
        fields = score_brief(ref, ref).fields
        for name, value in fields.items():
            perfect = 1.0 if higher_is_better(name) else 0.0
            assert value is None or value == perfect, (ref.id, name, value)


@pytest.mark.parametrize("kind", sorted(PERTURBATIONS))
def test_each_perturbation_lowers_its_field(references, kind):
    for ref in references.values():
        perfect = dict(score_brief(ref, ref).fields)
        hurt = score_brief(_perturb(ref, kind), ref).fields
        for name in PERTURBATIONS[kind]:
            assert hurt[name] < perfect[name], (ref.id, kind, name)
        assert hurt["overall"] < perfect["overall"], (ref.id, kind)


def test_scores_are_reproducible(seed_briefs, references):
    briefs = {k: b for k, (_, b) in seed_briefs.items()}
    texts = {k: a.text for k, (a, _) in seed_briefs.items()}
    copies = {k: Brief.model_validate_json(b.model_dump_json()) for k, b in briefs.items()}
    one = evaluate(briefs, references, texts=texts).to_json()
    two = evaluate(copies, references, texts=texts).to_json()
    assert one == two
    assert json.loads(one)["overall"] > 0
