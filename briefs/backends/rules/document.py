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

from briefs.backends.rules.furniture import furniture_spans, is_furniture
from briefs.backends.rules.nlp import parse
from briefs.backends.rules.seams import Offsets, joins_previous, parse_text
from briefs.backends.rules.wordbook import book, words

__all__ = ["Document", "Entity", "Sentence", "Token", "build", "from_doc", "parse_text"]


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


_HYPHENATED = re.compile(r"\w+(?:[-‐]\w+)+")


def _merge_hyphenated(doc: Any, whole: str) -> None:
    """One token for a hyphenated word ("al-Assad", "A-levels", "J-League"), as
    writers read it; spaCy splits some of them at the hyphen. ``whole`` is the
    ``Doc``'s text (merging tokens leaves it as it is)."""
    spans = []
    for match in _HYPHENATED.finditer(whole):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) > 1:
            spans.append(span)
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)


def _hidden(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    a, b = _visible(start, end, spans)
    return a >= b


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


def _breaks(space: Any) -> bool:
    """Whether a line break inside a spaCy sentence ends it. Scraped text (XSum's above
    all) wraps lines inside sentences, even inside quotations; a break that is
    followed by a lower-case word, with no full stop before it, wraps the sentence.

    >>> doc = build("He had a duty to\\nthe royals. It ended.\\nthen it rained.")
    >>> [s.text for s in doc.sentences]
    ['He had a duty to\\nthe royals.', 'It ended.', 'then it rained.']
    """
    if "\n" not in space.text:
        return False
    doc = space.doc
    after = doc[space.i + 1] if space.i + 1 < len(doc) else None
    before = doc[space.i - 1] if space.i > 0 else None
    wrapped = after is not None and after.text[:1].islower()
    ended = before is not None and before.text in (".", "!", "?", ":", ";")
    return not wrapped or ended


def _spacy_sentences(doc: Any, whole: str) -> list[list[Any]]:
    """spaCy's sentences as token lists, a piece cut at a square bracket inside a
    quotation joined back to the sentence it belongs to (``seams.joins_previous``);
    ``whole`` is the ``Doc``'s text."""
    out: list[list[Any]] = []
    for sent in doc.sents:
        toks = list(sent)
        if out and joins_previous(whole[out[-1][0].idx : sent.start_char], sent.text):
            out[-1].extend(toks)
        else:
            out.append(toks)
    return out


def from_doc(text: str, doc: Any) -> Document:
    """The ``Document`` of ``text`` from its spaCy ``Doc`` (hyphenated words merged in
    it first). The ``Doc`` may be of ``parse_text(text)``: offsets are mapped back."""
    whole = doc.text  # spaCy joins every token's text on each access: read it once
    _merge_hyphenated(doc, whole)
    at = Offsets(text, whole)
    spans = furniture_spans(text)
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    paragraph = 0
    last_end = 0
    for sent in _spacy_sentences(doc, whole):
        # a paragraph break, or furniture cut out, inside a spaCy sentence splits it
        pieces: list[list[Any]] = [[]]
        for tok in sent:
            a, b = at(tok.idx), at(tok.idx + len(tok.text))
            hidden = not tok.is_space and _hidden(a, b, spans)
            if tok.is_space or hidden:
                if (hidden or _breaks(tok)) and pieces[-1]:
                    pieces.append([])
                continue
            pieces[-1].append(tok)
        for piece in pieces:
            if not piece:
                continue
            if "\n" in text[last_end : at(piece[0].idx)]:
                paragraph += 1
            index = len(sentences)
            own: list[Token] = []
            for tok in piece:
                start, end = _visible(at(tok.idx), at(tok.idx + len(tok.text)), spans)
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
                    index,
                    start,
                    end,
                    text[start:end],
                    tuple(own),
                    paragraph,
                    is_furniture(text[start:end]),
                )
            )
            tokens.extend(own)
            last_end = end
    entities = tuple(
        Entity(
            text[at(e.start_char) : at(e.end_char)],
            e.label_,
            at(e.start_char),
            at(e.end_char),
            e.start,
            e.end,
        )
        for e in doc.ents
        if _visible(at(e.start_char), at(e.end_char), spans) == (at(e.start_char), at(e.end_char))
    )
    sentences = [
        replace(s, entities=tuple(e for e in entities if s.start <= e.start and e.end <= s.end))
        for s in sentences
    ]
    return Document(text, tuple(tokens), tuple(sentences), entities)


def build(text: str, entities: bool = True) -> Document:
    """Parse ``text`` and build its ``Document`` (without named entities when
    ``entities`` is false)."""
    return from_doc(text, parse(parse_text(text), entities))
