"""Page furniture: the parts of a scraped news page that are not reporting.

Share widgets, "(CNN)" datelines, "Scroll down for video", timeline rows, bylines,
headings glued to the text, and the Daily Mail's inline photo captions: a short
label, a colon and a sentence describing a picture, run into the text between
paragraphs, often with no closing full stop ("... a deadly gunfight Chaos: During
the footage, ..."). ``furniture_spans`` gives the character spans to cut out of the
article wherever they are; ``is_furniture`` says whether a whole sentence is.
"""

from __future__ import annotations

import re

from briefs.backends.rules.lexicon import lexicon
from briefs.backends.rules.wordbook import words
from briefs.ingest.metadata import MEDIA_PLAYBACK, SHARE_WIDGET, WIRE_DATELINE

__all__ = ["caption_spans", "dateline_end", "furniture_spans", "is_furniture"]

_FURNITURE = re.compile(
    r"^(?:share this with|share or comment|image copyright|image caption|media playback|"
    r"published:|updated:|last updated|by \S+ \S+ for|click here|scroll down|"
    r"follow (?:us|@)|read more|related (?:articles|stories)|getty images|"
    r"(?:ap|reuters|afp|pa) (?:photo|images?)\b)",
    re.I,
)
_TIMELINE = re.compile(r"^(?:\d{1,2} \w+ )?\d{4}\s*[:\-–]\s")
# Runs of page furniture inside the text, cut out wherever they are.
_INLINE = re.compile(
    SHARE_WIDGET.pattern + r"|Read more from \w+(?=Follow)|Follow \w+ on Twitter"
    r"|Image copyright [^\n.]{0,60}?Image caption|" + MEDIA_PLAYBACK.pattern +
    # a pundit's box heading glued to its first sentence:
    # "BBC Radio 5 live correspondent Iain CarterJohnson took until the very last second"
    r"|\bBBC [\w ]{0,40}?(?:correspondent|editor|reporter|analyst) (?:[A-Z][a-z'’-]+ ){1,2}?"
    r"[A-Z][a-z'’-]{2,}(?=[A-Z][a-z])"
    r"|Scroll down for (?:the )?videos?\b"
    # a heading glued to the text: "...AleppoWhat happens next?The evacuation"
    r"|(?<=[a-z.?])[A-Z][^.!?]{0,60}\?(?=[A-Z])"
)
_GLUED = re.compile(r"[a-z][A-Z][a-z]")

# A caption label: one capitalised word and up to two lowercase ones ("Assistance",
# "On duty", "Under the sea"), or a furniture label ("READ MORE", "Source"), then a
# colon and a capital letter.
_LABEL = re.compile(
    r"(?P<label>[A-Z][a-z'’-]+(?: [a-z][a-z'’-]*){0,2}|READ MORE|Read more|Watch the video)"
    r": (?=[A-Z0-9])"
)
_BEFORE = re.compile(r"(?:^|\n|[.!?][\"'’”)]*\s+|(?P<word>\b[\w)]+) )$")
_END = re.compile(r"[.!?][\"'’”)]*(?=\s|$)|\n")
# a new sentence run on with no full stop: "... aid police The officer", "... inside 'This"
_SEAM = re.compile(r"(?P<word>\b[\w)]+) (?=(?P<next>(?P<quote>['‘“\"](?=[A-Z]))|[A-Z][a-z]*\b))")
_LOWER = re.compile(r"\b[a-z]{3,}\b")
_MIN_LOWER = 3  # lowercase words a caption sentence has at least (a line-up has none)
_MAX_CAPTION = 400  # characters; a "caption" with no end in sight is not one


def _label_ok(label: str, before_word: str | None) -> bool:
    """Whether ``label`` reads as a caption label rather than a speaker or a name."""
    parts = label.lower().split()
    if before_word is not None and (
        before_word.lower() in words("caption_glue_words") or before_word[:1].isupper()
    ):
        return False  # "the new chapter of Brexit: The deal": a colon inside a sentence
    lex = lexicon()
    if label in lex.country_forms or label in lex.adjectives:
        return False  # "America: A Tribute to Heroes raised ...": a title
    if any(p in words("caption_label_stops") for p in parts):
        return False  # "He said", "Who was worse": a speaker or a question
    if len(parts) > 1 and (parts[-1] in words("say_verbs") or parts[-1].endswith("ed")):
        return False  # "The PM added", "Bruce insisted"
    return label not in words("honorifics")


