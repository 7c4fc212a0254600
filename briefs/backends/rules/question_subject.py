"""The subject side of a whether-question: what the article calls a name, and the
noun phrase (or resolved pronoun) before a forward-looking marker. ``questions.py``
builds the predicate and the question on top of it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefs.backends.rules import question_words as W
from briefs.backends.rules.document import Sentence
from briefs.backends.rules.mentions import Mention

__all__ = ["SubjectScan", "Vocabulary"]

_OBJECTS = frozenset(("dobj", "dative", "iobj"))  # the ones told, warned, assured


@dataclass(frozen=True)
class Vocabulary:
    """What the article itself says about capitals: words it writes in lower case,
    and names (words it capitalises inside a sentence, and its recurring actors)."""

    lower: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    with_the: frozenset[str] = frozenset()  # actors the article calls "the X"

    @classmethod
    def of(
        cls, sentences: Sequence[Sentence], mentions: Sequence[Sequence[Mention]] = ()
    ) -> Vocabulary:
        """From the article's sentences; an actor named twice or more (``mentions``,
        resolved) counts as a name even where it only opens sentences ("Fiat")."""
        lower: set[str] = set()
        names: set[str] = set()
        with_the: set[str] = set()
        for sentence, found in zip(sentences, mentions or [()] * len(sentences), strict=True):
            previous = {
                t.start: sentence.tokens[i - 1].value for i, t in enumerate(sentence.tokens) if i
            }
            with_the.update(
                m.entity for m in found if m.entity and previous.get(m.start, "").lower() == "the"
            )
            for i, token in enumerate(sentence.tokens):
                if token.value.islower():
                    lower.add(token.value)
                elif i and token.value[:1].isupper() and _inside(sentence.tokens[i - 1].value):
                    names.add(token.value)
        counts = Counter(m.entity for ms in mentions for m in ms if m.entity)
        for entity, n in counts.items():
            if n >= 2:
                names.update(w for w in entity.split() if w[:1].isupper())
        return cls(frozenset(lower), frozenset(names), frozenset(with_the))

    def is_common(self, word: str) -> bool:
        """A sentence-initial capitalised ``word`` that is not a name ("Critics")."""
        if word.isupper() or not word[:1].isupper():
            return False
        low = word.lower()
        return word not in self.names or low in self.lower or low.rstrip("s") in self.lower


def _inside(previous: str) -> bool:
    """The token after ``previous`` is inside a sentence (not after an opening quote)."""
    return previous[:1].isalnum() or previous == ","


class SubjectScan:
    """A sentence read for the subject of a forward-looking clause."""

    def __init__(
        self,
        sentence: Sentence,
        mentions: Sequence[Mention],
        vocabulary: Vocabulary,
        kinds: Mapping[str, str],
    ) -> None:
        self.sentence = sentence
        self.tokens = sentence.tokens
        self.lowered = [t.value.lower() for t in self.tokens]
        self.mentions = sorted((m for m in mentions if m.entity), key=lambda m: m.start)
        self.vocabulary = vocabulary
        self.kinds = kinds

    def resolve(self, i: int) -> str | None:
        """The actor the pronoun at token ``i`` refers to, as the question names it:
        as resolved already, else the nearest earlier actor of a fitting kind in the
        same sentence ("The IMF said it will", "Mr Straw said he would"). "it" goes
        to an organisation, a country or, when it opens the sentence as its
        subject, a name of no known kind ("Parents for Informed Choice ... said it
        would consider a legal challenge", "A Yili spokesman said it may now move to
        oust chairman Zheng Junhuai"; not "Mr Blair said that whether the public
        chose Howard or Kennedy, it would mean ..."):

        >>> from briefs.backends.rules.document import build
        >>> from briefs.backends.rules.questions import as_question
        >>> s = build("A Yili spokesman said it may now move to oust the chairman.").sentences[0]
        >>> yili = Mention(2, 6, "Yili", 0, "", "Yili", entity="Yili")
        >>> as_question(s, [yili], kinds={"Yili": "other"})
        'Whether Yili could now move to oust the chairman.'
        """
        start = self.tokens[i].start
        entity = next((m.entity for m in self.mentions if m.start == start), None)
        if entity is None:
            fitting = W.ANTECEDENT_KINDS.get(self.lowered[i], ())
            first = self.mentions[0] if self.mentions else None
            entity = next(
                (
                    m.entity
                    for m in reversed(self.mentions)
                    if m.start < start
                    and m.entity
                    and self.kinds.get(m.entity) in fitting
                    and (self.kinds.get(m.entity) != "other" or m is first)
                ),
                None,
            )
        if entity is None:
            return None
        if entity in self.vocabulary.with_the or entity.islower():
            return f"the {entity}"  # as the article says it: "the Home Office"
        return entity

    # ------------------------------------------------------------------ helpers
    def word(self, i: int) -> str:
        return self.lowered[i] if 0 <= i < len(self.lowered) else ""

    def span(self, first: int, last: int) -> str:
        """The text of tokens ``first..last`` (inclusive) as the article has it."""
        base = self.sentence.start
        return self.sentence.text[self.tokens[first].start - base : self.tokens[last].end - base]

    def joined(self, i: int) -> bool:
        """Token ``i`` is glued to both neighbours: the hyphen of "pay-TV"."""
        if not 0 < i < len(self.tokens) - 1:
            return False
        before, here, after = self.tokens[i - 1], self.tokens[i], self.tokens[i + 1]
        return before.end == here.start and here.end == after.start

    def opens_sentence(self, first: int) -> bool:
        return all(
            self.lowered[i] in W.QUOTES or self.lowered[i] in W.LEAD_INS or self.lowered[i] == ","
            for i in range(first)
        )

    # ------------------------------------------------------------------ markers
    def marker(self, k: int) -> tuple[str, int] | None:
        """(the question's modal, tokens the marker spans) when a marker starts at ``k``."""
        word, nxt, after = self.word(k), self.word(k + 1), self.word(k + 2)
        if word in W.MODALS:
            if word in ("wo", "ca") and nxt != "n't":
                return None
            if word == "may" and (k == 0 or self.tokens[k].value == "May"):
                return None  # the month, or a name
            rest = [w for w in self.lowered[k + 1 : k + 5] if w not in W.NEGATIONS]
            if word in ("may", "might") and rest[:2] == ["be", "able"]:
                return "will", 1  # "may (not) be able to" -> "will be able to"
            return W.MODALS[word], 1
        if word in W.BE and nxt in W.BE_TO and after == "to":
            return "will", 3
        if word in W.HAVE and nxt == "yet" and after == "to":
            return "will", 3
        if word in W.VERB_TO and nxt == "to" and k > 0:
            return "will", 2
        return None

    # ------------------------------------------------------------------ subject
    def subject_start(self, k: int) -> int | None:
        """First token of the subject ending before token ``k``: the walk back stops
        at punctuation, a clause opener or a verb; None for a subject longer than
        ``W.MAX_SUBJECT`` or one inside a wh-clause ("how best Britain could ...")."""
        first = k
        while first > 0:
            word = self.lowered[first - 1]
            if word in W.WH:
                return None
            if word in ("-", "–") and self.joined(first - 1):
                first -= 1  # "pay-TV channels"
                continue
            if word in ("and", "or") and self.conjunct_start(first - 1) is not None:
                first = self.conjunct_start(first - 1) or 0  # "GCSEs and A-levels should"
                break
            if word in W.CLAUSE_END or word in W.QUOTES or word in W.STOPS:
                break
            if (
                word.endswith("ed")
                and self.tokens[first - 1].value.islower()
                and (self.lowered[first] in W.DETERMINERS or self.tokens[first].value[:1].isupper())
            ):
                break  # "Mr Clarke vowed the nine men would": a verb and its object
            if word in W.LEAD_INS and first - 1 == 0:
                break
            first -= 1
            if k - first > W.MAX_SUBJECT:
                return None
        if first == 1 and self.lowered[0] in W.DEMONSTRATIVES:
            first = 0  # "That situation could change": a determiner, not a clause opener
        first = self.after_object(first, k)
        return first if first < k else None

    def _inside_phrase(self, first: int, k: int) -> bool:
        """The words before the marker are the object of a preposition, the tail of
        a longer subject ("the contracts for his fight ... in just 10 days have yet
        to be signed": not "Whether 10 days will be signed")."""
        span = {t.index for t in self.tokens[first:k]}
        return any(t.head not in span and t.dep == "pobj" for t in self.tokens[first:k])

    def after_object(self, first: int, k: int) -> int:
        """Past the object of a verb before the subject: "told MPs their offices will
        be deep cleaned", "warned ministers the strike could spread" ask of no one told.

        >>> from briefs.backends.rules.document import build
        >>> s = build("He warned ministers the strike could spread.").sentences[0]
        >>> scan = SubjectScan(s, [], Vocabulary(), {})
        >>> scan.span(scan.after_object(2, 5), 4)
        'the strike'
        """
        position = {t.index: i for i, t in enumerate(self.tokens)}
        for i in range(k - 1, first - 1, -1):
            tok = self.tokens[i]
            if tok.dep in _OBJECTS and position.get(tok.head, k) < first:
                return first if self.word(i + 1) == "there" else i + 1  # "told X there will"
        return first

    def conjunct_start(self, conj: int) -> int | None:
        """Where the first of two coordinated noun phrases starts, when the "and" at
        ``conj`` joins them right after a clause opener ("said that GCSEs and A-levels
        should go"); None otherwise ("progress between Israelis and Palestinians")."""
        j = conj
        while j > 0 and conj - j < 3 and self.tokens[j - 1].pos in ("NOUN", "PROPN", "ADJ", "DET"):
            j -= 1
        if j == conj or self.tokens[conj - 1].pos not in ("NOUN", "PROPN"):
            return None
        return j if j == 0 or self.word(j - 1) in W.BARE_AFTER else None

    def subject(self, first: int, k: int) -> str | None:
        """The subject as the question says it, or None when it is not a plain noun
        phrase the question can stand on."""
        lowered = self.lowered[first:k]
        head = lowered[0]
        hedge = self.hedged_number(first)
        opener = self.word((first if hedge is None else hedge) - 1)
        if opener in ("and", "or", "to", "as"):
            return None  # "Israelis and Palestinians would", "help to the issuer could"
        for i in range(first - 1, max(first - 9, -1), -1):
            if self.lowered[i] in W.CLAUSE_END:
                break
            if self.lowered[i] in ("who", "which", "whose"):
                return None  # "residents who have ... their details left off the list could"
        if len(lowered) == 1 and (head in W.PRONOUNS or head in W.DEMONSTRATIVES):
            entity = self.resolve(first) if head in W.PRONOUNS else None
            return entity
        if W.UNRESOLVABLE & set(lowered) or W.PRONOUNS & set(lowered):
            return None  # "our lads", "most of you", "everything he"
        if head in W.PREPOSITIONS or self._inside_phrase(first, k):
            return None  # "During consultation the bill"; "the contracts for ... in 10 days"
        for i in range(first + 1, k):
            word = self.tokens[i].value
            before = self.tokens[i - 1].value
            if (
                word.islower()
                and word.endswith("ed")
                and before[:1].isupper()
                and before.lower() not in W.DETERMINERS
            ):
                return None  # "Dr Fox underlined Tory ...": a verb inside
        capital = self.tokens[first].value[:1].isupper()
        if capital and self.opens_sentence(first):
            if (
                head.endswith("ly")
                and k - first > 1
                and self.vocabulary.is_common(self.tokens[first].value)
            ):
                return self.subject(first + 1, k)  # "Eventually there will be"
            following = self.tokens[first + 1].value if k - first > 1 else ""
            if following.lower() in ("and", "or") and k - first > 2:
                following = self.tokens[first + 2].value  # "Ford and GM": two names
            if self.vocabulary.is_common(self.tokens[first].value) and not following[:1].isupper():
                value = self.span(first, k - 1)
                return value[:1].lower() + value[1:]  # "Critics", "Details of the chip"
        value = self.span(first, k - 1)
        if head in W.DETERMINERS or head == "there":
            return value[:1].lower() + value[1:]
        if capital or head[:1].isdigit():
            return value
        # a bare noun phrase ("rates", "house prices") right after a clause opener or a verb
        return value if k - first <= 3 and opener in W.BARE_AFTER else None

    # ------------------------------------------------------------------ predicate
    def hedged_number(self, first: int) -> int | None:
        """Where a hedge before a numeric subject starts ("as many as 50,000")."""
        if not self.lowered[first][:1].isdigit():
            return None
        for hedge in W.NUMBER_HEDGES:
            at = first - len(hedge)
            if at >= 0 and tuple(self.lowered[at:first]) == hedge:
                return at
        return None
