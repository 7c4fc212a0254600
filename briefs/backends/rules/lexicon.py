"""Word lists and the country gazetteer, read once from the package's data files."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Country", "Institution", "Lexicon", "lexicon"]


@dataclass(frozen=True)
class Country:
    name: str
    capital: str | None
    adjective: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Institution:
    name: str
    kind: str
    country: str | None
    role: str | None


@dataclass
class Lexicon:
    titles: list[tuple[str, ...]]  # token sequences, longest first
    role_nouns: set[str]
    org_heads: set[str]
    org_nouns: set[str]
    group_nouns: set[str]
    institutions: dict[str, Institution]
    speech_verbs: dict[str, str]
    express_objects: list[str]
    issue_cues: list[str]
    future_cues: list[str]
    boilerplate: list[str]
    stop_caps: set[str]
    geo_words: set[str]
    person_pronouns: set[str]
    plural_pronouns: set[str]
    it_pronouns: set[str]
    generic_nouns: set[str]
    document_heads: set[str] = field(default_factory=set)
    party_words: set[str] = field(default_factory=set)
    famous_capitals: set[str] = field(default_factory=set)  # countries whose capital
    # is a common metonym even when the country is not named ("Moscow", "Beijing")
    role_words: set[str] = field(default_factory=set)
    title_heads: set[str] = field(default_factory=set)
    countries: dict[str, Country] = field(default_factory=dict)
    # surface form -> (country name, how it names the country)
    country_forms: dict[str, tuple[str, str]] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)

    def institution(self, name: str, parts: list[str]) -> Institution | None:
        """The institution a name (of words ``parts``) names: the whole name, else the
        longest ending of it that is one ("the Welsh Liberal Democrats": the Liberal
        Democrats).

        >>> lexicon().institution("Welsh Liberal Democrats", ["Welsh", "Liberal", "Democrats"]).name
        'Liberal Democrats'
        """
        parts = parts or name.split()
        for k in range(len(parts)):
            found = self.institutions.get(name if k == 0 else " ".join(parts[k:]))
            if found is not None:
                return found
        return None


def _load(name: str) -> Any:
    data = resources.files("briefs.backends.rules").joinpath("data").joinpath(name)
    return json.loads(data.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = _load("wordbook.json")
    titles = sorted({tuple(t.split()) for t in raw["titles"]}, key=len, reverse=True)
    lex = Lexicon(
        titles=titles,
        role_nouns={r.lower() for r in raw["role_nouns"]},
        org_heads=set(raw["org_heads"]),
        org_nouns={o.lower() for o in raw["org_nouns"]},
        group_nouns={g.lower() for g in raw["group_nouns"]},
        institutions={k: Institution(**v) for k, v in raw["institutions"].items()},
        speech_verbs=raw["speech_verbs"],
        express_objects=raw["express_objects"],
        issue_cues=raw["issue_cues"],
        future_cues=raw["future_cues"],
        boilerplate=raw["boilerplate_patterns"],
        stop_caps=set(raw["stop_caps"]),
        geo_words=set(raw["geo_words"]),
        person_pronouns=set(raw["person_pronouns"]),
        plural_pronouns=set(raw["plural_pronouns"]),
        it_pronouns=set(raw["it_pronouns"]),
        generic_nouns=set(raw["generic_nouns"]),
    )
    lex.famous_capitals = set(raw["metonym_capital_countries"])
    lex.document_heads = set(raw["document_heads"])
    lex.party_words = set(raw["party_words"])
    lex.title_heads = {t[-1].rstrip(".") for t in titles}
    lex.role_words = {w for r in lex.role_nouns for w in r.split()} | {
        w.lower() for t in titles for w in t
    }
    extra = raw["country_extra_aliases"]
    for row in _load("countries.json"):
        aliases = tuple(row["aliases"]) + tuple(extra.get(row["name"], ()))
        country = Country(row["name"], row["capital"], row["adjective"], aliases)
        lex.countries[country.name] = country
        forms: list[tuple[str, str]] = [(country.name, "name")]
        forms += [(a, "alias") for a in aliases]
        if row["demonym_plural"]:
            forms.append((row["demonym_plural"], "demonym"))
        if country.capital:
            forms.append((country.capital, "capital"))
        for form, how in forms:
            lex.country_forms.setdefault(form, (country.name, how))
        if country.adjective:
            # an adjective several countries share ("American": the US, American Samoa,
            # the Northern Mariana Islands) names the one whose capital is well known
            known = lex.adjectives.get(country.adjective)
            if known is None or (
                country.name in lex.famous_capitals and known not in lex.famous_capitals
            ):
                lex.adjectives[country.adjective] = country.name
    return lex
