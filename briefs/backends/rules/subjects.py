"""Who is speaking: the subject of a reporting verb, and what pronouns refer to.

Helpers for ``attribution.py``: what may stand between a subject and its verb
(auxiliaries, adverbs, role words, an appositive), relative clauses and
affiliations to look across, and the recency of speakers for pronouns.
"""

from __future__ import annotations

from briefs.backends.rules.actors import Entity
from briefs.backends.rules.clauses import span_head
from briefs.backends.rules.crowds import unnamed_crowd
from briefs.backends.rules.document import Token
from briefs.backends.rules.heads import he_subject
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.mentions import Mention
from briefs.backends.rules.wordbook import words

__all__ = [
    "MAX_SUBJECT_LOOKBACK",
    "NOMINATIVE",
    "Speakers",
    "affiliated_person",
    "gap_ok",
    "inside_report",
    "skip_relative_clause",
]

_GAP_WORDS = {
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "also",
    "not",
    "then",
    "later",
    "earlier",
    "already",
    "still",
    "again",
    "itself",
    "himself",
    "herself",
    "themselves",
    "too",
    "did",
    "does",
    "do",
    "could",
    "may",
    "might",
    "can",
    "quickly",
    "soon",
    "once",
    "on",
    "friday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "previously",
    "in",
    "turn",
    "for",
    "its",
    "part",
    "'s",
    "’s",
    "however",
    ",",
}


def is_filler(word: str, lex: Lexicon) -> bool:
    return word in _GAP_WORDS or word.endswith("ly") or word in lex.role_words


def gap_ok(gap: list[Token], lex: Lexicon) -> bool:
    """Whether only auxiliaries, adverbs, role words, an appositive or a relative
    pronoun stand between a subject and its verb ("Kessel, who presented the budget,
    has defended"; "Woodhead, who has said").

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("It is Chris Woodhead, who has said there is no need.").sentences[0]
    >>> gap_ok([t for t in s.tokens if t.value in (",", "who", "has")], lexicon())
    True
    >>> gap_ok([t for t in s.tokens if t.value in ("is", "no")], lexicon())
    False
    """
    words = [t.value.lower() for t in gap]
    while words and words[-1] != "," and is_filler(words[-1], lex):
        words.pop()
    if not words:
        return True
    if len(words) == 2 and words[0] in ",-–—" and words[1] in ("who", "which"):
        return True  # "Professor Chris Woodhead, who has said …", "Mullin - who denied"
    if words[0] == words[-1] and words[0] in (",", "-", "–", "—") and len(words) <= 20:
        return True  # appositive or relative clause between commas or dashes
    return all(is_filler(w, lex) for w in words)


class Speakers:
    """Recency of speakers and mentions, for pronouns."""

    def __init__(self, entities: dict[str, Entity]) -> None:
        self.entities = entities
        self.subjects: list[str] = []
        self.mentioned: list[str] = []
        self.sentences: list[tuple[list[str], list[str]]] = []  # (speakers, mentions)
        self.topics: list[str] = []  # named grammatical subjects, in order
        self._speakers: list[str] = []
        self.crowds: list[bool] = []  # per sentence: its subject an unnamed crowd

    def note_subject(self, name: str) -> None:
        self.subjects.append(name)
        self._speakers.append(name)

    def note_unnamed(self) -> None:
        """Someone unnamed speaks ("A police spokesman said"): a "he" after it is them."""
        self._speakers.append(UNNAMED)

    def note_mentions(self, mentions: list[Mention], tokens: tuple[Token, ...] = ()) -> None:
        """The sentence's mentions; with its ``tokens``, names that are only a possessor
        or sit under an object ("replicate Dennis Rodman's diplomacy") are not offered
        to a later "he", and a sentence whose subject is "he" or "she" passes the topic
        on ("He fought Muhammad Ali in 1976. He says he ...": the first "he" still)."""
        role = {t.index: t for t in tokens}
        subjects, names = [], []
        for m in mentions:
            if not m.entity or m.hint == "pronoun":
                continue
            if m.subject:
                subjects.append(m.entity)
            head = span_head(role, m)
            owner = role.get(head.head) if head is not None else None
            if head is None or head.dep != "poss" or (owner and owner.dep.startswith("nsubj")):
                names.append(m.entity)  # "Tony Blair's spokesman said" still names Blair
        self.mentioned.extend(n for n in names if n not in subjects)
        self.mentioned.extend(subjects)  # the latest subject is the likeliest antecedent
        self.topics.extend(subjects)
        carried = bool(tokens) and he_subject(tokens) and not subjects
        self.sentences.append((self._speakers, [] if carried else names))
        kinds = {n: e.kind for n, e in self.entities.items()}
        self.crowds.append(bool(tokens) and unnamed_crowd(tokens, mentions, kinds, _BODIES))
        self._speakers = []

    def pronoun(self, word: str, lex: Lexicon) -> str | None:
        """The antecedent: in the nearest earlier sentence with a fitting actor, its
        speaker, else the first fitting actor it names (the subject, usually). A speaker
        whose kind is unknown ("Mr Howard" read as "other") may be "he" or "she".

        >>> from briefs.backends.rules.lexicon import lexicon
        >>> sp = Speakers({"Mark Oaten": Entity("Mark Oaten", "person"),
        ...                "Howard": Entity("Howard", "other")})
        >>> sp.note_subject("Mark Oaten"); sp.note_mentions([])
        >>> sp.note_subject("Howard"); sp.note_mentions([])
        >>> sp.pronoun("he", lexicon())
        'Howard'
        """
        if word in lex.person_pronouns:
            kinds: tuple[str, ...] = ("person",)
        elif word in lex.plural_pronouns:
            kinds = _BODIES
        else:
            kinds = ("organization", "country")

        def fits(name: str) -> bool:
            return self.entities[name].kind in kinds

        def speaks(name: str) -> bool:  # "Mr Howard has said ... But he claims ...":
            # a speaker of no known kind is a person for "he" and "she"
            # when it reads as a person's name: capitalised words only, none an
            # organisation's ("government", "British Chambers of Commerce" are not)
            parts = name.split()
            other = (
                self.entities[name].kind == "other"
                and all(p[:1].isupper() and p not in lex.org_heads for p in parts)
                and len(parts) <= 3
            )
            return fits(name) or ("person" in kinds and other)

        for name in reversed(self._speakers):  # "X said ... and she added"
            if name == UNNAMED and "person" in kinds:
                return None
            if name != UNNAMED and speaks(name):
                return name
        for k, (speakers, names) in reversed(list(enumerate(self.sentences))[-3:]):
            if word in lex.plural_pronouns and self.crowds[k]:
                return None  # "Detectives appealed for help. They believe …"
            for name in reversed(speakers):
                if name == UNNAMED and "person" in kinds:
                    return None
                if name != UNNAMED and speaks(name):
                    return name
            for name in names:
                if fits(name):
                    return name
        for name in reversed(self.topics[-6:]):
            if fits(name):
                return name
        for name in reversed(self.mentioned):
            if fits(name):
                return name
        return None


