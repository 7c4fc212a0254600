"""Where a run of capitalised words starts and ends as a name.

A run is cut on both sides by what the words are doing, not by lists of names:

- a capitalised word that usually opens a sentence ("New figures show ...") stays
  the first word of a name when, with the words after it, it spells a name the
  gazetteer knows ("New Zealander", "New Delhi") or the recogniser reads one
  name starting on it ("the New York Mets");
- a kinship word in front of a given name ("Dad Phil", "Mum Sarah") is how the
  family is introduced, not part of the name;
- the last word of a run that belongs to the next noun phrase (a determiner or a
  number: "East Midlands Airport The £6 gadget", "near Fernvale Six others have
  been taken") is cut off: a caption or a sentence ran into the text there;
- a business named with its founder's possessive ("Sotheby's", "McDonald's") keeps
  the "'s" when the recogniser reads the organisation with it.
"""

from __future__ import annotations

import re

from briefs.backends.rules.document import Entity, Sentence, Token
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.names import Mention, is_hyphen_adjective
from briefs.backends.rules.wordbook import words

__all__ = [
    "bare_possessive",
    "keeps_front",
    "kinship",
    "one_owned_name",
    "owned_s",
    "person_tail",
    "placed",
    "seam",
    "sovereign",
    "split_and",
    "trim_tail",
]

_KIN = words("kinship_nouns")
_NAME_LABELS = {"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT"}
_TAIL_DEPS = ("det", "nummod", "predet")
_POSSESSIVE = {"'s", "’s"}


def kinship(value: str) -> bool:
    """Whether a capitalised word is a kinship noun that introduces a relative by
    given name ("Dad Phil has labelled the checks 'ludicrous'"; "Mum Sarah said ...").

    >>> kinship("Dad"), kinship("Mum"), kinship("Phil")
    (True, True, False)
    """
    return value in _KIN


