"""A denial in a relative clause that points back at the claim before it: "Mr Okafor
has suggested that Mr Lintott is lying, something Mr Lintott denies"; "The
Chancellor said the plans meant cuts, which the Tories deny"; "Democrats accused the
president of hiding costs, a charge the administration denies". The claim ends at the
comma (it is not "..., something"), and the denier denies that claim: "Denies that Mr
Lintott is lying." When nothing reported comes before ("The singer faced charges, which
he denies"), what is denied is not cut out, so the denier gets no position rather than
a garbled one.
"""

from __future__ import annotations

from briefs.backends.rules.continuation import Attribution
from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.polarity import is_denial
from briefs.backends.rules.stances import decapitalise
from briefs.backends.rules.wordbook import words

__all__ = ["denied_claim", "relative_denials"]

# nouns that stand for the claim before the comma ("a charge the company denies")
_CLAIM_NOUNS = {
    "claim", "claims", "charge", "charges", "allegation", "allegations", "accusation",
    "accusations", "suggestion", "suggestions", "assertion", "assertions", "idea",
}  # fmt: skip
_RELATIVES = {"which", "that"}
_CLAUSE_END = {".", ",", ";", "?", "!", ")", '"', "”", "’", "'"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# bare forms the word book lists no report for ("…, which the Tories deny")
_BARE = {"deny": "deny", "reject": "reject", "dispute": "dispute", "dismiss": "dismiss"}


def _closes(toks: tuple[Token, ...], verb: Token) -> bool:
    """Whether ``verb`` ends its sentence (or a ";" part, or comes before ", saying …"):
    a relative clause in the middle ("the plan, which they reject, is sound") is about
    a noun, not about the claim."""
    after = [t for t in toks if t.start >= verb.end]
    words_ = [t for t in after if t.value not in _CLAUSE_END]
    if not words_ or (after and after[0].value == ";"):
        return True
    return after[0].value == "," and len(after) > 1 and after[1].tag == "VBG"


def _antecedent(words_: list[str]) -> bool:
    """ "something", "which", "a charge (which)", "claims (that)": the claim before."""
    if words_ in (["something"], ["which"]):
        return True
    if words_ and words_[-1] in _RELATIVES:
        words_ = words_[:-1]
    if words_ and words_[0] in ("a", "an", "the"):
        words_ = words_[1:]
    return 1 <= len(words_) <= 2 and words_[-1] in _CLAIM_NOUNS


def relative_denials(sent: Sentence, verbs: list[Token], lex: Lexicon) -> dict[int, int]:
    """For each denial verb among ``verbs`` that closes a relative clause pointing back
    at the claim before it, the verb's index and the offset of the comma opening it.

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("Mr Lee has suggested that Mr Kay is lying, something Mr Kay denies.")
    >>> s = s.sentences[0]
    >>> cuts = relative_denials(s, [t for t in s.tokens if t.value == "denies"], lexicon())
    >>> [s.text[:c - s.start] for c in cuts.values()]
    ['Mr Lee has suggested that Mr Kay is lying']
    >>> s = build("Mr Kay denies that he is lying, a spokesman said.").sentences[0]
    >>> relative_denials(s, [t for t in s.tokens if t.value == "denies"], lexicon())
    {}
    >>> s = build("He said the plan, which ministers reject, would save money.").sentences[0]
    >>> relative_denials(s, list(s.tokens), lexicon())
    {}
    >>> s = build("He said the plan would save money, which ministers deny.").sentences[0]
    >>> [s.text[:c - s.start] for c in relative_denials(s, list(s.tokens), lexicon()).values()]
    ['He said the plan would save money']
    """
    toks = sent.tokens
    out: dict[int, int] = {}
    for verb in verbs:
        if not is_denial(lex.speech_verbs.get(verb.lower, _BARE.get(verb.lower, ""))):
            continue
        if not _closes(toks, verb):
            continue  # "something he denies doing", "the plan, which they reject, is …"
        subject = [t for t in toks if t.head == verb.index and t.dep in _SUBJECT_DEPS]
        if not subject:
            continue
        first = min(
            (t for t in toks if t.index <= subject[0].index and t.head == subject[0].index),
            key=lambda t: t.start,
            default=subject[0],
        )
        before = [t for t in toks if t.end <= first.start][-4:]
        commas = [k for k, t in enumerate(before) if t.value == ","]
        if not commas:
            continue
        between = [t.lower for t in before[commas[-1] + 1 :]]
        if _antecedent(between):
            out[verb.index] = before[commas[-1]].start
    return out


_SAY_LIKE = words("say_verbs")


def denied_claim(verb: Token, earlier: list[Attribution], lex: Lexicon) -> str:
    """What a relative denial denies: the reported clause before it ("Denies that ...")
    or the charge of an accusation ("Denies the charge of hiding costs"); "" when
    nothing reported comes before.

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("Mr Lee has suggested that Mr Kay is lying, something Mr Kay denies.")
    >>> verb = next(t for t in s.sentences[0].tokens if t.value == "denies")
    >>> claim = Attribution("Lee", "Mr Kay is lying.", 0, 40, "suggested", 0)
    >>> denied_claim(verb, [claim], lexicon())
    'denies that Mr Kay is lying'
    >>> claim = Attribution("Lee", "Accused Mr Kay of lying.", 0, 40, "accused", 0)
    >>> denied_claim(verb, [claim], lexicon())
    'denies the charge of lying'
    """
    if not earlier:
        return ""
    claim = earlier[-1]
    lemma = lex.speech_verbs.get(claim.verb.lower(), "")
    stance = claim.stance.rstrip(".")
    if lemma in _SAY_LIKE and not stance.lower().startswith(claim.verb.lower()):
        return f"{verb.value} that {decapitalise(stance)}"
    if lemma == "accuse" and " of " in stance:
        return f"{verb.value} the charge of {stance.split(' of ', 1)[1]}"
    return ""
