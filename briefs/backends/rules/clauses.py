"""The parse around a reporting verb: whose clause it is, where its subject begins,
and whether it is reported inside another statement or elaborates a passive report.
Helpers for ``attribution.py``.
"""

from __future__ import annotations

from briefs.backends.rules.actors import Entity
from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.lexicon import Lexicon, lexicon
from briefs.backends.rules.mentions import Mention

__all__ = [
    "as_report",
    "claimed_by_other",
    "conjoined_speaker",
    "elaborates_passive",
    "inside_report_clause",
    "inverted_person",
    "own_subject",
    "relative_stop",
    "span_head",
    "subject_start",
]


def inside_report_clause(toks: tuple[Token, ...], verb: Token, outer: Token) -> bool:
    """Whether ``verb`` stands in the clause reported by ``outer``: its head chain
    reaches ``outer`` through a clausal complement. Such a speaker is reported, not
    speaking, so a "he" in the next sentence is still the outer speaker.

    >>> from briefs.backends.rules.document import build
    >>> s = build("He also said police found Costa suggested a confused state.").sentences[0]
    >>> said, suggested = (next(t for t in s.tokens if t.value == w) for w in ("said", "suggested"))
    >>> inside = inside_report_clause
    >>> inside(s.tokens, suggested, said), inside(s.tokens, said, suggested)
    (True, False)
    """
    by_index = {t.index: t for t in toks}
    cur, seen = verb, set()
    while cur.head != cur.index and cur.index not in seen:
        seen.add(cur.index)
        parent = by_index.get(cur.head)
        if parent is None:
            return False
        if parent.index == outer.index:
            return cur.dep in ("ccomp", "xcomp")
        cur = parent
    return False


def own_subject(toks: tuple[Token, ...], verb: Token) -> bool:
    """Whether ``verb`` has a subject of its own in the parse: "The Lib Dems say they
    will look at it, but Liam Fox said ..." is Fox's statement, not a second one of the
    Lib Dems (while "Merrill Lynch denied the claims and said ..." is Merrill Lynch's).

    >>> from briefs.backends.rules.document import build
    >>> s = build("The Lib Dems say they will look, but Liam Fox said it failed.").sentences[0]
    >>> own_subject(s.tokens, next(t for t in s.tokens if t.value == "said"))
    True
    >>> s = build("The bank denied the claims and said it would appeal.").sentences[0]
    >>> own_subject(s.tokens, next(t for t in s.tokens if t.value == "said"))
    False
    """
    return any(t.head == verb.index and t.dep in ("nsubj", "nsubjpass") for t in toks)


def elaborates_passive(
    toks: tuple[Token, ...], cand: Mention, gap: list[Token], lex: Lexicon
) -> bool:
    """Whether a relative clause hangs on the agent of a passive report ("That charge
    was denied by Mr Mandelson, who said ..."): it tells how the report was made, and
    the denial, not the words that came with it, is the stance.

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("The charge was denied by Peter Mandelson, who said it was false.").sentences[0]
    >>> m = [m for m in find_mentions(s, lexicon()) if m.text == "Peter Mandelson"][0]
    >>> gap = [t for t in s.tokens if t.value in (",", "who")]
    >>> elaborates_passive(s.tokens, m, gap, lexicon())
    True
    """
    if not any(t.value.lower() in ("who", "which") for t in gap):
        return False
    by_index = {t.index: t for t in toks}
    for t in toks:
        if cand.start <= t.start < cand.end and t.dep == "pobj" and t.head in by_index:
            agent = by_index[t.head]
            verb = by_index.get(agent.head)
            if agent.dep == "agent" and verb is not None and verb.lower in lex.speech_verbs:
                return True
    return False


def subject_start(toks: tuple[Token, ...], verb: Token) -> int:
    """Where the subject of ``verb`` begins in the parse, modifiers included ("Tory Liam
    Fox said"), or the verb's own start."""
    subj = [t for t in toks if t.head == verb.index and t.dep == "nsubj"]
    if not subj:
        return verb.start
    inside = {subj[0].index}
    for t in reversed([t for t in toks if t.index <= subj[0].index]):
        if t.head in inside and t.dep in ("compound", "det", "amod", "poss"):
            inside.add(t.index)
    return min(t.start for t in toks if t.index in inside)


