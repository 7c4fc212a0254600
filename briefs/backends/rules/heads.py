"""The speaker the parse names: the subject of a reporting verb, when the nearest
name before the verb only describes it ("Marc Gonsalves, an executive at Xstrata,
said"; "Maeve Sherlock, chief executive of the Refugee Council, said").

The nearest mention before a verb is usually its subject; an appositive or a
prepositional phrase that hangs on the subject puts another name closer to the verb.
The parse says which noun is the verb's subject (``nsubj``); when the nearest name
lies inside that subject's phrase and the subject itself is a resolved name, the
subject speaks.
"""

from __future__ import annotations

from collections.abc import Callable, Set

from briefs.backends.rules.actors import Entity
from briefs.backends.rules.clauses import inverted_person
from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.mentions import Mention
from briefs.backends.rules.wordbook import words

__all__ = [
    "conj_subject",
    "he_subject",
    "inverted_speaker",
    "names_in",
    "parse_subject",
    "unnamed_speaker",
]


def _inside(token: Token, mention: Mention) -> bool:
    return mention.start <= token.start and token.end <= mention.end


def parse_subject(
    toks: tuple[Token, ...],
    verb: Token,
    cand: Mention,
    mentions: list[Mention],
    kinds: dict[str, str],
) -> Mention:
    """The mention that is ``verb``'s subject in the parse when ``cand`` (the nearest
    name before the verb) stands inside the subject's phrase; else ``cand``. ``kinds``:
    the kind of each resolved actor; only a person or a body speaks this way (a title
    such as "Brown's Britain, by Robert Peston, says" is not Britain speaking).

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> s = build("Marc Gonsalves, an executive at Xstrata, said: “We will look.”").sentences[0]
    >>> ms = find_mentions(s, lexicon())
    >>> for m in ms:
    ...     m.entity = m.name
    >>> said = next(t for t in s.tokens if t.value == "said")
    >>> xstrata = next(m for m in ms if m.name == "Xstrata")
    >>> parse_subject(s.tokens, said, xstrata, ms, {m.name: "person" for m in ms}).name
    'Marc Gonsalves'
    >>> s = build("A friend of Ann Lee said it was over.").sentences[0]
    >>> ms = find_mentions(s, lexicon())
    >>> parse_subject(s.tokens, s.tokens[5], ms[0], ms, {"Ann Lee": "person"}).name
    'Ann Lee'
    """
    if cand.hint == "pronoun":
        return cand
    subj = next((t for t in toks if t.head == verb.index and t.dep == "nsubj"), None)
    if subj is None or _inside(subj, cand) or subj.end > cand.start:
        return cand
    by = {t.index: t for t in toks}
    for t in toks:
        if not _inside(t, cand):
            continue
        cur, seen = t, set()
        while cur.head != cur.index and cur.index not in seen and cur.index != subj.index:
            seen.add(cur.index)
            if cur.dep == "conj":
                return cand  # "Tony Blair and Ruth Kelly said": both speak
            cur = by.get(cur.head, cur)
        if cur.index != subj.index:
            return cand  # the name is not part of the subject's phrase
        break
    own = next((m for m in mentions if _inside(subj, m) and m.hint != "pronoun"), None)
    if own is None or kinds.get(str(own.entity)) not in _SPEAKING:
        return cand
    gap = [t for t in toks if own.end <= t.start and t.end <= cand.start]
    if not gap or gap[0].lower not in _LINKS or len(gap) > _MAX_GAP:
        return cand  # not an appositive or an affiliation: a misparse, likely
    if gap[-1].value == "(" and kinds.get(str(own.entity)) != "person":
        return cand  # "The UN Office for … Affairs (OCHA) warned": the subject's own alias
    return own


_SPEAKING = ("person", "organization", "group")
_LINKS = {",", "of", "at", "from", "for", "with", "-", "–", "—", "("}
_MAX_GAP = 12


_INDEFINITE = ("a", "an", "another", "one")


def unnamed_speaker(
    sent: Sentence, is_report: Callable[[Token], bool], roles: Set[str]
) -> Token | None:
    """Whether someone the article does not name reports in ``sent`` ("A police
    spokesman told the AFP news agency that …"; "Another witness said …"): the reporting
    verb whose subject is a person's role (``roles``) with an indefinite article, or
    None. A "he" in the next sentence is that person, not the last named speaker.

    >>> from briefs.backends.rules.document import build
    >>> s = build("A police spokesman told AFP that the case was open.").sentences[0]
    >>> unnamed_speaker(s, lambda t: t.lower == "told", {"spokesman"}).value
    'told'
    >>> s = build("The spokesman for Ann Lee told AFP that it was open.").sentences[0]
    >>> unnamed_speaker(s, lambda t: t.lower == "told", {"spokesman"}) is None
    True
    """
    toks = sent.tokens
    for verb in toks:
        if verb.pos != "VERB" or not is_report(verb):
            continue
        for subj in toks:
            if subj.head != verb.index or subj.dep != "nsubj" or subj.lower not in roles:
                continue
            dets = [t.lower for t in toks if t.head == subj.index and t.dep == "det"]
            if any(d in _INDEFINITE for d in dets):
                return verb
    return None


def names_in(mentions: list[Mention]) -> Callable[[Token], bool]:
    """Whether a token stands inside one of ``mentions`` that is not a pronoun."""
    spans = [(m.start, m.end) for m in mentions if m.hint != "pronoun"]
    return lambda t: any(a <= t.start and t.end <= b for a, b in spans)