def keeps_front(sent: Sentence, toks: tuple[Token, ...], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the sentence-opening word at ``i`` (one the word book says opens
    sentences, "New") is the first word of the name the run ``i:j`` spells: the
    gazetteer knows it with the next word ("New Zealander Tim Weston"), or the
    recogniser reads one name of two words or more starting on it ("for the New York
    Mets"). A determiner never is ("The").

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("New Zealander Tim Weston saw the crocodile.").sentences[0]
    >>> keeps_front(s, s.tokens, 0, 4, lexicon())
    True
    >>> s = build("New figures show a rise.").sentences[0]
    >>> keeps_front(s, s.tokens, 0, 1, lexicon())
    False
    """
    tok = toks[i]
    if tok.lower in words("determiners") or i + 1 >= j:
        return False
    pair = f"{tok.value} {toks[i + 1].value}"
    if pair in lex.country_forms or pair in lex.adjectives:
        return True
    return any(
        e.start <= tok.start and e.label in _NAME_LABELS and e.end > tok.end for e in sent.entities
    )


def trim_tail(toks: tuple[Token, ...], i: int, j: int) -> int:
    """The end of the run ``i:j`` without trailing words that belong to the noun
    phrase after it: a determiner or a number whose head lies beyond the run
    ("at East Midlands Airport The £6 plastic gadget was ...", "near Fernvale Six
    others have been taken"), a capitalised determiner ("The") at its end, or a
    capitalised conjunction that opens the next sentence run into it ("in the city
    of Hefei But he was caught out").

    >>> from briefs.backends.rules.document import build
    >>> s = build("The toy was seized at East Midlands Airport The £6 gadget was new.").sentences[0]
    >>> [t.value for t in s.tokens[5 : trim_tail(s.tokens, 5, 9)]]
    ['East', 'Midlands', 'Airport']
    """
    last = toks[j - 1].index
    while j - 1 > i:
        tok = toks[j - 1]
        ahead = tok.dep in _TAIL_DEPS and tok.head > last
        opener = tok.pos in ("CCONJ", "SCONJ") and tok.value[:1].isupper()
        if not (ahead or opener or tok.lower in ("the", "a", "an")):
            break
        j -= 1
    return j


def owned_s(sent: Sentence, toks: tuple[Token, ...], j: int) -> bool:
    """Whether the possessive after the run ending at ``j`` is part of the name: the
    recogniser reads an organisation that ends with it and no noun follows ("sold at
    Sotheby's on Saturday"; "McDonald's said"). "Tata Steel's UK boss" is a
    possessive, and "Britain's economy" stays Britain (a place, not an ORG).

    >>> from briefs.backends.rules.document import build
    >>> s = build("The bat was sold at Sotheby's on Saturday.").sentences[0]
    >>> owned_s(s, s.tokens, 6)
    True
    """
    if j >= len(toks) or toks[j].value not in _POSSESSIVE:
        return False
    if j + 1 < len(toks) and toks[j + 1].pos in ("NOUN", "PROPN", "ADJ", "NUM"):
        return False  # "Tata Steel's UK boss": a possessive that owns the next noun
    end = toks[j].end
    return any(e.end == end and e.label == "ORG" for e in sent.entities)


def bare_possessive(m: Mention, text: str) -> None:
    """Cut the "'s" off a mention read with it ("Sotheby's") when the article also
    names it without one: then the "'s" was a possessive ("the Ashcombe District
    Council's planning committee" after "Ashcombe District Council said").

    >>> text = "Ashcombe District Council said no. The Ashcombe District Council's plan"
    >>> m = Mention(40, 71, "Ashcombe District Council's", 1, "organization",
    ...             "Ashcombe District Council's", tokens=["Ashcombe", "District", "Council"])
    >>> bare_possessive(m, text)
    >>> m.text, m.end
    ('Ashcombe District Council', 69)
    """
    if m.text[-2:] not in _POSSESSIVE or m.hint in ("generic", "pronoun", "group"):
        return
    bare = m.text[:-2]
    if re.search(rf"(?<![\w-]){re.escape(bare)}(?!['’]s)(?![\w-])", text):
        m.text = m.name = bare
        m.end -= 2


def one_owned_name(mentions: list[Mention]) -> None:
    """Give the mentions of a name read without its "'s" ("a Sotheby's auction",
    where the possessive owns "auction") the name read with it ("at Sotheby's on
    Wednesday"), so that both are one actor.

    >>> a = Mention(0, 9, "Sotheby's", 0, "other", "Sotheby's")
    >>> b = Mention(20, 27, "Sotheby", 1, "other", "Sotheby")
    >>> one_owned_name([a, b]); b.name
    "Sotheby's"
    """
    owned = {m.name[:-2]: m.name for m in mentions if m.name[-2:] in _POSSESSIVE}
    for m in mentions:
        if m.name in owned and m.hint not in ("generic", "pronoun", "group"):
            m.name = owned[m.name]


def person_tail(m: Mention, sent: Sentence) -> Entity | None:
    """The person the recogniser reads at the end of a longer run the rules could
    not place, the words before being a description ("Yankee Hall of Famer Reggie
    Jackson", "Grand National-winning jockey Leighton Aspell" when run together).

    >>> from briefs.backends.rules.document import build
    >>> s = build("The owner is Yankee Hall of Famer Reggie Jackson, who bought them.").sentences[0]
    >>> m = Mention(13, 48, "Yankee Hall of Famer Reggie Jackson", 0, "other", "x")
    >>> person_tail(m, s).text
    'Reggie Jackson'
    """
    for e in sent.entities:
        inner = m.start < e.start and e.end == m.end
        if inner and e.label == "PERSON" and 2 <= len(e.text.split()) <= 4:
            return e
    return None


_PLACE_PREPS = words("place_prepositions")


def placed(sent: Sentence, inside: list[Token]) -> bool:
    """Whether a mention (its tokens ``inside``) is the object of a preposition of
    place or motion ("ten days in Lanzarote", "their flight out to Lanzarote",
    "diversions south of Fernvale" is not one: "of" also owns bodies).

    >>> from briefs.backends.rules.document import build
    >>> s = build("They flew to Lanzarote for a week.").sentences[0]
    >>> placed(s, [s.tokens[3]]), placed(s, [s.tokens[0]])
    (True, False)
    """
    by_index = {t.index: t for t in sent.tokens}
    for t in inside:
        head = by_index.get(t.head)
        if t.dep == "pobj" and head is not None and head.lower in _PLACE_PREPS:
            return True
    return False


def seam(sent: Sentence, prev: Token, tok: Token) -> bool:
    """Whether a capitalised "The" inside a run of capitals starts a new sentence or
    caption ("... against Chelsea The Manchester United striker scored"): a name
    holds "The" only where the recogniser reads one name across it ("Save The
    Children").

    >>> from briefs.backends.rules.document import build
    >>> s = build("He scored against Chelsea The Manchester United striker was happy.").sentences[0]
    >>> seam(s, s.tokens[3], s.tokens[4])
    True
    """
    if tok.value != "The":
        return False
    return not any(e.start <= prev.start and tok.end <= e.end for e in sent.entities)


def sovereign(sent: Sentence, i: int, j: int) -> list[Mention]:
    """A title alone that names one person, after "the": a sovereign or a pope ("the
    Queen, who turns 90 on Thursday", "the Pope said"); other titles alone ("the
    Director General") name a post, not an actor.

    >>> from briefs.backends.rules.document import build
    >>> s = build("Crowds cheered as the Queen arrived.").sentences[0]
    >>> [(m.name, m.hint) for m in sovereign(s, 4, 5)]
    [('Queen', 'person')]
    """
    toks = sent.tokens
    word = toks[i].value
    if j != i + 1 or i == 0 or toks[i - 1].lower != "the" or word not in words("sovereign_titles"):
        return []
    tok = toks[i]
    return [
        Mention(tok.start, tok.end, word, sent.index, "person", word, tokens=[word], has_title=True)
    ]


def split_and(toks: tuple[Token, ...], i: int, j: int, lex: Lexicon) -> list[tuple[int, int]]:
    """ "Yerevan and Baku" is two runs; "Department of Trade and Industry" is one; a
    hyphenated adjective leaves each part ("Zurich and London-based Xstrata").

    >>> from briefs.backends.rules.document import build
    >>> from briefs.backends.rules.lexicon import lexicon
    >>> s = build("It was sold to Zurich and London-based Xstrata.").sentences[0]
    >>> [[t.value for t in s.tokens[a:b]] for a, b in split_and(s.tokens, 4, 8, lexicon())]
    [['Zurich'], ['Xstrata']]
    """
    words = [t.value for t in toks[i:j]]
    if not ({"and", "&"} & set(words)) or any(w in lex.org_heads for w in words):
        return [(i, j)]
    parts: list[tuple[int, int]] = []
    start = i
    for k in range(i, j):
        if toks[k].value in ("and", "&"):
            parts.append((start, k))
            start = k + 1
    parts.append((start, j))
    parts = [(a + int(b - a > 1 and is_hyphen_adjective(toks[a].value)), b) for a, b in parts]
    return [(a, b) for a, b in parts if a < b]


_ATTRIBUTIVE = re.compile(r"[A-Z][\w'’.]*(-[a-z]+ed)")


def attributive_suffix(word: str) -> int:
    """How many characters of a name's last word are a participle hung on the name
    to describe what follows it ("the Trevor Hemmings-owned gelding", "a Roman
    Abramovich-backed bid"): the name ends before the hyphen.

    >>> attributive_suffix("Hemmings-owned"), attributive_suffix("Al-Hamadi")
    (6, 0)
    """
    found = _ATTRIBUTIVE.fullmatch(word)
    return len(found.group(1)) if found else 0


def described_person(sent: Sentence, toks: tuple[Token, ...], i: int, j: int) -> bool:
    """Whether the sentence's first word, capitalised only because it opens the
    sentence, describes the person the recogniser reads in the rest of the run
    ("Passenger Jin Pai, 35, was standing ...", "Shopkeeper Angie Booth, who owns
    ..."): the word is no part of the name.

    >>> from briefs.backends.rules.document import build
    >>> s = build("Passenger Jin Pai, 35, was standing on the rim of a toilet.").sentences[0]
    >>> described_person(s, s.tokens, 0, 3)
    True
    """
    if i != 0 or j - i < 3 or toks[i].ent:
        return False
    return any(
        e.label == "PERSON" and e.start == toks[i + 1].start and e.end == toks[j - 1].end
        for e in sent.entities
    )