_RELATIVE = words("relative_pronouns")
_BODIES = ("organization", "group", "country")  # what "they" may stand for
NOMINATIVE = {"he", "she", "they", "it", "we"}
UNNAMED = ""  # a speaker the article does not name
MAX_SUBJECT_LOOKBACK = 3


def skip_relative_clause(toks: tuple[Token, ...], before: list[Mention], verb: Token) -> Mention:
    """ "The Alliance (AOS), which groups nations from the Indian Ocean, said": the
    subject stands before the relative clause, not at its end."""
    cand = before[-1]
    k = next((n for n, t in enumerate(toks) if t.start == verb.start), 0)
    if k == 0 or toks[k - 1].value != ",":
        return cand
    for n in range(k - 2, 0, -1):
        if toks[n].value == "," and toks[n + 1].value.lower() in _RELATIVE:
            earlier = [m for m in before if m.end <= toks[n].start]
            return earlier[-1] if earlier else cand
        if toks[n].value in {".", ";", ":"}:
            break
    return cand


_AFFILIATION = (
    {"of"},
    {"of", "the"},
    {",", "of"},
    {",", "of", "the"},
    {"from"},
    {"from", "the"},
    {"at"},
    {"at", "the"},
)


def affiliated_person(
    toks: tuple[Token, ...], before: list[Mention], cand: Mention, entities: dict[str, Entity]
) -> Mention:
    """ "Maeve Sherlock of the Refugee Council said": the person speaks, not the body."""
    if cand.entity is None or entities.get(cand.entity) is None:
        return cand
    cand_kind = entities[cand.entity].kind
    if cand_kind not in ("organization", "group", "other"):
        return cand
    if cand_kind == "other" and all(w[:1].isupper() for w in cand.entity.split()):
        return cand  # "Mullin": a name of no known kind; "Inspector of Schools" is a post
    earlier = [m for m in before if m.end <= cand.start]
    if not earlier:
        return cand
    # "Maeve Sherlock, chief executive of the Refugee Council, said"
    for person in reversed(earlier[-3:]):
        kind = entities[person.entity].kind if person.entity in entities else None
        if kind == "person":
            rest = [t.value for t in toks if person.end <= t.start and t.end <= cand.start]
            if rest[:1] == [","] and "," not in rest[1:] and len(rest) <= 8:
                return person
            break
    person = earlier[-1]
    if (
        person.entity is None
        or entities.get(person.entity) is None
        or (entities[person.entity].kind != "person")
    ):
        return cand
    between = [t.value.lower() for t in toks if person.end <= t.start and t.end <= cand.start]
    return person if set(between) in _AFFILIATION and len(between) <= 3 else cand


def inside_report(toks: tuple[Token, ...], subject: Mention, lex: Lexicon) -> bool:
    """Whether a pronoun subject opens the clause of a reporting verb just before it."""
    k = next((n for n, t in enumerate(toks) if t.start == subject.start), None)
    if k is None:
        return False
    back = [t.value.lower() for t in toks[max(0, k - 2) : k]]
    if back and back[-1] == "that":
        back = back[:-1]
    return bool(back) and back[-1] in lex.speech_verbs