_PERSONAL = {"he", "she"}
# words that open a clause hung on the main one ("…, where she ordered", "as he left")
_OPENERS = words("clause_openers")


def main_clause_person(
    toks: tuple[Token, ...], mentions: list[Mention], pronoun: Mention, kinds: dict[str, str]
) -> str | None:
    """The person a "he"/"she" refers to when it is the subject of an adverbial clause
    ("where", "when", "as", "after" …) hung on a main clause whose subject is a named
    person before it: "Hillary Clinton was seen in a Chipotle, where she ordered a
    chicken dish" is Clinton, not the last speaker of the sentences before. None
    otherwise (a pronoun that is the main clause's subject, or inside a report).

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("Ann Lee was seen in a cafe in Ohio, where she ordered a salad.").sentences[0]
    >>> ms = find_mentions(s, lexicon())
    >>> for m in ms:
    ...     m.entity = m.text
    >>> she = next(m for m in ms if m.text == "she")
    >>> main_clause_person(s.tokens, ms, she, {"Ann Lee": "person"})
    'Ann Lee'
    >>> s = build("Ann Lee dismissed reports she told Bo Kerr she would quit.").sentences[0]
    >>> ms = find_mentions(s, lexicon())
    >>> for m in ms:
    ...     m.entity = m.text
    >>> she = next(m for m in ms if m.text == "she")
    >>> main_clause_person(s.tokens, ms, she, {"Ann Lee": "person"}) is None
    True
    """
    if pronoun.text.lower() not in _PERSONAL:
        return None
    by = {t.index: t for t in toks}
    own = next((t for t in toks if t.start == pronoun.start), None)
    verb = by.get(own.head) if own is not None and own.dep.startswith("nsubj") else None
    if verb is None or verb.dep not in ("relcl", "advcl"):
        return None
    if not any(t.head == verb.index and t.lower in _OPENERS for t in toks):
        return None  # "reports she told …": a report, not a clause of the main one's
    root = next((t for t in toks if t.dep == "ROOT"), None)
    if root is None or root.start > pronoun.start:
        return None
    for m in mentions:
        if m.end > pronoun.start or m.hint == "pronoun" or kinds.get(str(m.entity)) != "person":
            continue
        inside = [t for t in toks if m.start <= t.start and t.end <= m.end]
        if any(t.head == root.index and t.dep.startswith("nsubj") for t in inside):
            return str(m.entity)
    return None


def conj_subject(toks: tuple[Token, ...], verb: Token, mentions: list[Mention]) -> Mention | None:
    """The named subject of the verb ``verb`` is joined to by "and" when ``verb`` has
    none of its own: "Professor Paul Mullen examined Costa after the attack and
    believes there was evidence …" is Mullen's belief, not Costa's (the name nearest
    the reporting verb is the first verb's object).

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("Dr Paul Mullen examined Luigi Costa and believes he was ill.").sentences[0]
    >>> verb = next(t for t in s.tokens if t.value == "believes")
    >>> conj_subject(s.tokens, verb, find_mentions(s, lexicon())).name
    'Paul Mullen'
    """
    kids = [t.dep for t in toks if t.head == verb.index]
    if verb.dep != "conj" or any(d.startswith("nsubj") for d in kids):
        return None
    if not {"ccomp", "xcomp"} & set(kids):
        return None  # "… goes up to them and supports them": a deed, not a report
    head = next((t for t in toks if t.index == verb.head), None)
    if head is None or head.pos != "VERB" or head.dep != "ROOT" or head.end > verb.start:
        return None  # only the main clause: "said the union had paid … and called": no
    subj = next((t for t in toks if t.head == head.index and t.dep == "nsubj"), None)
    if subj is None:
        return None
    return next((m for m in mentions if _inside(subj, m) and m.hint != "pronoun"), None)


_PERSON_PRONOUNS = words("person_pronouns")


def he_subject(tokens: tuple[Token, ...]) -> bool:
    """The sentence's main subject is "he" or "she"."""
    return any(
        t.value.lower() in _PERSON_PRONOUNS and t.dep == "nsubj" and _under_root(tokens, t)
        for t in tokens
    )


def _under_root(tokens: tuple[Token, ...], tok: Token) -> bool:
    by = {t.index: t for t in tokens}
    head = by.get(tok.head)
    return head is not None and (head.dep == "ROOT" or head.head == head.index)


def inverted_speaker(
    toks: tuple[Token, ...], verb: Token, mentions: list[Mention], entities: dict[str, Entity]
) -> Mention | None:
    """The speaker named right after an inverted "said" ("“…,” said Ms Ruiz"): the
    person rather than the firm ("said Fiat chief executive Sergio Marchionne"), or a
    person behind a title ("said the chairman of the committee, Ann Lee").

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> s = build('"Sales are up," said Fiat chief executive Sergio Marchionne.').sentences[0]
    >>> ms = find_mentions(s, lexicon())
    >>> for m in ms:
    ...     m.entity = m.name
    >>> ents = {m.name: Entity(m.name, m.hint) for m in ms}
    >>> verb = next(t for t in s.tokens if t.value == "said")
    >>> inverted_speaker(s.tokens, verb, ms, ents).name
    'Sergio Marchionne'
    """
    subject: Mention | None = None
    after = [m for m in mentions if m.start >= verb.end]
    if after and after[0].start - verb.end <= 1:
        subject = after[0]
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
    titled = inverted_person(toks, verb, after, entities)
    if titled is not None and (subject is None or subject.entity not in entities):
        return titled
    return subject