def _caption_end(text: str, start: int) -> int | None:
    """Where the caption that starts at ``start`` ends: its full stop, a line break,
    the next caption's label, or a seam where a new sentence starts with no full stop
    before it ("... a full recovery The Arizona Department ..."). ``None`` when there
    is no end close enough."""
    window = text[start : start + _MAX_CAPTION]
    ends: list[int] = []
    stop = _END.search(window)
    if stop is not None:
        ends.append(stop.end() if stop.group().strip() else stop.start())
    for m in _LABEL.finditer(window, 1):
        if _starts_caption(window, m, chained=True):
            ends.append(m.start() - 1)
            break
    for m in _SEAM.finditer(window):
        if m.group("word").lower() not in words("caption_glue_words") and (
            m.group("quote") or m.group("next") in words("sentence_openers")
        ):
            ends.append(m.start("next") - 1)
            break
    return start + min(ends) if ends else None


def _starts_caption(text: str, m: re.Match[str], chained: bool = False) -> bool:
    before = _BEFORE.search(text, 0, m.start())
    if before is None or (chained and before.group("word") is None):
        return False
    if before.group("word") is not None and not chained and "\n" in text:
        return False  # glued captions come from pages flattened into one line
    after = text[m.end() : m.end() + 200].split()
    if len(after) < 4 or after[0][:1] in "\"'‘“":
        return False  # a quotation follows: speech, not a caption
    label = m.group("label")
    named = re.finditer(rf"(?<=[a-z,] ){re.escape(label)}\b", text)
    if " " not in label and any(n.start() != m.start() for n in named):
        return False  # "Metallica: Some Kind Of Monster ...": a name used elsewhere too
    return _label_ok(label, before.group("word"))


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of inline photo captions ("Label: A sentence describing a
    picture"), each from its label to its end.

    >>> t = ("Four men were held. Assistance: A Walmart employee is also seen trying "
    ...      "to aid police Brawl: Some fall to the ground during the fight. The "
    ...      "court heard the case.")
    >>> [t[a:b] for a, b in caption_spans(t)]  # doctest: +NORMALIZE_WHITESPACE
    ['Assistance: A Walmart employee is also seen trying to aid police',
     'Brawl: Some fall to the ground during the fight.']
    >>> t = "He was hurt. On duty: Sgt Jeremy Daniels was shot in the leg The police said so."
    >>> [t[a:b] for a, b in caption_spans(t)]
    ['On duty: Sgt Jeremy Daniels was shot in the leg']
    >>> t = "Shooter: Teams swarmed to the campus 'This ended in D.C.,' a source said."
    >>> [t[a:b] for a, b in caption_spans(t)]
    ['Shooter: Teams swarmed to the campus']
    >>> caption_spans("Mr Smith: 'We will appeal the ruling today,' he said.")
    []
    >>> caption_spans("He added: That destroyed aspiration for a whole generation.")
    []
    >>> caption_spans("Star Trek: Enterprise began in 2001 after other series.")
    []
    >>> caption_spans("Subs: Wright, Pistone, Weir, Plessis, Vaughan.")
    []
    """
    spans: list[tuple[int, int]] = []
    for m in _LABEL.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        if not _starts_caption(text, m):
            continue
        end = _caption_end(text, m.end())
        if end is not None and len(_LOWER.findall(text, m.end(), end)) >= _MIN_LOWER:
            spans.append((m.start(), end))
    return spans


def is_furniture(text: str) -> bool:
    """Whether a sentence is page furniture rather than reporting.

    >>> is_furniture("Share this withEmailFacebookMessengerTwitter")
    True
    >>> is_furniture("1999: The first talks collapse")
    True
    >>> is_furniture("Mark Miller said the firm had stopped drilling.")
    False
    >>> is_furniture("Reaction over AleppoHow survivors view AleppoWhy it matters")
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
    >>> dateline_end("(CNN)The classic video game")
    5
    >>> dateline_end("Italy is coping")
    0
    """
    match = WIRE_DATELINE.match(text)
    return match.end() if match else 0


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of page furniture: a wire dateline at the start, share widgets,
    "Follow X on Twitter", image-credit lines, "Scroll down for video", photo captions.

    >>> furniture_spans("Share this withEmailFacebookCopy this linkThe ICRC says")
    [(0, 42)]
    >>> furniture_spans("Rome (CNN)Italy is coping")
    [(0, 10)]
    >>> t = "He hailed it.What happens next?The evacuation was due on Wednesday."
    >>> [t[a:b] for a, b in furniture_spans(t)]
    ['What happens next?']
    >>> t = "He was hurt.BBC golf correspondent Iain CarterJohnson took until the last second."
    >>> [t[a:b] for a, b in furniture_spans(t)]
    ['BBC golf correspondent Iain Carter']
    """
    spans = [(0, dateline_end(text))] if dateline_end(text) else []
    spans += [(m.start(), m.end()) for m in _INLINE.finditer(text)]
    spans += caption_spans(text)
    return sorted(spans)