def as_report(sent: Sentence, verb: Token) -> str | None:
    """What a report in an "as" clause vouches for: the main clause, after it or before
    it ("as Tony Blair has suggested, GCSEs will stay"; "Prices will rise, as the Bank
    has warned"), or None when ``verb`` opens no such clause.

    >>> from briefs.backends.rules.document import build
    >>> s = build("If, as Ruth Kelly has suggested, GCSEs and A-levels stay, it fails.")
    >>> s = s.sentences[0]
    >>> as_report(s, next(t for t in s.tokens if t.value == "suggested"))
    'GCSEs and A-levels stay, it fails.'
    >>> s = build("Prices will rise this year, as the Bank of England has warned.").sentences[0]
    >>> as_report(s, next(t for t in s.tokens if t.value == "warned"))
    'Prices will rise this year'
    """
    marks = [t for t in sent.tokens if t.head == verb.index and t.dep == "mark"]
    if not any(t.lower == "as" for t in marks) or verb.dep != "advcl":
        return None
    as_tok = next(t for t in marks if t.lower == "as")
    after = [t for t in sent.tokens if t.start >= verb.end]
    if after and after[0].value == ",":
        text = sent.text[after[0].end - sent.start :].strip()
    else:
        text = sent.text[: as_tok.start - sent.start].rstrip(" ,")
        text = text.split(", ")[-1] if text.lower().startswith(("if", "when")) else text
    return text if len(text.split()) >= 3 else None


def conjoined_speaker(
    toks: tuple[Token, ...], mentions: list[Mention], subject: Mention, entities: dict[str, Entity]
) -> Mention | None:
    """The other speaker of a report whose subject is two names joined by "and" ("Tony
    Blair and Ruth Kelly have suggested"; "Mr Keys and Mr Bacon said"): the subject the
    parse joins the name to, or the name right before the "and".

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("Tony Blair and Ruth Kelly have suggested that exams stay.").sentences[0]
    >>> ms = find_mentions(s, lexicon())
    >>> kelly = next(m for m in ms if m.text == "Ruth Kelly")
    >>> ents = {m.text: Entity(m.text, "person") for m in ms}
    >>> for m in ms:
    ...     m.entity = m.text
    >>> conjoined_speaker(s.tokens, ms, kelly, ents).text
    'Tony Blair'
    >>> s = build("Mr Keys and Mr Bacon said in a statement that it was proof.").sentences[0]
    >>> ms = find_mentions(s, lexicon())
    >>> ents = {m.text: Entity(m.text, "person") for m in ms}
    >>> for m in ms:
    ...     m.entity = m.text
    >>> conjoined_speaker(s.tokens, ms, ms[1], ents).text
    'Keys'
    >>> s = build("The MP for Sleaford and North Hykeham said it was wrong.").sentences[0]
    >>> ms = find_mentions(s, lexicon())
    >>> ents = {m.text: Entity(m.text, "person") for m in ms}
    >>> for m in ms:
    ...     m.entity = m.text
    >>> conjoined_speaker(s.tokens, ms, ms[-1], ents) is None
    True
    """
    if subject.hint == "pronoun":
        return None
    by_index = {t.index: t for t in toks}
    head = span_head(by_index, subject)
    first = by_index.get(head.head) if head is not None and head.dep == "conj" else None
    if first is not None and first.dep in ("nsubj", "nsubjpass") and first.end <= subject.start:
        # "Mr Keys and Mr Bacon said": the parse joins the names, titles and all
        for m in mentions:
            if m.start <= first.start < m.end and m.entity in entities:
                return m if m.entity != subject.entity and m.hint != "pronoun" else None
    if first is not None and _post_of(by_index, first):
        return None  # "the Tory MP for Sleaford and North Hykeham said": one post
    before = [t for t in toks if t.end <= subject.start]
    if not before or before[-1].lower != "and":
        return None
    joint = before[-1].start
    for m in mentions:
        adjacent = m.end <= joint and joint - m.end <= 1 and m.hint != "pronoun"
        if adjacent and m.entity in entities and m.entity != subject.entity:
            return m
    return None


