"""Find the spans of a sentence that name actors, and what kind each looks like.

A mention is found in one of four ways: a run of capitalised tokens (names,
organisations, countries, institutions), a country adjective followed by an
organisation or group noun ("Russian defense ministry", "Russian peacekeepers"),
a definite description ("the union", "the spokesperson"), or a pronoun. The
last two are resolved to an actor later, in ``actors.py``.
"""

from __future__ import annotations

from briefs.backends.rules.bounds import (
    attributive_suffix,
    described_person,
    keeps_front,
    kinship,
    owned_s,
    placed,
    seam,
    sovereign,
    split_and,
    trim_tail,
)
from briefs.backends.rules.document import Sentence, Token
from briefs.backends.rules.entities import collectives, refine
from briefs.backends.rules.kinds import demonym_person, mark_parts, state_subject
from briefs.backends.rules.lexicon import Lexicon
from briefs.backends.rules.names import (
    Mention,
    body_voice,
    classify,
    common_front,
    is_acronym,
    is_cap,
    is_hyphen_adjective,
    is_work_title,
    role_after,
    role_before,
    strip_title,
    title_of_body,
)
from briefs.backends.rules.posts import post_end, post_for
from briefs.backends.rules.wordbook import words

__all__ = ["Mention", "find_mentions"]

_CONNECTORS = words("name_connectors")
_APOSTROPHES = {"'", "’"}
_POSSESSIVE = {"'s", "’s", "s'", "s’"}
_DETERMINERS = words("determiners")


_ABBREVIATIONS = words("abbreviations")
_HONORIFICS = words("honorifics")


def _adjacent(a: Token, b: Token, text: str, offset: int) -> bool:
    gap = text[a.end - offset : b.start - offset]
    return gap in ("", " ") or (gap == "-" and is_cap(a.value) and is_cap(b.value))


def _runs(sent: Sentence, lex: Lexicon) -> list[tuple[int, int]]:
    toks = sent.tokens
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not is_cap(toks[i].value) or toks[i].value in _POSSESSIVE:
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            prev, tok = toks[j - 1], toks[j]
            if not _adjacent(prev, tok, sent.text, sent.start):
                break
            if is_cap(tok.value) and tok.value not in _POSSESSIVE:
                if seam(sent, prev, tok):
                    break  # "Chelsea The Manchester United ...": a caption ran into the text
                j += 1
                continue
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if tok.value == "." and prev.value in _ABBREVIATIONS and nxt is not None:
                j += 1  # "Mr. Smith"
                continue
            joins = (
                tok.value in _CONNECTORS
                or tok.value == "-"
                or (tok.value in _APOSTROPHES and prev.value.endswith("s"))
            )
            if joins and nxt is not None and is_cap(nxt.value) and tok.value != "the":
                j += 2
                continue
            after = toks[j + 2] if j + 2 < len(toks) else None
            if (
                tok.value == "of"
                and nxt is not None
                and nxt.value == "the"
                and after is not None
                and is_cap(after.value)
                and after.value not in lex.country_forms
                and (prev.value in lex.title_heads or prev.value in lex.org_heads)
            ):
                j += 3  # "Chancellor of the Exchequer", "Bank of the West"
                continue
            if tok.value in _APOSTROPHES and prev.value.endswith("s") and nxt is not None:
                j += 1  # "Workers' Union" split as Workers + ' + Union
                continue
            break
        # drop trailing connectors / apostrophes
        while j > i and toks[j - 1].value in _CONNECTORS | _APOSTROPHES | {"-"}:
            j -= 1
        end = j
        j = trim_tail(toks, i, j) if j > i else j
        # drop stop-list capitals and capitalised common nouns ("Lawyers for ...") at the front
        while (
            i < j
            and (
                (toks[i].value in lex.stop_caps and not keeps_front(sent, toks, i, j, lex))
                or common_front(toks[i], lex)
                or is_hyphen_adjective(toks[i].value)
                or (kinship(toks[i].value) and i + 1 < j)
                or described_person(sent, toks, i, j)
            )
            and not _opens_title(toks, i, j, lex)
        ):
            i += 1
        if i < j:  # "the MP for Sleaford and North Hykeham": one post, not split
            runs.extend(
                split_and(toks, i, j, lex) if post_for(toks, i, j, lex) is None else [(i, j)]
            )
        i = max(end, i + 1)
    return runs


