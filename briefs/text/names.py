"""Actor names: normalisation and the match rules, strongest first.

exact (after normalisation) > acronym (FBI ↔ Federal Bureau of Investigation) >
surname (people: "Pashinyan" ↔ "Nikol Pashinyan") > fuzzy (rapidfuzz, >= 90).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

__all__ = ["FUZZY_THRESHOLD", "acronym", "match_score", "normalize_name"]

FUZZY_THRESHOLD = 90.0
EXACT, ACRONYM, SURNAME, FUZZY_MAX = 1.0, 0.95, 0.9, 0.85

_TITLES = (
    "president",
    "vice president",
    "prime minister",
    "deputy prime minister",
    "minister",
    "foreign minister",
    "secretary",
    "chancellor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "professor",
    "judge",
    "justice",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "general",
    "gen",
    "king",
    "queen",
    "prince",
    "princess",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "chief executive",
    "ambassador",
    "councillor",
    "rep",
    "representative",
    "commissioner",
    "spokesperson",
    "spokesman",
    "spokeswoman",
)
_TITLE_RE = re.compile(
    r"^(?:(?:" + "|".join(sorted(map(re.escape, _TITLES), key=len, reverse=True)) + r")\s+)+"
)
_PUNCT = re.compile(r"[^\w\s]")
_SMALL = {"of", "the", "and", "for", "de", "du", "la", "le", "&", "in", "on", "to"}


@lru_cache(maxsize=8192)
def normalize_name(name: str) -> str:
    """Lower case, accents and punctuation off, leading "the" and titles off."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("’", "'").replace("'s ", " ")
    text = re.sub(r"'s$", "", text)
    text = _PUNCT.sub(" ", text)
    text = " ".join(text.split())
    text = re.sub(r"^the\s+", "", text)
    stripped = _TITLE_RE.sub("", text)
    return stripped or text


def acronym(name: str) -> str:
    """Initials of the significant words: "Federal Bureau of Investigation" -> "fbi"."""
    words = [w for w in normalize_name(name).split() if w not in _SMALL]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _is_acronym_form(form: str) -> bool:
    form = re.sub(r"^the\s+", "", form.strip(), flags=re.I)
    letters = form.replace(".", "").replace(" ", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.upper() == letters


def match_score(
    a_forms: list[str], b_forms: list[str], a_person: bool = False, b_person: bool = False
) -> float:
    """How strongly two actors (each a list of name + aliases) are the same one; 0 = not."""
    a_norm = {normalize_name(f) for f in a_forms if f.strip()}
    b_norm = {normalize_name(f) for f in b_forms if f.strip()}
    a_norm.discard("")
    b_norm.discard("")
    if a_norm & b_norm:
        return EXACT
    for x_forms, y_forms in (
        (a_forms, b_forms),
        (b_forms, a_forms),
    ):
        short = {normalize_name(f).replace(" ", "") for f in x_forms if _is_acronym_form(f)}
        if short and short & {acronym(f) for f in y_forms}:
            return ACRONYM
    if a_person or b_person:
        a_last = {n.split()[-1] for n in a_norm}
        b_last = {n.split()[-1] for n in b_norm}
        a_single = {n for n in a_norm if " " not in n}
        b_single = {n for n in b_norm if " " not in n}
        if (a_single & b_last and (b_person or not a_person)) or (
            b_single & a_last and (a_person or not b_person)
        ):
            return SURNAME
        a_full = {n for n in a_norm if " " in n}
        b_full = {n for n in b_norm if " " in n}
        for x in a_full:
            for y in b_full:
                if x.split()[-1] == y.split()[-1] and x[0] == y[0]:
                    return SURNAME
    best = 0.0
    for x in a_norm:
        for y in b_norm:
            score = fuzz.token_sort_ratio(x, y)
            if min(len(x.split()), len(y.split())) >= 2:
                score = max(score, fuzz.token_set_ratio(x, y) if fuzz.ratio(x, y) >= 75 else 0)
            best = max(best, score)
    return FUZZY_MAX * best / 100.0 if best >= FUZZY_THRESHOLD else 0.0
