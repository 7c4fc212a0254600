"""Who said (or did) what: attributed statements, direct and indirect.

For every reporting verb in a sentence ("accused", "said", "called for",
"expressed concern"), the speaker is the nearest actor mention before it in the
same clause (or right after it: "said Ms Ruiz"); pronouns and "the spokesperson"
are resolved to the actor most recently speaking or mentioned. The stance is the
reported clause ("that ..."), the quotation, or the verb phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefs.backends.rules.actors import Entity
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.mentions import Mention
from briefs.backends.rules.text import Sentence, Token

__all__ = ["Attribution", "attribute"]

_SAY_LIKE = {
    "say",
    "argue",
    "claim",
    "insist",
    "warn",
    "emphasize",
    "affirm",
    "stress",
    "suggest",
    "maintain",
    "believe",
    "contend",
    "assert",
    "allege",
    "declare",
    "explain",
    "add",
    "note",
    "predict",
    "estimate",
    "fear",
    "hope",
    "acknowledge",
    "admit",
    "concede",
    "confirm",
    "think",
    "indicate",
    "signal",
    "counter",
    "respond",
    "reply",
    "conclude",
    "find",
    "deny",
}
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
_QUOTES = "\"“”'‘’"
_TRAIL = " ,;:-–—" + _QUOTES
_LEAD_DROP = ("that ", "the ")


@dataclass
class Attribution:
    actor: str
    stance: str
    start: int  # evidence span in the article text
    end: int
    verb: str
    sentence: int


def _verb_ok(toks: tuple[Token, ...], i: int, lex: Lexicon) -> bool:
    lemma = lex.speech_verbs[toks[i].value.lower()]
    nxt = toks[i + 1].value.lower() if i + 1 < len(toks) else ""
    after = " ".join(t.value.lower() for t in toks[i + 1 : i + 4])
    if lemma == "call":
        return nxt in ("for", "on")
    if lemma in ("express", "voice", "raise"):
        return any(after.startswith(o) for o in lex.express_objects)
    if lemma in ("plan", "fear", "hope", "back", "question", "rule", "find", "vote"):
        return nxt not in (".", ",", ")")
    return True


def _filler(word: str, lex: Lexicon) -> bool:
    return word in _GAP_WORDS or word.endswith("ly") or word in lex.role_words


def _gap_ok(gap: list[Token], lex: Lexicon) -> bool:
    """Whether only auxiliaries, adverbs, role words or an appositive stand between
    a subject and its verb ("Kessel, who presented the budget, has defended")."""
    words = [t.value.lower() for t in gap]
    while words and words[-1] != "," and _filler(words[-1], lex):
        words.pop()
    if not words:
        return True
    if words[0] == words[-1] and words[0] in (",", "-", "–", "—") and len(words) <= 20:
        return True  # appositive or relative clause between commas or dashes
    return all(_filler(w, lex) for w in words)


class _Speakers:
    """Recency of speakers and mentions, for pronouns."""

    def __init__(self, entities: dict[str, Entity]) -> None:
        self.entities = entities
        self.subjects: list[str] = []
        self.mentioned: list[str] = []
        self.sentences: list[tuple[list[str], list[str]]] = []  # (speakers, mentions)
        self._speakers: list[str] = []

    def note_subject(self, name: str) -> None:
        self.subjects.append(name)
        self._speakers.append(name)

    def note_mentions(self, mentions: list[Mention]) -> None:
        names = [m.entity for m in mentions if m.entity and m.hint != "pronoun"]
        self.mentioned.extend(names)
        self.sentences.append((self._speakers, names))
        self._speakers = []

    def pronoun(self, word: str, lex: Lexicon) -> str | None:
        """The antecedent: in the nearest earlier sentence with a fitting actor, its
        speaker, else the first fitting actor it names (the subject, usually)."""
        if word in lex.person_pronouns:
            kinds: tuple[str, ...] = ("person",)
        elif word in lex.plural_pronouns:
            kinds = ("organization", "group", "country")
        else:
            kinds = ("organization", "country")

        def fits(name: str) -> bool:
            return self.entities[name].kind in kinds

        for name in reversed(self._speakers):  # "X said ... and she added"
            if fits(name):
                return name
        for speakers, names in reversed(self.sentences[-3:]):
            for name in (*reversed(speakers), *names):
                if fits(name):
                    return name
        for name in reversed(self.mentioned):
            if fits(name):
                return name
        return None


def _role_owner(entities: dict[str, Entity], gap: list[Token], lex: Lexicon) -> str | None:
    """ "Armenia’s prime minister has raised ..." -> the person with that role."""
    gap_text = " ".join(t.value.lower() for t in gap)
    nouns = {n for n in lex.role_nouns if f" {n} " in f" {gap_text} "}
    for entity in entities.values():
        role = (entity.role or "").lower()
        if entity.kind == "person" and any(n in role for n in nouns):
            return entity.name
    return None


_SUBORDINATE = {"while", "whilst", "although", "though", "whereas", "as", "because", "since", "if"}


def _subordinate_stop(
    sent: Sentence, mentions: list[Mention], subject: Mention, verb: Token, stop: int
) -> int:
    """ "While X argued ..., Y did ..." : X's stance ends where the main clause starts."""
    toks = sent.tokens
    idx = [k for k, t in enumerate(toks) if t.end <= subject.start]
    lead = [toks[k].value.lower() for k in idx[-3:]]
    if not _SUBORDINATE & set(lead):
        return stop
    starts = {m.start for m in mentions}
    for k, t in enumerate(toks):
        if t.start > verb.end and t.end <= stop and t.value == "," and k + 1 < len(toks):
            nxt = toks[k + 1]
            after = toks[k + 2] if nxt.value.lower() == "the" and k + 2 < len(toks) else nxt
            if after.start in starts:
                return t.start
    return stop


