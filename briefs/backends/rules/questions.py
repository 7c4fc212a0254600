"""Open issues phrased as the question a sentence leaves open: "Whether X will Y."

News states what is still open in a forward-looking clause: a subject, a modal or
prospective marker ("will", "could", "is expected to", "has yet to", "vowed to") and
what may happen. Such a clause is rephrased as a whether-question, the way an analyst
lists open issues:

    "Some economists have predicted rates will drop later in the year, ..."
    -> "Whether rates will drop later in the year."

A clause the sentence already asks ("... to see whether it is possible to ...") is
lifted out as it stands. The rephrasing is conservative: the subject must be a short
noun phrase, or a pronoun the backend resolved to a named actor; a clause about the
past ("could have forced") is left alone, and so is first-person speech ("our lads")
and anything else that does not parse this simply. Such issues keep the sentence's
own words. Either way the sentence stays the issue's evidence, so the question never
claims more than the article says.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefs.backends.rules.document import Sentence
from briefs.backends.rules.mentions import Mention

__all__ = ["Vocabulary", "as_question"]

MAX_SUBJECT = 6  # tokens
MIN_PREDICATE, MAX_PREDICATE = 2, 30  # words

# marker -> the modal the question uses ("may" keeps its doubt as "could")
_MODALS = {
    "will": "will", "would": "will", "wo": "will", "shall": "will", "may": "could",
    "might": "could", "could": "could", "can": "can", "ca": "can", "cannot": "can",
}  # fmt: skip
_BE = {"is", "are", "was", "were"}
_BE_TO = {"expected", "due", "set", "likely", "poised", "unlikely", "yet", "going"}
_HAVE = {"has", "have", "had"}
# verbs only: "plan", "aim", "hope", "promises" are nouns as often as verbs
_VERB_TO = {
    "intends", "intended", "threatens", "threatened", "vowed", "pledged", "promised",
    "refuses", "refused",
}  # fmt: skip
_NEGATIONS = {"not", "n't", "never"}
_AUXILIARIES = {
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
    "did",
}  # fmt: skip
_WH = {"how", "why", "what", "what's", "which", "who", "whom", "whose", "where", "when"}
# Words that end a subject when walking back from the marker: clause openers,
# auxiliaries and modals, verbs of saying and thinking that take a bare clause
# ("predicted rates will"), predicative adjectives and sentence adverbs. Not the
# lexicon's speech verbs: many of those are nouns too ("the plans will", "rules").
_STOPS = _AUXILIARIES | _WH | set(_MODALS) | {
    "that", "if", "although", "though", "while", "whilst", "because", "but", "as",
    "unless", "whether", "so", "after", "before", "since", "until", "than", "then", "once",
    "and", "or", "said", "says", "say", "told", "tells", "predicted", "predict",
    "predicts", "feel", "feels", "felt", "think", "thinks", "thought", "believe",
    "believes", "believed", "expect", "expects", "hope", "hopes", "hoped", "fear",
    "fears", "feared", "warned", "warns", "warn", "argue", "argues", "argued", "claim",
    "claims", "claimed", "insisted", "insists", "insist", "suggested", "suggests",
    "suggest", "noted", "added", "stated", "announced", "confirmed", "agreed", "agree",
    "decided", "know", "knows", "knew", "understand", "understood", "reported", "means",
    "meant", "ensure", "ensures", "show", "shows", "showed", "indicate", "indicates",
    "concluded", "accepted", "accept", "worried", "concerned", "convinced", "sure",
    "clear", "unclear", "hinted", "signalled", "denied", "admitted", "acknowledged",
    "conceded", "estimated", "forecast", "reckons", "doubt", "doubts", "asked",
    "whereby", "should", "must", "to", "not", "n't", "likely", "unlikely", "possible",
    "probable", "certain", "hopeful", "confident", "inevitable", "also", "still", "now",
    "only", "already", "even", "just", "later", "perhaps", "maybe",
}  # fmt: skip
# after these a bare noun phrase is a subject ("that rates will fall")
_BARE_AFTER = _STOPS - _WH - _AUXILIARIES - set(_MODALS) - {"and", "or", "to", "not", "n't"}
_DETERMINERS = {
    "the", "a", "an", "some", "its", "their", "his", "her", "this", "these", "those",
    "such", "all", "both", "many", "most", "other", "any", "each", "every", "several",
    "few", "more", "no", "neither", "either", "another", "much", "further",
}  # fmt: skip
_DEMONSTRATIVES = {"that", "this", "these", "those"}
_PRONOUNS = {"he", "she", "they", "it", "him", "them"}
_ANTECEDENT_KINDS = {
    "he": ("person",), "she": ("person",), "him": ("person",),
    "it": ("organization", "country"), "they": ("organization", "group", "country"),
    "them": ("organization", "group", "country"),
}  # fmt: skip
# speech the question cannot attribute: whose "our", who is "one"
_UNRESOLVABLE = {
    "we", "i", "you", "our", "ours", "my", "your", "us", "me", "one", "himself",
    "herself", "themselves", "ourselves", "myself", "yourself",
}  # fmt: skip
_PREPOSITIONS = {
    "during", "in", "on", "at", "after", "before", "since", "with", "by", "for", "from",
    "under", "over", "despite", "following", "amid", "among", "within", "without",
    "through", "as", "like", "of", "to", "into", "having", "off", "last", "next", "about",
    "up",
}  # fmt: skip
_NOT_A_VERB = _PREPOSITIONS | _DETERMINERS | _PRONOUNS | _UNRESOLVABLE | set(_MODALS) | {
    "that", "if", "which", "who", "and", "or", "but",
}  # fmt: skip
_DANGLING = _PREPOSITIONS | _WH | _DETERMINERS | {
    "that", "whether", "if", "than", "and", "or", "but", "better", "more", "less",
}  # fmt: skip
# adverbs of the speaker's certainty or of linking, dropped after the modal
_STANCE = {
    "however", "doubtless", "undoubtedly", "certainly", "surely", "probably", "possibly",
    "therefore", "thus", "indeed", "well", "though",
}  # fmt: skip
# hedges in front of a number stay with it: "as many as 50,000 workers"
_NUMBER_HEDGES = (
    ("as", "many", "as"), ("as", "much", "as"), ("more", "than"), ("fewer", "than"),
    ("less", "than"), ("at", "least"), ("up", "to"), ("about",), ("around",), ("some",),
    ("nearly",), ("almost",), ("over",), ("roughly",),
)  # fmt: skip
_LEAD_INS = {"but", "and", "however", "yet", "so", "still", "meanwhile", "now"}
_CLAUSE_END = {".", ";", ":", "?", "!", ",", "-", "–", "—", "(", ")", "[", "]"}
_QUOTES = {'"', "“", "”"}
_RELATIVE = {"that", "which", "who", "whose"}
_LIST_END = _CLAUSE_END | _RELATIVE
_SUBORDINATORS = {"after", "before", "when", "until", "unless", "if", "because", "once", "since"}
_NEXT_CLAUSE = {"but", "although", "though", "whereas", "because", "so", "yet", "while"}
_PARTICLES = {
    "down", "up", "out", "off", "the", "a", "an", "his", "her", "its", "their", "that",
    "to", "on", "in", "at", "by", "for", "with",
}  # fmt: skip


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


def as_question(
    sentence: Sentence,
    mentions: Sequence[Mention],
    vocabulary: Vocabulary | None = None,
    kinds: Mapping[str, str] | None = None,
) -> str | None:
    """The open question ``sentence`` states, as "Whether ...", or None when the
    sentence does not state one in a form simple enough to rephrase safely.

    ``mentions`` are the sentence's resolved mentions and ``kinds`` their actors'
    kinds: a pronoun subject becomes the actor it refers to ("The IMF said it will
    ..." -> "Whether the IMF will ..."). ``vocabulary`` tells a capitalised opener
    ("Critics") from a name."""
    parse = _Parse(sentence, mentions, vocabulary or Vocabulary(), kinds or {})
    for k, word in enumerate(parse.lowered):
        if word == "whether":
            question = parse.embedded(k)
            if question:
                return question
    for k in range(len(parse.lowered)):
        marker = parse.marker(k)
        if marker is not None:
            question = parse.clause(k, *marker)
            if question:
                return question
    return None


class _Parse:
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
        same sentence ("The IMF said it will", "Mr Straw said he would")."""
        start = self.tokens[i].start
        entity = next((m.entity for m in self.mentions if m.start == start), None)
        if entity is None:
            fitting = _ANTECEDENT_KINDS.get(self.lowered[i], ())
            entity = next(
                (
                    m.entity
                    for m in reversed(self.mentions)
                    if m.start < start and m.entity and self.kinds.get(m.entity) in fitting
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
            self.lowered[i] in _QUOTES or self.lowered[i] in _LEAD_INS or self.lowered[i] == ","
            for i in range(first)
        )

    # ------------------------------------------------------------------ markers
    def marker(self, k: int) -> tuple[str, int] | None:
        """(the question's modal, tokens the marker spans) when a marker starts at ``k``."""
        word, nxt, after = self.word(k), self.word(k + 1), self.word(k + 2)
        if word in _MODALS:
            if word in ("wo", "ca") and nxt != "n't":
                return None
            if word == "may" and (k == 0 or self.tokens[k].value == "May"):
                return None  # the month, or a name
            rest = [w for w in self.lowered[k + 1 : k + 5] if w not in _NEGATIONS]
            if word in ("may", "might") and rest[:2] == ["be", "able"]:
                return "will", 1  # "may (not) be able to" -> "will be able to"
            return _MODALS[word], 1
        if word in _BE and nxt in _BE_TO and after == "to":
            return "will", 3
        if word in _HAVE and nxt == "yet" and after == "to":
            return "will", 3
        if word in _VERB_TO and nxt == "to" and k > 0:
            return "will", 2
        return None

    # ------------------------------------------------------------------ subject
    def subject_start(self, k: int) -> int | None:
        """First token of the subject ending before token ``k``: the walk back stops
        at punctuation, a clause opener or a verb; None for a subject longer than
        ``MAX_SUBJECT`` or one inside a wh-clause ("how best Britain could ...")."""
        first = k
        while first > 0:
            word = self.lowered[first - 1]
            if word in _WH:
                return None
            if word in ("-", "–") and self.joined(first - 1):
                first -= 1  # "pay-TV channels"
                continue
            if word in _CLAUSE_END or word in _QUOTES or word in _STOPS:
                break
            if (
                word.endswith("ed")
                and self.tokens[first - 1].value.islower()
                and (self.lowered[first] in _DETERMINERS or self.tokens[first].value[:1].isupper())
            ):
                break  # "Mr Clarke vowed the nine men would": a verb and its object
            if word in _LEAD_INS and first - 1 == 0:
                break
            first -= 1
            if k - first > MAX_SUBJECT:
                return None
        if first == 1 and self.lowered[0] in _DEMONSTRATIVES:
            first = 0  # "That situation could change": a determiner, not a clause opener
        return first if first < k else None

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
            if self.lowered[i] in _CLAUSE_END:
                break
            if self.lowered[i] in ("who", "which", "whose"):
                return None  # "residents who have ... their details left off the list could"
        if len(lowered) == 1 and (head in _PRONOUNS or head in _DEMONSTRATIVES):
            entity = self.resolve(first) if head in _PRONOUNS else None
            return entity
        if _UNRESOLVABLE & set(lowered) or _PRONOUNS & set(lowered):
            return None  # "our lads", "most of you", "everything he"
        if head in _PREPOSITIONS:
            return None  # "During consultation the bill"
        for i in range(first + 1, k):
            word = self.tokens[i].value
            before = self.tokens[i - 1].value
            if (
                word.islower()
                and word.endswith("ed")
                and before[:1].isupper()
                and before.lower() not in _DETERMINERS
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
            if self.vocabulary.is_common(self.tokens[first].value) and not following[:1].isupper():
                value = self.span(first, k - 1)
                return value[:1].lower() + value[1:]  # "Critics", "Details of the chip"
        value = self.span(first, k - 1)
        if head in _DETERMINERS or head == "there":
            return value[:1].lower() + value[1:]
        if capital or head[:1].isdigit():
            return value
        # a bare noun phrase ("rates", "house prices") right after a clause opener or a verb
        return value if k - first <= 3 and opener in _BARE_AFTER else None

    # ------------------------------------------------------------------ predicate
    def predicate_end(self, start: int) -> int:
        """One past the last token of the clause that starts at ``start``."""
        end = start
        while end < len(self.tokens):
            word = self.lowered[end]
            if word == "," and self._list_after(end):
                end = self._list_after(end)
                continue
            if word in _CLAUSE_END and not (word in ("-", "–") and self.joined(end)):
                break
            if end > start and word in _NEXT_CLAUSE:
                break
            if word == "and" and end > start and self._new_clause_after_and(end, start):
                break
            end += 1
        return end

    def _list_after(self, comma: int) -> int:
        """The end of a list the comma at ``comma`` continues ("Lucent, Nortel and
        Motorola"): short items, the last one after "and"/"or"; 0 when it is none."""
        i, item = comma + 1, 0
        while i < len(self.tokens):
            word = self.lowered[i]
            if word == ",":
                if not 0 < item <= 4:
                    return 0
                i, item = i + 1, 0
                continue
            if word in ("and", "or") and 0 < item <= 4:
                j = i + 1
                while j < len(self.tokens) and self.lowered[j] not in _LIST_END:
                    if self.lowered[j] in _MODALS or self.lowered[j] in _AUXILIARIES:
                        return 0
                    j += 1
                return j if 0 < j - i - 1 <= 4 else 0
            if word in _CLAUSE_END or word in _MODALS or word in _AUXILIARIES or word in _WH:
                return 0
            i, item = i + 1, item + 1
        return 0

    def _new_clause_after_and(self, i: int, start: int) -> bool:
        """ "... and is expected to", "... and played down", "... and the rule would";
        not inside a clause opened since ``start`` ("after computers and gadgets are")."""
        if _SUBORDINATORS & set(self.lowered[start:i]):
            return False
        nxt = self.tokens[i + 1].value if i + 1 < len(self.tokens) else ""
        low = nxt.lower()
        if nxt[:1].isupper() and self.tokens[i - 1].value[:1].isupper():
            return False  # "the Department of Work and Pensions"
        if low in _AUXILIARIES or low in _MODALS or low == "that":
            return True
        if nxt.islower() and nxt.endswith("ed") and self.word(i + 2) in _PARTICLES:
            return True
        if low in _DETERMINERS or nxt[:1].isupper():
            for j in range(i + 2, len(self.tokens)):
                if self.lowered[j] in _CLAUSE_END:
                    break
                if self.lowered[j] in _MODALS or self.lowered[j] in _AUXILIARIES:
                    return True
        return False

    def predicate(self, start: int, *, embedded: bool = False) -> str | None:
        """The clause from ``start``: after a marker it opens with a verb; an embedded
        clause ("whether the carriers planned") opens with its subject."""
        min_words = MIN_PREDICATE + 1 if embedded else MIN_PREDICATE
        end = self.predicate_end(start)
        words = [w for w in self.lowered[start:end] if w not in _QUOTES]
        if not (min_words <= len(words) <= MAX_PREDICATE):
            return None
        if not embedded and (not words[0].isalpha() or words[0] in _NOT_A_VERB):
            return None
        if not embedded and words[0].endswith("ed") and not words[0].endswith("eed"):
            return None  # "would triggered": not a verb's base form
        if _UNRESOLVABLE & set(words):
            return None  # "our legislation": whose, the question cannot say
        if words[-1] in _DANGLING:
            return None  # "at a time when", "the deficit which": cut short
        return self.span(start, end - 1)

    def condition(self, first: int) -> str | None:
        """The condition right before the subject ("if prices fall, the risks will")."""
        comma = first - 1
        if comma < 1 or self.lowered[comma] != ",":
            return None
        i = comma - 1
        while i >= 0 and self.lowered[i] not in ("if", "unless"):
            if self.lowered[i] in _CLAUSE_END or self.lowered[i] in _QUOTES:
                return None
            i -= 1
        if i < 0 or comma - i < 3:
            return None
        if any(w in _PRONOUNS or w in _UNRESOLVABLE for w in self.lowered[i:comma]):
            return None  # moved to the end, its pronoun would point elsewhere
        clause = self.span(i, comma - 1)
        return clause[:1].lower() + clause[1:]

    # ------------------------------------------------------------------ questions
    def clause(self, k: int, modal: str, width: int) -> str | None:
        first = self.subject_start(k)
        if first is None:
            return None
        subject = self.subject(first, k)
        if subject is None or not self.open_modal(k, first):
            return None
        start = k + width
        while self.word(start) in _NEGATIONS or self.word(start) in _STANCE:
            start += 1  # a whether-question holds both answers; "will doubtless"
        if self.word(start) == "have":
            return None  # "could have forced": about the past
        if self.word(start) == "be" and self.word(start + 1) in ("for", "that"):
            return None  # "a better solution would be for ...": a proposal
        predicate = self.predicate(start)
        if predicate is None:
            return None
        first_number = self.hedged_number(first)
        if first_number is not None:
            subject = self.span(first_number, k - 1)
            subject = subject[:1].lower() + subject[1:]  # "up to 15 channels"
        question = f"Whether {subject} {modal} {predicate}"
        condition = self.condition(first)
        return _finish(f"{question} {condition}" if condition else question)

    def open_modal(self, k: int, first: int) -> bool:
        """Whether the marker at ``k`` looks forward rather than stating a rule, an
        ability, a habit or a counterfactual."""
        word = self.lowered[k]
        opener = self.word(first - 1)
        if word in ("can", "ca", "cannot") and opener not in _BARE_AFTER:
            return False  # "the exchange can delist a company if ...": a rule, not a forecast
        # "Without Angels he would not be", "so that they could", "if they were ..., there would"
        return not (
            word in ("would", "could", "may", "might")
            and (
                self.lowered[0] == "without"
                or (opener == "that" and self.word(first - 2) == "so")
                or self.subjunctive_if()
            )
        )

    def subjunctive_if(self) -> bool:
        for i, word in enumerate(self.lowered):
            if word == "if":
                for j in range(i + 1, min(i + 12, len(self.lowered))):
                    if self.lowered[j] in _CLAUSE_END:
                        break
                    if self.lowered[j] in ("were", "had"):
                        return True
        return False

    def hedged_number(self, first: int) -> int | None:
        """Where a hedge before a numeric subject starts ("as many as 50,000")."""
        if not self.lowered[first][:1].isdigit():
            return None
        for hedge in _NUMBER_HEDGES:
            at = first - len(hedge)
            if at >= 0 and tuple(self.lowered[at:first]) == hedge:
                return at
        return None

    def embedded(self, k: int) -> str | None:
        """ "... to see whether it is possible to ..." -> "Whether it is possible to ..." """
        head = self.word(k + 1)
        if head in ("or", "to", ""):
            return None  # "whether or not", "whether to": no subject to ask about
        subject, start = "", k + 1
        if head in _PRONOUNS:
            entity = self.resolve(k + 1)
            if entity:
                subject, start = entity + " ", k + 2
            elif not (head == "it" and self.word(k + 2) in ("is", "was")):
                return None  # "whether they are entitled": who, the question cannot say
        end = self.predicate_end(start)
        if any(self.word(i) in _MODALS and self.word(i + 1) == "have" for i in range(start, end)):
            return None  # "whether Kaplan would have been pleased": about the past
        predicate = self.predicate(start, embedded=True)
        if predicate is None:
            return None
        return _finish(f"Whether {subject}{predicate}")


def _finish(question: str) -> str:
    if question.count('"') % 2 or question.count("“") != question.count("”"):
        for mark in _QUOTES:
            question = question.replace(mark, "")
    return " ".join(question.split()).rstrip(" ,;:") + "."