def _opens_title(toks: tuple[Token, ...], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the run from ``i`` starts with a title of two words or more, which keeps
    its first word ("Deputy Prime Minister John Prescott", not "Prime Minister")."""
    words = tuple(t.value for t in toks[i:j])
    return any(len(t) >= 2 and words[: len(t)] == t for t in lex.titles)


def _cap_mentions(sent: Sentence, lex: Lexicon) -> list[Mention]:
    toks = sent.tokens
    out: list[Mention] = []
    for i, j in _runs(sent, lex):
        if (named := post_end(sent, i, j, lex)) is not None and named >= j:
            continue  # "the Tory MP for Sleaford and North Hykeham": a post, no one
        i = named if named is not None else i
        words = [t.value for t in toks[i:j]]
        if is_work_title(words):
            continue  # "Shake It Off": a song talked about, no actor
        body = title_of_body(words, lex)
        if body is not None:  # "Director General of the British Chambers of Commerce"
            i, words = i + body, words[body:]
        if all(w.rstrip(".") in lex.title_heads or w in _CONNECTORS for w in words):
            out.extend(sovereign(sent, i, j))  # "the Queen" is one; "Director General" none
            continue
        title, rest = strip_title([w for w in words if w != "."], lex)
        start_tok = j - len(rest)
        if title in lex.adjectives and not demonym_person(sent, toks[start_tok]):
            title = None  # "a Russian SU-27 Flanker", "the Russian Far East": no person
        kind, how = classify(rest, lex)
        if kind == "adjective":
            continue
        # "Dr Venter", "Mr Ebbers": a person (the honorific is no role)
        honorific = i > 0 and toks[i - 1].value in _HONORIFICS and title is None
        if kind == "other" and honorific:
            kind = "person"
        if (
            title is not None
            and kind in ("other", "person", "country", "institution")
            and (len(rest) <= 4)
        ):
            kind = "person"  # "Lord Hamilton" is a peer, not Bermuda's capital
        role = title or None
        if kind == "person" and not title:
            role = role_before(toks, i, lex) or role_after(sent, j, lex)
        elif kind == "person":
            # "Armenia’s Prime Minister Nikol Pashinyan" -> "Prime Minister of Armenia"
            owner = toks[i - 2].value if i >= 2 else ""
            if toks[i - 1].value in _POSSESSIVE and owner in lex.country_forms:
                role = f"{title} of {lex.country_forms[owner][0]}"
            elif i >= 1 and toks[i - 1].value in lex.adjectives:
                role = f"{toks[i - 1].value} {title}"
            role = role_after(sent, j, lex) or role
        acronym = None
        if (
            j + 2 < len(toks)
            and toks[j].value == "("
            and toks[j + 2].value == ")"
            and is_acronym(toks[j + 1].value)
        ):
            acronym = toks[j + 1].value
        first = toks[start_tok] if kind == "person" else toks[i]
        owned = kind in ("organization", "other") and owned_s(sent, toks, j)
        last = toks[j] if owned else toks[j - 1]
        cut = attributive_suffix(rest[-1]) if kind == "person" and rest else 0
        text = sent.text[first.start - sent.start : last.end - sent.start - cut]
        rest = [*rest[:-1], rest[-1][: len(rest[-1]) - cut]] if cut else rest
        if kind == "person" and title is None and "-" in text and " " not in text:
            kind = "other"  # "Nagorno-Karabakh"
        out.append(
            Mention(
                start=first.start,
                end=last.end - cut,
                text=text,
                sentence=sent.index,
                hint=kind,
                name=text,
                role=role,
                title=title,
                acronym=acronym,
                country_how=how,
                has_title=title is not None or role is not None or honorific,
                sentence_initial=start_tok == 0 or i == 0,
                tokens=rest if kind == "person" else words,
            )
        )
    return out


def _phrase_mentions(sent: Sentence, lex: Lexicon) -> list[Mention]:
    """Country adjective + org/group noun; definite descriptions; pronouns."""
    toks = sent.tokens
    out: list[Mention] = []
    for i, tok in enumerate(toks):
        low = tok.value.lower()
        if tok.value in lex.adjectives:
            for size in (3, 2, 1):
                phrase = " ".join(t.value.lower() for t in toks[i + 1 : i + 1 + size])
                if len(toks[i + 1 : i + 1 + size]) < size:
                    continue
                last = toks[i + size]
                if phrase in lex.org_nouns or phrase.split()[-1] in lex.org_nouns:
                    hint = "organization"
                elif phrase in lex.group_nouns or (size == 1 and phrase in lex.group_nouns):
                    hint = "group"
                else:
                    continue
                if any(is_cap(t.value) for t in toks[i + 1 : i + 1 + size]):
                    continue
                text = sent.text[tok.start - sent.start : last.end - sent.start]
                if size == 1 and phrase in words("state_voices"):
                    # "American officials", "Danish ministers": the state speaking
                    country = lex.adjectives[tok.value]
                    out.append(
                        Mention(
                            tok.start,
                            last.end,
                            text,
                            sent.index,
                            "country",
                            country,
                            country_how="demonym",
                        )
                    )
                    break
                out.append(Mention(tok.start, last.end, text, sent.index, hint, text))
                break
        elif low == "the" and i + 1 < len(toks) and toks[i + 1].value[:1].islower():
            nxt = toks[i + 1].value.lower()
            two = f"{nxt} {toks[i + 2].value.lower()}" if i + 2 < len(toks) else ""
            noun = two if two in lex.generic_nouns else nxt if nxt in lex.generic_nouns else None
            if noun:
                end_tok = toks[i + len(noun.split())]
                text = sent.text[tok.start - sent.start : end_tok.end - sent.start]
                out.append(Mention(tok.start, end_tok.end, text, sent.index, "generic", noun))
        elif low in ("a", "an") and body_voice(toks[i + 1 : i + 3]):
            body = toks[i + 1]  # "a police spokesman said": the police speak
            out.append(Mention(body.start, body.end, body.value, sent.index, "generic", body.lower))
        elif low in lex.person_pronouns or low in lex.plural_pronouns or low in lex.it_pronouns:
            out.append(Mention(tok.start, tok.end, tok.value, sent.index, "pronoun", low))
    return out


def find_mentions(sent: Sentence, lex: Lexicon) -> list[Mention]:
    """All mentions in a sentence, in text order, without overlaps (longest wins)."""
    found = sorted(
        refine(sent, _cap_mentions(sent, lex), lex)
        + _phrase_mentions(sent, lex)
        + collectives(sent, lex),
        key=lambda m: (m.start, -(m.end - m.start)),
    )
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        if not m.collective:
            inside = [t for t in sent.tokens if m.start <= t.start and t.end <= m.end]
            m.subject = any(t.dep in ("nsubj", "nsubjpass") for t in inside) or state_subject(
                sent, m
            )
            m.placed = placed(sent, inside)
        out.append(m)
    mark_parts(sent, out)
    return out
