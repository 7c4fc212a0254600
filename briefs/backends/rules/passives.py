"""Reports in the passive: "His claims were denied by Foreign Secretary Jack Straw",
"claims denied by Labour". The parse gives the agent ("by ...", the speaker) and what
the verb acts on (the passive subject, or the noun the participle describes); the
stance keeps the verb, so a denial stays a denial ("Denied his claims.").
"""

from __future__ import annotations

from collections.abc import Callable

from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.names import Mention
from briefs.backends.rules.passive_agents import agent_speakers

__all__ = ["according_to", "passive_reports", "passive_told"]

_MAX_PATIENT_WORDS = 12


def _subtree(sent: Sentence, root: Token, stop: Token | None = None) -> list[Token]:
    inside = {root.index}
    changed = True
    while changed:
        changed = False
        for t in sent.tokens:
            if t.index in inside or t.head not in inside or t.head == t.index:
                continue
            if stop is not None and t.index == stop.index:
                continue
            inside.add(t.index)
            changed = True
    return [t for t in sent.tokens if t.index in inside]


def passive_reports(
    sent: Sentence, mentions: list[Mention], is_report: Callable[[Token], bool]
) -> list[tuple[Mention, str, Token]]:
    """(speaker mention, stance, verb) for every passive report with a named agent.

    ``is_report`` says which verbs report a stance (the word book's speech verbs).

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("His claims were denied by Foreign Secretary Jack Straw.").sentences[0]
    >>> [(m.text, stance) for m, stance, _ in passive_reports(
    ...     s, find_mentions(s, lexicon()), lambda t: t.lower == "denied")]
    [('Jack Straw', 'Denied his claims.')]
    >>> s = build("It gives people a power, which could be challenged by doctors.").sentences[0]
    >>> passive_reports(s, find_mentions(s, lexicon()), lambda t: t.lower == "challenged")
    []
    """
    out: list[tuple[Mention, str, Token]] = []
    by_index = {t.index: t for t in sent.tokens}
    for verb in sent.tokens:
        if verb.tag != "VBN" or not is_report(verb):
            continue
        agent = [t for t in sent.tokens if t.head == verb.index and t.dep == "agent"]
        if not agent:
            continue
        objs = [t for t in sent.tokens if t.head == agent[0].index and t.dep == "pobj"]
        if not objs:
            continue
        speaker = agent_speakers(sent, mentions, objs[0])
        if not speaker:
            continue
        kids = [t for t in sent.tokens if t.head == verb.index]
        if any(t.tag == "MD" for t in kids):
            continue  # "could be challenged by doctors": a possibility, no one's act
        subj = [t for t in kids if t.dep == "nsubjpass"]
        if subj and subj[0].tag in ("WDT", "WP"):
            continue  # "…, which could be challenged by": the relative word is no stance
        if subj:
            patient = _subtree(sent, subj[0])
        elif verb.dep == "acl" and verb.head in by_index:
            patient = _subtree(sent, by_index[verb.head], stop=verb)
        else:
            continue
        if not patient or len(patient) > _MAX_PATIENT_WORDS:
            continue
        text = sent.text[patient[0].start - sent.start : patient[-1].end - sent.start]
        if text[:1].isupper() and patient[0].pos in ("DET", "PRON"):
            text = text[:1].lower() + text[1:]
        out.append((speaker[0], f"{verb.value[:1].upper()}{verb.value[1:]} {text}.", verb))
    return out