def _post_of(tokens: dict[int, Token], name: Token) -> bool:
    """Whether ``name`` is the object of a preposition on a post ("MP for Sleaford and
    North Hykeham", "Minister for Culture and Sport"): the joined names make one post;
    "surveys from the Halifax and Nationwide" are two sources."""
    prep = tokens.get(name.head) if name.dep == "pobj" else None
    post = tokens.get(prep.head) if prep is not None and prep.dep == "prep" else None
    return post is not None and post.lower in lexicon().role_words


def span_head(tokens: dict[int, Token], mention: Mention) -> Token | None:
    """The token of a mention whose syntactic head lies outside it."""
    inside = [t for t in tokens.values() if mention.start <= t.start and t.end <= mention.end]
    idx = {t.index for t in inside}
    return next((t for t in inside if t.head not in idx or t.head == t.index), None)


def inverted_person(
    toks: tuple[Token, ...], verb: Token, after: list[Mention], entities: dict[str, Entity]
) -> Mention | None:
    """The person named after an inverted "said" behind a title or a post, in a noun
    phrase with no verb of its own: "…,” said Treasury Under Secretary John Taylor";
    "…,” said the chairman of the Commons education committee, Labour's Barry
    Sheerman". A name inside the quotation before the verb never speaks for it.

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> s = build('"It is a tragedy," said the chairman of the committee, Ann Lee.').sentences[0]
    >>> found = find_mentions(s, lexicon())
    >>> verb = next(t for t in s.tokens if t.value == "said")
    >>> for m in found:
    ...     m.entity = m.name
    >>> people = {m.name: Entity(m.name, "person") for m in found if m.hint == "person"}
    >>> inverted_person(s.tokens, verb, [m for m in found if m.start > verb.end], people).name
    'Ann Lee'
    """
    for m in after:
        gap = [t for t in toks if verb.end <= t.start and t.end <= m.start]
        if len(gap) > 15 or any(t.pos in ("VERB", "AUX") or t.value in ".;:!?" for t in gap):
            return None
        if m.entity in entities and entities[m.entity].kind == "person":
            return m
    return None


def relative_stop(
    toks: tuple[Token, ...], verb: Token, subject: Mention | None, clause_start: int
) -> int:
    """Where the statement before a report at ``verb`` ends: at that report's clause,
    or, for a relative report, after the name it hangs on, which belongs to the first
    statement too ("… interviewed by Professor Mullin - who denied it").

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> s = build("He said she met Ann Lee, who denied it.").sentences[0]
    >>> lee = [m for m in find_mentions(s, lexicon()) if m.name == "Ann Lee"][0]
    >>> verb = next(t for t in s.tokens if t.value == "denied")
    >>> s.text[: relative_stop(s.tokens, verb, lee, lee.start) - s.start]
    'He said she met Ann Lee'
    """
    if verb.dep != "relcl" or subject is None:
        return clause_start
    marks = [t.start for t in toks if subject.end <= t.start < verb.start and t.value in ",-–—"]
    return marks[0] if marks else clause_start


def claimed_by_other(
    toks: tuple[Token, ...],
    verb: Token,
    actor: str,
    speakers: list[tuple[int, str]],
    lex: Lexicon,
) -> bool:
    """Whether ``verb`` heads a "that"-clause another speech verb reports, and that
    outer report is not ``actor``'s own (``speakers``: each found report's verb index
    and actor): what someone says a person did ("Mr Reyes has said that Mr Hale
    ordered changes") is the speaker's claim, an accusation or a rumour, not the
    person's stance; "he said he believed …" stays his.

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("Mr Reyes has said that Mr Hale ordered changes to the books.").sentences[0]
    >>> said, ordered = (next(t for t in s.tokens if t.value == w) for w in ("said", "ordered"))
    >>> claimed_by_other(s.tokens, ordered, "Hale", [(said.index, "Reyes")], lexicon())
    True
    >>> claimed_by_other(s.tokens, ordered, "Hale", [(said.index, "Hale")], lexicon())
    False
    """
    if verb.dep == "relcl":
        return False  # "something Mr Kay denies": a relative clause, not a reported one
    if not any(t.head == verb.index and t.dep == "mark" and t.lower == "that" for t in toks):
        return False  # only a "that"-clause ("…, while Goode added: …" is no claim of X's)
    outer = {
        t.index
        for t in toks
        if t.index != verb.index
        and t.lower in lex.speech_verbs
        and inside_report_clause(toks, verb, t)
    }
    if not outer:
        return False
    return actor not in {a for i, a in speakers if i in outer}
