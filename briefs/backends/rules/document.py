"""The article parsed once: the one structure every stage of the rules backend reads.

Built from a spaCy ``Doc``: sentences with character offsets (spaCy's parser splits
them, refined at paragraph breaks), tokens with offsets, lemma, part of speech,
dependency label and head, named entities, and page furniture flagged (share
widgets, "(CNN)" datelines, photo captions, timeline rows, bylines). Nothing in it
changes after it is built: every stage is a function from the ``Document`` to its
own result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from briefs.backends.rules.nlp import parse
from briefs.backends.rules.wordbook import book, words

__all__ = ["Document", "Entity", "Sentence", "Token", "build", "from_doc"]


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, offsets into the article, and what the parser says of it."""

    index: int
    value: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the syntactic head (itself for a root)
    ent: str  # entity label ("PERSON", "GPE", ...) or ""
    sentence: int

    @property
    def lower(self) -> str:
        return self.value.lower()


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str
    start: int
    end: int
    first: int  # token indexes, end exclusive
    last: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    paragraph: int
    furniture: bool = False  # page furniture: never summarised, attributed or an issue
    entities: tuple[Entity, ...] = ()  # the named entities inside it


@dataclass(frozen=True)
class Document:
    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]

    def children(self, token: Token) -> list[Token]:
        """The tokens whose head is ``token`` (in its sentence), in order."""
        sent = self.sentences[token.sentence]
        return [t for t in sent.tokens if t.head == token.index and t.index != token.index]

    def subtree(self, token: Token) -> list[Token]:
        """``token`` and everything it governs, in order."""
        sent = self.sentences[token.sentence]
        inside = {token.index}
        changed = True  # heads come before or after: grow to a fixed point
        while changed:
            changed = False
            for t in sent.tokens:
                if t.index not in inside and t.head in inside and t.head != t.index:
                    inside.add(t.index)
                    changed = True
        return [t for t in sent.tokens if t.index in inside]


_FURNITURE = re.compile(
    r"^(?:share this with|share or comment|image copyright|image caption|media playback|"
    r"published:|updated:|last updated|by \S+ \S+ for|click here|scroll down|"
    r"follow (?:us|@)|read more|related (?:articles|stories)|getty images|"
    r"(?:ap|reuters|afp|pa) (?:photo|images?)\b)",
    re.I,
)
_TIMELINE = re.compile(r"^(?:\d{1,2} \w+ )?\d{4}\s*[:\-–]\s")
_DATELINE = re.compile(r"^[A-Z][\w .,'-]{0,40}\((?:CNN|AP|Reuters|AFP)\)\s*(?:--\s*)?")
# Runs of page furniture inside the text, cut out wherever they are.
_INLINE = re.compile(
    r"Share this with(?:\s*(?:Email|Facebook|Messenger|Twitter|Pinterest|WhatsApp|"
    r"Linked[Ii]n|Copy\s+this\s+link))+"
    r"|Read more from \w+(?=Follow)|Follow \w+ on Twitter"
    r"|Image copyright [^\n.]{0,60}?Image caption|Media playback is unsupported on your device"
    # a heading glued to the text: "...AleppoWhat happens next?The evacuation"
    r"|(?<=[a-z.?])[A-Z][^.!?]{0,60}\?(?=[A-Z])"
)
_GLUED = re.compile(r"[a-z][A-Z][a-z]")


def _furniture(text: str) -> bool:
    """Whether a sentence is page furniture rather than reporting.

    >>> _furniture("Share this withEmailFacebookMessengerTwitter")
    True
    >>> _furniture("1999: The first talks collapse")
    True
    >>> _furniture("Mark Miller said the firm had stopped drilling.")
    False
    >>> _furniture("Reaction over AleppoHow survivors view AleppoWhy it matters")
    True
    """
    stripped = text.strip()
    if _FURNITURE.match(stripped) or _TIMELINE.match(stripped):
        return True
    if len(_GLUED.findall(stripped)) >= 2:
        return True  # links and headings run together without spaces
    low = stripped.lower()
    return any(marker in low for marker in words("furniture_markers"))


def dateline_end(text: str) -> int:
    """Where the body starts after a wire dateline ("Rome (CNN)Italy is ..." -> 10).

    >>> dateline_end("Rome (CNN)Italy is coping")
    10
    >>> dateline_end("Italy is coping")
    0
    """
    match = _DATELINE.match(text)
    return match.end() if match else 0