_DANGLING = {"the", "a", "an", "while", "whereas", "but", "and", "as", "although", "though"}


def _clean(text: str) -> str:
    """A stance sentence: no dangling connectives, balanced quotes, capitalised, full stop."""
    text = text.strip().strip(" ,;:-–—")
    words = text.split()
    while words and words[-1].lower().strip(",") in _DANGLING:
        words.pop()
    text = " ".join(words).rstrip(" ,;:-–—")
    for lead in _LEAD_DROP:
        if text.lower().startswith(lead):
            text = text[len(lead) :]
    if len(text) > 2 and text[0] in "“\"'‘" and text[-1] in "”\"'’":
        inner = text[1:-1].rstrip(" ,")
        if not any(q in inner for q in '“”"'):
            text = inner  # a whole quotation: "“We will strike,” ..." -> We will strike.
    if text and text[0] in '“"' and text.count(text[0]) + text.count("”") == 1:
        text = text[1:]
    if text.count("“") > text.count("”"):
        text += "”"
    text = text.strip()
    if not text:
        return text
    if not text.endswith((".", "?", "!", ".”", '."', "?”", "!”")):
        text += "."
    return text[0].upper() + text[1:]


_OPEN_Q = "\"“‘'"
_CLOSE_TAIL = re.compile(r"""[,.!?…]?\s*["”’']\s*,?\s*$""")
_TOLD_OBJECT_END = re.compile(r"\b(that|:)\s*|[\"“]")


@dataclass
class _Found:
    subject: Mention | None
    actor: str
    verb: int  # token index
    clause_start: int  # where this statement's clause begins (offset)
    inverted: bool = False  # "..., said Ms Ruiz": the claim stands before the verb


def _fronted_report(sent: Sentence, subject_start: int) -> str | None:
    """ "Anyone moving to the UK will need a test, Charles Clarke has said": the report
    before the speaker, when the sentence ends with the verb."""
    head = sent.text[: subject_start - sent.start].rstrip()
    if head.endswith(",") and len(head.split()) >= 4:
        return head
    return None


def _leading_quote(sent: Sentence, subject_start: int) -> str | None:
    """ "“We will strike,” Okafor said": the quotation before the speaker."""
    head = sent.text[: subject_start - sent.start].rstrip()
    if _CLOSE_TAIL.search(head) and (head[:1] in _OPEN_Q or not any(q in head for q in _OPEN_Q)):
        return head  # also the end of a quotation that opened a sentence earlier
    return None


_RELATIVE = {"which", "who", "whose", "whom", "where"}
_NOMINATIVE = {"he", "she", "they", "it", "we"}
MAX_SUBJECT_LOOKBACK = 3


def _skip_relative_clause(toks: tuple[Token, ...], before: list[Mention], verb: Token) -> Mention:
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


def _affiliated_person(
    toks: tuple[Token, ...], before: list[Mention], cand: Mention, entities: dict[str, Entity]
) -> Mention:
    """ "Maeve Sherlock of the Refugee Council said": the person speaks, not the body."""
    if cand.entity is None or entities.get(cand.entity) is None:
        return cand
    if entities[cand.entity].kind not in ("organization", "group"):
        return cand
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


def _inside_report(toks: tuple[Token, ...], subject: Mention, lex: Lexicon) -> bool:
    """Whether a pronoun subject opens the clause of a reporting verb just before it."""
    k = next((n for n, t in enumerate(toks) if t.start == subject.start), None)
    if k is None:
        return False
    back = [t.value.lower() for t in toks[max(0, k - 2) : k]]
    if back and back[-1] == "that":
        back = back[:-1]
    return bool(back) and back[-1] in lex.speech_verbs


