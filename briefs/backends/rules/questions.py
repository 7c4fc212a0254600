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

from collections.abc import Mapping, Sequence

from briefs.backends.rules import question_words as W
from briefs.backends.rules.document import Sentence
from briefs.backends.rules.mentions import Mention
from briefs.backends.rules.question_calls import CallScan
from briefs.backends.rules.question_cut import noun_cut
from briefs.backends.rules.question_frame import unasked
from briefs.backends.rules.question_polarity import says_no
from briefs.backends.rules.question_subject import Vocabulary

__all__ = ["Vocabulary", "as_question"]


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
    for k in range(len(parse.lowered)):
        question = parse.call(k)
        if question:
            return _finish(question)
    return None


class _Parse(CallScan):
    """The clause after the subject: predicate, condition, embedded question."""

    def predicate_end(self, start: int) -> int:
        """One past the last token of the clause that starts at ``start``."""
        end = start
        while end < len(self.tokens):
            word = self.lowered[end]
            if word == "," and self._list_after(end):
                end = self._list_after(end)
                continue
            if word == "," and self._aside_after(end):
                end = self._aside_after(end)  # "the regime, with Russia's support, is"
                continue
            if word in W.CLAUSE_END and not (word in ("-", "–") and self.joined(end)):
                break
            if end > start and word in W.NEXT_CLAUSE:
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
                while j < len(self.tokens) and self.lowered[j] not in W.LIST_END:
                    if self.lowered[j] in W.MODALS or self.lowered[j] in W.AUXILIARIES:
                        return 0
                    j += 1
                return j if 0 < j - i - 1 <= 4 else 0
            if word in W.CLAUSE_END or word in W.MODALS or word in W.AUXILIARIES or word in W.WH:
                return 0
            i, item = i + 1, item + 1
        return 0

    def _aside_after(self, comma: int) -> int:
        """One past the comma that closes an aside the comma at ``comma`` opens (", with
        Russia's support,", ", however,"), when a verb follows it; 0 when it is none."""
        if comma + 1 >= len(self.tokens) or self.tokens[comma + 1].pos not in ("ADP", "ADV"):
            return 0
        for j in range(comma + 2, min(comma + 8, len(self.tokens) - 1)):
            if self.lowered[j] == ",":
                return j + 1 if self.tokens[j + 1].pos in ("AUX", "VERB") else 0
            if self.lowered[j] in W.CLAUSE_END or self.lowered[j] in W.QUOTES:
                return 0
        return 0

    def _new_clause_after_and(self, i: int, start: int) -> bool:
        """ "... and is expected to", "... and played down", "... and the rule would";
        not inside a clause opened since ``start`` ("after computers and gadgets are")."""
        if W.SUBORDINATORS & set(self.lowered[start:i]):
            return False
        nxt = self.tokens[i + 1].value if i + 1 < len(self.tokens) else ""
        low = nxt.lower()
        if nxt[:1].isupper() and self.tokens[i - 1].value[:1].isupper():
            return False  # "the Department of Work and Pensions"
        if low in W.AUXILIARIES or low in W.MODALS or low == "that":
            return True
        if nxt.islower() and nxt.endswith("ed") and self.word(i + 2) in W.PARTICLES:
            return True
        if low in W.DETERMINERS or nxt[:1].isupper():
            for j in range(i + 2, len(self.tokens)):
                if self.lowered[j] in W.CLAUSE_END:
                    break
                if self.lowered[j] in W.MODALS or self.lowered[j] in W.AUXILIARIES:
                    return True
        return False

    def predicate(self, start: int, *, embedded: bool = False) -> str | None:
        """The clause from ``start``: after a marker it opens with a verb; an embedded
        clause ("whether the carriers planned") opens with its subject."""
        min_words = W.MIN_PREDICATE + 1 if embedded else W.MIN_PREDICATE
        end = self.predicate_end(start)
        words = [w for w in self.lowered[start:end] if w not in W.QUOTES]
        if not embedded and len(words) == 1 and self._lone_verb(start) and self.word(end) != ":":
            min_words = 1  # "further charges could follow", not "the papers will ask:"
        if not (min_words <= len(words) <= W.MAX_PREDICATE):
            return None
        if embedded and not any(t.pos in ("VERB", "AUX") for t in self.tokens[start:end]):
            return None  # "whether the Syrian regime, with ...": cut before its verb
        if not embedded and (not words[0].isalpha() or words[0] in W.NOT_A_VERB):
            return None
        if not embedded and words[0].endswith("ed") and not words[0].endswith("eed"):
            return None  # "would triggered": not a verb's base form
        if W.UNRESOLVABLE & set(words):
            return None  # "our legislation": whose, the question cannot say
        if words[-1] in W.DANGLING:
            return None  # "at a time when", "the deficit which": cut short
        if noun_cut(self.tokens, start, end):
            return None  # "be a far more lively": its noun came after the comma
        return self.span(start, end - 1)

    def _lone_verb(self, start: int) -> bool:
        """A predicate of one word that is a full verb in its base form ("go", "follow"),
        not an auxiliary left alone ("Whether it will be.")."""
        token = self.tokens[start]
        return token.tag == "VB" and token.pos == "VERB" and token.lower not in W.AUXILIARIES

    def condition(self, first: int) -> str | None:
        """The condition right before the subject ("if prices fall, the risks will")."""
        comma = first - 1
        if comma < 1 or self.lowered[comma] != ",":
            return None
        i = comma - 1
        while i >= 0 and self.lowered[i] not in ("if", "unless"):
            if self.lowered[i] in W.CLAUSE_END or self.lowered[i] in W.QUOTES:
                return None
            i -= 1
        if i < 0 or comma - i < 3:
            return None
        if any(w in W.PRONOUNS or w in W.UNRESOLVABLE for w in self.lowered[i:comma]):
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
        if "there" in self.lowered[first + 1 : k]:
            return None  # "told the Guardian newspaper there will be": two phrases, no subject
        start = k + width
        while self.word(start) in W.STANCE:
            start += 1  # "will doubtless"
        if says_no(self.tokens, k, first, start):
            return None  # a question would drop the no: the sentence stays as it is
        if self.word(start) == "have":
            return None  # "could have forced": about the past
        if self.word(start) == "be" and self.word(start + 1) in ("for", "that"):
            return None  # "a better solution would be for ...": a proposal
        if self.lowered[first] == "it" and self._impersonal(start):
            return None  # "it may be preferable for parents to ...": no one's outcome
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

    def _impersonal(self, start: int) -> bool:
        """ "be preferable for", "be likely that": an "it" that stands for no one.

        >>> from briefs.backends.rules.document import build
        >>> from briefs.backends.rules.mentions import Mention
        >>> s = build("Therefore, it may be preferable for parents to save.").sentences[0]
        >>> odd = Mention(0, 9, "Therefore", 0, "", "Therefore", entity="Therefore")
        >>> as_question(s, [odd], kinds={"Therefore": "other"}) is None
        True
        """
        return (
            self.word(start) in ("be", "is", "was")
            and start + 2 < len(self.tokens)
            and self.tokens[start + 1].pos == "ADJ"
            and self.word(start + 2) in ("for", "to", "that")
        )

    def open_modal(self, k: int, first: int) -> bool:
        """Whether the marker at ``k`` looks forward rather than stating a rule, an
        ability, a habit or a counterfactual."""
        word = self.lowered[k]
        opener = self.word(first - 1)
        if word in ("can", "ca", "cannot") and opener not in W.BARE_AFTER:
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
                    if self.lowered[j] in W.CLAUSE_END:
                        break
                    if self.lowered[j] in ("were", "had"):
                        return True
        return False

    def embedded(self, k: int) -> str | None:
        """ "... to see whether it is possible to ..." -> "Whether it is possible to ..." """
        head = self.word(k + 1)
        if head in ("or", "to", "") or unasked(self.tokens, k):
            return None  # "whether or not"; "said it was irrelevant whether": no question
        subject, start = "", k + 1
        if head in W.PRONOUNS:
            entity = self.resolve(k + 1)
            if entity:
                subject, start = entity + " ", k + 2
            elif not (head == "it" and self._impersonal(k + 2)):
                return None  # "whether it is reformed": what "it" is, the question cannot say
        end = self.predicate_end(start)
        if self.word(end) == "," and "or" in self.lowered[start:end]:
            return None  # "whether they chose Howard or Kennedy, it would ...": no matter which
        if any(self.word(i) in W.MODALS and self.word(i + 1) == "have" for i in range(start, end)):
            return None  # "whether Kaplan would have been pleased": about the past
        predicate = self.predicate(start, embedded=True)
        if predicate is None:
            return None
        return _finish(f"Whether {subject}{predicate}")


def _finish(question: str) -> str:
    if question.count('"') % 2 or question.count("“") != question.count("”"):
        for mark in W.QUOTES:
            question = question.replace(mark, "")
    return " ".join(question.split()).rstrip(" ,;:") + "."
