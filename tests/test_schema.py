from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from briefs.schema import Actor, Brief, Evidence, brief_json_schema


def test_json_schema_has_contract_fields():
    schema = brief_json_schema()
    props = schema["properties"]
    for name in ("id", "title", "date", "summary", "actors", "positions", "open_issues", "meta"):
        assert name in props
    defs = schema["$defs"]
    assert set(defs["Actor"]["properties"]) >= {"name", "kind", "role", "aliases", "evidence"}
    assert set(defs["Position"]["properties"]) >= {"actor", "stance", "evidence"}
    assert set(defs["OpenIssue"]["properties"]) >= {"issue", "actors", "evidence"}
    meta = set(defs["BriefMeta"]["properties"])
    assert meta >= {
        "backend",
        "model",
        "prompt_version",
        "attempts",
        "tokens_in",
        "tokens_out",
        "cost_usd",
        "cached",
        "fallback_reason",
        "duration_ms",
        "source_sha256",
        "warnings",
    }


def test_every_reference_loads(references):
    assert "000_69c10cbc4915efea" in references
    for ref in references.values():
        names = {a.name for a in ref.actors}
        assert all(p.actor in names for p in ref.positions)


def test_kind_is_restricted():
    with pytest.raises(ValidationError):
        Actor(name="X", kind="planet")


def test_date_format_is_checked():
    with pytest.raises(ValidationError):
        Brief(id="a", summary="s", date="7 Nov 2023")


def test_extra_fields_in_references_are_ignored():
    data = {
        "id": "x",
        "summary": "s",
        "custom": 1,
        "actors": [{"name": "A", "kind": "person", "salience": "primary", "note": "n"}],
    }
    brief = Brief.model_validate(data)
    assert brief.actors[0].salience == "primary"


def test_evidence_keeps_whitespace():
    assert Evidence(quote=" a ", start=0, end=3).quote == " a "


def test_round_trip(seed_briefs):
    _, brief = seed_briefs["000_69c10cbc4915efea"]
    again = Brief.model_validate(json.loads(brief.model_dump_json()))
    assert again == brief


def test_one_provenance_record_feeds_the_meta_and_the_manifest():
    from dataclasses import asdict

    from briefs.manifest import ManifestEntry
    from briefs.schema import BriefMeta, Provenance

    assert issubclass(BriefMeta, Provenance)
    meta = BriefMeta(
        backend="openai",
        retries=2,
        tokens_in=30,
        tokens_out=40,
        cost_usd=0.5,
        fallback_reason="openai failed",
        cache_key="k",
        cached=True,
    )
    entry = ManifestEntry("a", "a.txt", "ok")
    entry.record(meta)
    row = asdict(entry)
    assert list(row) == [  # the manifest.json entry, as documented
        "id",
        "source",
        "status",
        "error",
        "outputs",
        "backend",
        "duration_ms",
        "cached",
        "resumed",
        "fallback",
        "retries",
        "tokens_in",
        "tokens_out",
        "cost_usd",
        "cache_key",
    ]
    assert (row["backend"], row["retries"], row["tokens_in"], row["tokens_out"]) == (
        "openai",
        2,
        30,
        40,
    )
    assert row["cost_usd"] == 0.5 and row["fallback"] is True and row["cache_key"] == "k"
    assert list(BriefMeta.model_fields)[-2:] == ["schema_version", "warnings"]