def _find(
    sent: Sentence,
    mentions: list[Mention],
    entities: dict[str, Entity],
    speakers: _Speakers,
    lex: Lexicon,
) -> list[_Found]:
    toks = sent.tokens
    found: list[_Found] = []
    for i, tok in enumerate(toks):
        if tok.value.lower() not in lex.speech_verbs or not _verb_ok(toks, i, lex):
            continue
        before = [m for m in mentions if m.end <= tok.start]
        subject: Mention | None = None
        actor: str | None = None
        if before:
            first = _skip_relative_clause(toks, before, tok)
            # the nearest mention, or one further back across an appositive that itself
            # names someone ("Lord Carlile, the government's reviewer of ..., said")
            pool = [m for m in before if m.end <= first.end][-MAX_SUBJECT_LOOKBACK:]
            for cand in reversed(pool):
                gap = [t for t in toks if cand.end <= t.start and t.end <= tok.start]
                gap = [t for t in gap if t.value not in ("(", ")")]
                if _gap_ok(gap, lex):
                    subject = _affiliated_person(toks, before, cand, entities)
                    if gap and gap[0].value in ("’s", "'s"):
                        actor = _role_owner(entities, gap, lex)
                    break
                if cand is not first and cand.hint == "pronoun":
                    break
        prev = toks[i - 1].value if i else ""
        inverted = False
        if (
            subject is None
            and prev in (",", "”", '"', "’")
            and lex.speech_verbs[tok.value.lower()] == "say"
        ):  # inverted: "“...,” said Ms Ruiz."
            after = [m for m in mentions if m.start >= tok.end]
            if after and after[0].start - tok.end <= 1:
                subject, inverted = after[0], True
                # "said Fiat chief executive Sergio Marchionne": the person, not the firm
                nearby = [
                    m
                    for m in after[1:3]
                    if m.start - after[0].end <= 40
                    and m.entity in entities
                    and entities[m.entity].kind == "person"
                ]
                if nearby and (
                    after[0].entity not in entities or entities[after[0].entity].kind != "person"
                ):
                    subject = nearby[0]
        if subject is None and prev.lower() in ("and", "but") and found:
            # "She argued that ... and said ...": same speaker, new clause
            found.append(_Found(None, found[-1].actor, i, toks[i - 1].start))
            continue
        if subject is None:
            continue
        if subject.hint == "pronoun" and (
            subject.name not in _NOMINATIVE
            or _inside_report(toks, subject, lex)
            or any(
                lex.speech_verbs[toks[f.verb].value.lower()] in _SAY_LIKE
                and toks[f.verb].end <= subject.start
                for f in found
            )
        ):
            continue  # "his plans", "said, by 2008, he wanted ...": not a new speaker
        if actor is None:
            actor = subject.entity
            if subject.hint == "pronoun":
                actor = speakers.pronoun(subject.name, lex)
        if actor is None or actor not in entities:
            continue
        start = min(subject.start, tok.start)
        if inverted:  # the claim runs from the end of the previous statement to the verb
            start = found[-1].clause_start if found else sent.start
        found.append(_Found(subject, actor, i, start, inverted))
    return found


def attribute(
    sentences: list[Sentence],
    mentions: list[list[Mention]],
    entities: dict[str, Entity],
    lex: Lexicon,
) -> list[Attribution]:
    """Every attributed statement of the article, in document order."""
    speakers = _Speakers(entities)
    out: list[Attribution] = []
    for sent, sent_mentions in zip(sentences, mentions, strict=False):
        toks = sent.tokens
        found = _find(sent, sent_mentions, entities, speakers, lex)
        for n, f in enumerate(found):
            verb = toks[f.verb]
            stop = sent.end
            if n + 1 < len(found) and found[n + 1].clause_start > verb.end:
                stop = found[n + 1].clause_start
            if f.subject is not None:
                stop = _subordinate_stop(sent, sent_mentions, f.subject, verb, stop)
            lemma = lex.speech_verbs[verb.value.lower()]
            rest = sent.text[verb.end - sent.start : stop - sent.start]
            start = f.clause_start
            quote = _leading_quote(sent, f.subject.start) if f.subject is not None else None
            if (
                quote is None
                and f.subject is not None
                and len(rest.strip(_TRAIL + ". ").split()) < 3
            ):
                quote = _fronted_report(sent, f.subject.start)
            if f.inverted:
                head = sent.text[f.clause_start - sent.start : verb.start - sent.start]
                stance = _clean(head)
                stop = f.subject.end if f.subject is not None else verb.end
            elif quote is not None and lemma in _SAY_LIKE:
                stance, start = _clean(quote), sent.start
            elif lemma in _SAY_LIKE and rest.strip(" :,").split()[:1] != ["to"]:
                if lemma == "say" and verb.value.lower() in ("told", "tells"):
                    cut = _TOLD_OBJECT_END.search(rest)
                    if cut is None:
                        continue  # "told reporters" with nothing reported
                    rest = rest[cut.start() if cut.group(0)[:1] in _OPEN_Q else cut.end() :]
                stance = _clean(rest.strip().lstrip(":").strip())
            else:
                stance = _clean(verb.value + rest)
            end = max(stop, verb.end)
            while end > start and sent.text[end - sent.start - 1] in " ,;:-–—":
                end -= 1
            if len(stance.split()) < 3:
                continue
            speakers.note_subject(f.actor)
            out.append(Attribution(f.actor, stance, start, end, verb.value, sent.index))
        speakers.note_mentions(sent_mentions)
    return out