_HYPHENATED = re.compile(r"\w+(?:[-‐]\w+)+")


def _merge_hyphenated(doc: Any) -> None:
    """One token for a hyphenated word ("al-Assad", "A-levels", "J-League"), as
    writers read it; spaCy splits some of them at the hyphen."""
    spans = []
    for match in _HYPHENATED.finditer(doc.text):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) > 1:
            spans.append(span)
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of page furniture: a wire dateline at the start, share widgets,
    "Follow X on Twitter", image-credit lines.

    >>> furniture_spans("Share this withEmailFacebookCopy this linkThe ICRC says")
    [(0, 42)]
    >>> furniture_spans("Rome (CNN)Italy is coping")
    [(0, 10)]
    >>> t = "He hailed it.What happens next?The evacuation was due on Wednesday."
    >>> [t[a:b] for a, b in furniture_spans(t)]
    ['What happens next?']
    """
    spans = [(0, dateline_end(text))] if dateline_end(text) else []
    spans += [(m.start(), m.end()) for m in _INLINE.finditer(text)]
    return sorted(spans)


def _visible(start: int, end: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The part of ``[start, end)`` outside the furniture spans (empty if none)."""
    for a, b in spans:
        if a <= start and end <= b:
            return start, start
        if a <= start < b:
            start = b
        elif start < a < end:
            end = a
    return start, end


def upos(tag: str, text: str, dep: str) -> str:
    """The coarse part of speech of a Penn tag ("VBD" -> "VERB"); forms of be, have and
    do that serve another verb are "AUX".

    >>> upos("VBD", "denied", "ROOT"), upos("VBZ", "has", "aux"), upos("NNP", "May", "pobj")
    ('VERB', 'AUX', 'PROPN')
    """
    pos: str = book()["penn_to_upos"].get(tag, "X")
    if pos == "VERB" and (dep in ("aux", "auxpass") or text.lower() in words("auxiliary_verbs")):
        return "AUX"
    return pos


def from_doc(text: str, doc: Any) -> Document:
    """The ``Document`` of ``text`` from its spaCy ``Doc`` (hyphenated words merged in
    it first)."""
    _merge_hyphenated(doc)
    spans = furniture_spans(text)
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    paragraph = 0
    last_end = 0
    for sent in doc.sents:
        # a paragraph break inside a spaCy sentence splits it
        pieces: list[list[Any]] = [[]]
        for tok in sent:
            if tok.is_space:
                if "\n" in tok.text and pieces[-1]:
                    pieces.append([])
                continue
            pieces[-1].append(tok)
        for piece in pieces:
            if not piece:
                continue
            if "\n" in text[last_end : piece[0].idx]:
                paragraph += 1
            index = len(sentences)
            own: list[Token] = []
            for tok in piece:
                start, end = _visible(tok.idx, tok.idx + len(tok.text), spans)
                if start >= end:
                    continue
                own.append(
                    Token(
                        index=tok.i,
                        value=text[start:end],
                        start=start,
                        end=end,
                        lemma=(tok.lemma_ or tok.text).lower(),
                        pos=tok.pos_ or upos(tok.tag_, tok.text, tok.dep_),
                        tag=tok.tag_,
                        dep=tok.dep_,
                        head=tok.head.i,
                        ent=tok.ent_type_,
                        sentence=index,
                    )
                )
            if not own:
                continue
            start, end = own[0].start, own[-1].end
            sentences.append(
                Sentence(
                    index, start, end, text[start:end], tuple(own), paragraph,
                    _furniture(text[start:end]),
                )
            )
            tokens.extend(own)
            last_end = end
    entities = tuple(
        Entity(e.text, e.label_, e.start_char, e.end_char, e.start, e.end)
        for e in doc.ents
        if _visible(e.start_char, e.end_char, spans) == (e.start_char, e.end_char)
    )
    sentences = [
        replace(s, entities=tuple(e for e in entities if s.start <= e.start and e.end <= s.end))
        for s in sentences
    ]
    return Document(text, tuple(tokens), tuple(sentences), entities)


def build(text: str) -> Document:
    """Parse ``text`` and build its ``Document``."""
    return from_doc(text, parse(text))
