"""What an actor does, told in the article's own voice: "Xstrata has made a hostile
bid for WMC", "Ministers have refused a blanket refund". A brief's positions are what
each actor claims, demands, denies *or does*; an actor the article names as the
subject of a main clause but never quotes still has a side in the story.

For each listed actor with no statement of its own, the first sentence whose main
verb (active, not a copula, outside any quotation) has that actor as subject gives
the deed: the verb phrase with its auxiliaries and negation, to the end of the clause.
"""

from __future__ import annotations

from briefs.backends.rules.continuation import Attribution, open_after
from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.mentions import Mention
from briefs.backends.rules.polarity import verb_phrase_start
from briefs.backends.rules.stances import clean, cut_end
from briefs.backends.rules.subjects import gap_ok

__all__ = ["deeds"]

MIN_WORDS = 3
LEAD = 1  # sentences of the lede
MAX_WORDS = 40
_MAIN = ("ROOT",)
_QUOTES = '"“”‘’'


def _main_verb(toks: tuple[Token, ...], head: Token) -> Token | None:
    """The verb ``head`` is the active subject of, when that verb is the sentence's main
    verb (or joined to it by "and")."""
    if head.dep != "nsubj":
        return None
    by = {t.index: t for t in toks}
    verb = by.get(head.head)
    if verb is None or verb.pos != "VERB":
        return None
    if verb.dep in _MAIN or verb.head == verb.index:
        return verb
    return None


def _clause_end(sent: Sentence, verb: Token) -> int:
    """The end of what ``verb`` governs after it, not crossing a clause it joins by
    "and"/"but" with a subject of its own."""
    toks = sent.tokens
    own = {t.index for t in toks if t.head == verb.index and t.dep == "conj"}
    own_subj = {
        c for c in own if any(t.head == c and t.dep in ("nsubj", "nsubjpass") for t in toks)
    }
    inside = {verb.index}
    for t in sorted(toks, key=lambda t: t.index):
        if t.index > verb.index and t.head in inside and t.index not in own_subj:
            inside.add(t.index)
    if own_subj:
        cut = min(toks[[t.index for t in toks].index(c)].start for c in own_subj)
        ends = [t.end for t in toks if t.index in inside and t.end <= cut]
    else:
        ends = [t.end for t in toks if t.index in inside]
    ends = [e for e in ends if e > verb.start]
    return max(ends) if ends else verb.end


def deed(sent: Sentence, mention: Mention, lex: Lexicon) -> str | None:
    """The stance of what ``mention`` does in ``sent``, if it is the active subject of
    the sentence's main verb outside a quotation, right before it (only auxiliaries,
    adverbs or an appositive between: a misparse such as "The Colombia forward spent"
    has a noun in between), and the verb does not report (a report with nothing
    attributed to it is no deed: "told BBC Radio London").

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.mentions import find_mentions
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("Xstrata has made a hostile bid for WMC, worth A$6.35 a share.").sentences[0]
    >>> deed(s, find_mentions(s, lexicon())[0], lexicon())
    'Has made a hostile bid for WMC, worth A$6.35 a share.'
    >>> s = build("Ministers have not paid a refund, and the MPs left.").sentences[0]
    >>> deed(s, find_mentions(s, lexicon())[0], lexicon())
    'Have not paid a refund.'
    """
    toks = sent.tokens
    inside = [t for t in toks if mention.start <= t.start and t.end <= mention.end]
    ids = {t.index for t in inside}
    head = next((t for t in inside if t.head not in ids), None)
    if head is None:
        return None
    verb = _main_verb(toks, head)
    if verb is None or verb.lower in lex.speech_verbs:
        return None
    gap = [t for t in toks if mention.end <= t.start and t.end <= verb.start]
    if not gap_ok(gap, lex) or any(t.lower in ("and", "or") for t in gap):
        return None  # "SMFG, Japan's third-biggest lender, and Daiwa … would create": both
    if sum(1 for t in toks if t.head == verb.index and t.dep.startswith("nsubj")) > 1:
        return None  # a misparse: "Critics of the policy claim Chavez is trying …"
    before = sent.text[: verb.start - sent.start]
    if any(q in sent.text for q in _QUOTES) or open_after(before):
        return None  # a quotation: its words are someone's, not the article's
    first = verb_phrase_start(sent, verb)
    end = cut_end(sent, verb, _clause_end(sent, verb))
    text = clean(sent.text[first.start - sent.start : end - sent.start])
    n = len(text.split())
    if n < MIN_WORDS or n > MAX_WORDS:
        return None
    return text


def deeds(
    sentences: list[Sentence],
    mentions: list[list[Mention]],
    actors: set[str],
    spoken: set[str],
    reported: set[int],
    lex: Lexicon,
) -> list[Attribution]:
    """One deed for each of ``actors`` that is not in ``spoken`` (has no statement):
    the first sentence where it acts, among those with no statement (``reported``:
    sentence indexes); and, for an actor that speaks, what the first sentence (the
    lede, which tells the news) says it did ("Harbro Group saw pre-tax profit increase
    by £800,000"; "Brendan Rodgers has reminded Raheem Sterling … of their
    responsibilities")."""
    out: list[Attribution] = []
    done: set[str] = set()
    lead = {s.index for s in sentences[:LEAD]}
    for sent, found in zip(sentences, mentions, strict=False):
        if sent.index in reported:
            continue  # someone speaks there: the sentence is a statement, not a deed
        for m in found:
            actor = m.entity
            if actor is None or actor not in actors or actor in done or m.hint == "pronoun":
                continue
            if actor in spoken and sent.index not in lead:
                continue
            stance = deed(sent, m, lex)
            if stance is None:
                continue
            done.add(actor)
            out.append(Attribution(actor, stance, sent.start, sent.end, "", sent.index))
    return out
