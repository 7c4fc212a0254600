"""The word lists of the whether-question rewriting (``questions.py``), read from the
word book (``data/wordbook.json``, section ``questions``), with the sets derived from them."""

from __future__ import annotations

from typing import Any

from briefs.backends.rules.wordbook import book

_Q: dict[str, Any] = book()["questions"]


def _set(name: str) -> frozenset[str]:
    return frozenset(_Q[name])


MAX_SUBJECT = 6  # tokens
MIN_PREDICATE, MAX_PREDICATE = 2, 30  # words

# marker -> the modal the question uses ("may" keeps its doubt as "could")
MODALS: dict[str, str] = dict(_Q["modals"])
BE = _set("be")
BE_TO = _set("be_to")
HAVE = _set("have")
VERB_TO = _set("verb_to")
NEGATIONS = _set("negations")
# "refused to back ...": a marker that says no (the refusals among the promise verbs)
REFUSALS = VERB_TO & frozenset(book()["unknown_questions"]["refuse_verbs"])
AUXILIARIES = _set("auxiliaries")
WH = _set("wh")
DETERMINERS = _set("determiners")
DEMONSTRATIVES = _set("demonstratives")
PRONOUNS = _set("pronouns")
UNRESOLVABLE = _set("unresolvable")
PREPOSITIONS = _set("prepositions")
STANCE = _set("stance")
LEAD_INS = _set("lead_ins")
CLAUSE_END = _set("clause_end")
QUOTES = _set("quotes")
RELATIVE = _set("relative")
SUBORDINATORS = _set("subordinators")
NEXT_CLAUSE = _set("next_clause")
PARTICLES = _set("particles")
ANTECEDENT_KINDS: dict[str, tuple[str, ...]] = {
    k: tuple(v) for k, v in _Q["antecedent_kinds"].items()
}
# hedges in front of a number stay with it: "as many as 50,000 workers"
NUMBER_HEDGES: tuple[tuple[str, ...], ...] = tuple(tuple(h) for h in _Q["number_hedges"])
# Words that end a subject when walking back from the marker: clause openers,
# auxiliaries and modals, verbs of saying and thinking that take a bare clause
# ("predicted rates will"), predicative adjectives and sentence adverbs. Not the
# speech verbs: many of those are nouns too ("the plans will", "rules").
STOPS = AUXILIARIES | WH | frozenset(MODALS) | _set("subject_stops")
# after these a bare noun phrase is a subject ("that rates will fall")
BARE_AFTER = STOPS - WH - AUXILIARIES - frozenset(MODALS) - {"and", "or", "to", "not", "n't"}
NOT_A_VERB = (
    PREPOSITIONS
    | DETERMINERS
    | PRONOUNS
    | UNRESOLVABLE
    | frozenset(MODALS)
    | _set("not_a_verb_extra")
)
DANGLING = PREPOSITIONS | WH | DETERMINERS | _set("dangling_extra")
LIST_END = CLAUSE_END | RELATIVE
