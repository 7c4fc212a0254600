"""Calls on someone to act, as the question they leave open: "Whether X will Y."

News reports pressure on a party as a call: "The council called on both parties to
accept binding arbitration", "Kerry urged them to return to peace talks", "called
for the siege to be lifted". Whether the party called on will act is what the
article leaves open, so the call becomes a question about that party: the object of
the call is the question's subject, the verb after "to" its predicate. A call not
to act ("urged them not to strike") is left alone, and so is a call whose object is
not a plain noun phrase or a pronoun the backend resolved.
"""

from __future__ import annotations

from briefs.backends.rules import question_words as W
from briefs.backends.rules.question_subject import SubjectScan
from briefs.backends.rules.wordbook import book

__all__ = ["CallScan"]

_CALLS = book()["questions"]
CALL_ON = frozenset(_CALLS["call_on"])  # "called on X to", "calls upon X to"
URGE = frozenset(_CALLS["urge"])  # "urged X to", "pressed X to"
_ANAPHORIC = tuple(book()["anaphoric_predicates"])  # "to do the same", "to do so"


class CallScan(SubjectScan):
    """A sentence read for a call on someone to act."""

    def predicate(self, start: int, *, embedded: bool = False) -> str | None:
        raise NotImplementedError  # the clause reader (``questions._Parse``) says

    def call(self, k: int) -> str | None:
        """The question a call starting at token ``k`` leaves open, or None.

        >>> from briefs.backends.rules.document import build
        >>> from briefs.backends.rules.questions import as_question
        >>> def ask(text):
        ...     return [as_question(s, []) for s in build(text).sentences]
        >>> ask("The council called on both parties to accept binding arbitration.")
        ['Whether both parties will accept binding arbitration.']
        >>> ask("The charity called for the siege to be lifted.")
        ['Whether the siege will be lifted.']
        >>> ask("He urged workers not to strike. She was asked to leave the meeting.")
        [None, None]
        >>> ask("The union urged workers at other plants to do the same.")
        [None]
        """
        word, nxt = self.word(k), self.word(k + 1)
        if word in CALL_ON and nxt in ("on", "upon", "for"):
            first = k + 2
        elif word in URGE:
            first = k + 1
        else:
            return None
        to = first
        while to < len(self.tokens) and self.lowered[to] != "to":
            if to - first >= W.MAX_SUBJECT or self.ends_object(to):
                return None
            to += 1
        if to == first or to >= len(self.tokens) or self.word(to + 1) in W.NEGATIONS:
            return None  # "was asked to leave": no one named; "not to strike": a call not to act
        subject = self.object_phrase(first, to)
        if subject is None:
            return None
        predicate = self.predicate(to + 1)
        if predicate and any(predicate.lower().startswith(a) for a in _ANAPHORIC):
            return None  # "urge oil palm companies to do the same": the same as what?
        return f"Whether {subject} will {predicate}" if predicate else None

    def ends_object(self, i: int) -> bool:
        word = self.lowered[i]
        return (
            word in W.CLAUSE_END
            or word in W.QUOTES
            or word in W.MODALS
            or word in W.AUXILIARIES
            or word in W.WH
            or self.tokens[i].pos == "VERB"
        )

    def object_phrase(self, first: int, to: int) -> str | None:
        """The object of the call as the question's subject: a resolved pronoun ("them"
        -> the actor), or a noun phrase that opens with a determiner, a name, a number
        or a plural noun ("both parties", "Syrian leaders", "employers")."""
        lowered = self.lowered[first:to]
        if len(lowered) == 1 and lowered[0] in W.PRONOUNS:
            return self.resolve(first)
        if W.PRONOUNS & set(lowered) or W.UNRESOLVABLE & set(lowered):
            return None
        head = self.tokens[first]
        value = self.span(first, to - 1)
        if lowered[0] in W.DETERMINERS:
            return value
        if head.value[:1].isupper() or head.value[:1].isdigit():
            return value
        return value if self.tokens[to - 1].tag == "NNS" else None