def passive_told(
    sent: Sentence, mentions: list[Mention], is_say: Callable[[Token], bool]
) -> list[tuple[Mention, str, Token]]:
    """(speaker mention, stance, verb) for a passive saying verb with a named agent and
    a reported clause: "He has been told by the Palace that the household would help"
    is the Palace's "The household would help."; "He was warned by doctors that …".

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("Ms Lee was told by the Home Office that her visa would be renewed.")
    >>> s = s.sentences[0]
    >>> [(m.text, stance) for m, stance, _ in passive_told(
    ...     s, find_mentions(s, lexicon()), lambda t: t.lower == "told")]
    [('Home Office', 'Her visa would be renewed.')]
    """
    out: list[tuple[Mention, str, Token]] = []
    for verb in sent.tokens:
        if verb.tag != "VBN" or not is_say(verb):
            continue
        kids = [t for t in sent.tokens if t.head == verb.index]
        if not any(t.dep == "auxpass" for t in kids):
            continue
        agent = [t for t in kids if t.dep == "agent"]
        clause = [t for t in kids if t.dep == "ccomp" and agent and t.start > agent[0].end]
        if not agent or not clause:
            continue
        speaker = [m for m in mentions if agent[0].end <= m.start < clause[0].start]
        body = [t for t in _subtree(sent, clause[0]) if t.start > agent[0].end]
        while body and (body[0].dep == "mark" or body[0].value in ",:"):
            body = body[1:]
        if not speaker or len(body) < 3:
            continue
        text = sent.text[body[0].start - sent.start : body[-1].end - sent.start]
        text = text.rstrip(" .,;")
        out.append((speaker[0], f"{text[:1].upper()}{text[1:]}.", verb))
    return out


def according_to(sent: Sentence, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """(source, stance) of a sentence that names its source with "according to"
    ("According to the IOM, more than 10,000 migrants have arrived"; "Chelsea have made
    an offer, according to club president Naoki Ogane"): the rest of the sentence is
    the source's report.

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("According to the World Bank, growth will slow to 2%.").sentences[0]
    >>> m, stance = according_to(s, find_mentions(s, lexicon()))
    >>> m.text, stance
    ('World Bank', 'Growth will slow to 2%.')
    >>> s = build("Growth will slow this year, according to the World Bank, which cut it.")
    >>> m, stance = according_to(s.sentences[0], find_mentions(s.sentences[0], lexicon()))
    >>> m.text, stance
    ('World Bank', 'Growth will slow this year.')
    >>> s = build("One man fired a gun, according to a complaint filed in US federal court.")
    >>> according_to(s.sentences[0], find_mentions(s.sentences[0], lexicon())) is None
    True
    >>> s = build("Labour's campaign cost £1.7m and the Greens' £404,000, according to "
    ...           "figures revealed by the Electoral Commission.")
    >>> according_to(s.sentences[0], find_mentions(s.sentences[0], lexicon()))[0].text
    'Electoral Commission'
    """
    toks = sent.tokens
    at = next(
        (
            k
            for k, t in enumerate(toks[:-1])
            if t.lower == "according" and toks[k + 1].lower == "to"
        ),
        None,
    )
    if at is None:
        return None
    after = toks[at + 1].end
    source = [m for m in mentions if m.start >= after and m.hint != "pronoun"]
    if not source or source[0].start - after > _MAX_SOURCE_GAP:
        return None
    gap = [k for k, t in enumerate(toks) if after <= t.start and t.end <= source[0].start]
    placed = source[0].hint == "country" or source[0].label in ("GPE", "LOC", "FAC")
    if placed and any(toks[k].pos == "VERB" and toks[k + 1].lower != "by" for k in gap):
        return None  # "a complaint filed in US court": a place, no source
    text, base = sent.text, sent.start
    if toks[at].value == "According":  # "According to X, ...": the report follows X
        comma = text.find(",", source[0].end - base)
        stance = text[comma + 1 :] if comma >= 0 else ""
    else:  # "..., according to X": the report stands before
        stance = text[: toks[at].start - base]
    stance = stance.strip().strip(",;:-–— ").rstrip(".").strip()
    if len(stance.split()) < _MIN_STANCE_WORDS:
        return None
    return source[0], stance[:1].upper() + stance[1:] + "."


_MAX_SOURCE_GAP = 40  # characters of title and role between "to" and the name
_MIN_STANCE_WORDS = 4
