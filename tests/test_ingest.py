from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from briefs.errors import (
    BinaryInput,
    DecodingError,
    EmptyInput,
    InputError,
    InputTooLarge,
    MalformedRecord,
    UnsupportedFormat,
)
from briefs.ingest import article_from_text, iter_articles, read_path
from briefs.ingest.decode import decode_bytes
from briefs.ingest.normalize import normalize_text
from briefs.schema import Article


def one(path: Path, **kw) -> Article | InputError:
    items = list(read_path(path, **kw))
    assert len(items) == 1
    return items[0]


def test_seed_inline_date_header(seed_path):
    article = one(seed_path)
    assert isinstance(article, Article)
    assert article.id == "000_69c10cbc4915efea"
    assert article.date == "2023-11-07"
    assert article.text.startswith("In a recent interview")
    assert "date 2023" not in article.text
    assert article.title  # derived from the first sentence


def test_title_line_then_date_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Port strike deepens\ndate 2024-03-19\n\nWorkers walked out on Monday.\n")
    a = one(p)
    assert (a.title, a.date, a.text) == (
        "Port strike deepens",
        "2024-03-19",
        "Workers walked out on Monday.",
    )


def test_markdown_front_matter(tmp_path):
    p = tmp_path / "b.md"
    p.write_text(
        '---\ntitle: "Board rejects bid"\ndate: 2023-09-14\n---\n'
        "# Board rejects bid\n\nThe board said no.\n\n## Reaction\n\nShares fell.\n"
    )
    a = one(p)
    assert a.title == "Board rejects bid"
    assert a.date == "2023-09-14"
    assert a.text == "The board said no.\n\nReaction\n\nShares fell."


def test_html_main_text_and_metadata(seeds_dir):
    a = one(seeds_dir / "004_vaccine_policy.html")
    assert isinstance(a, Article)
    assert a.date == "2025-02-04"
    assert a.title and "measles" in a.title.lower()
    assert "<" not in a.text and "cookie" not in a.text.lower()
    assert "function" not in a.text  # no script


def test_html_with_only_script_and_style(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text(
        "<html><head><script>var a=1;</script><style>p{}</style></head><body></body></html>"
    )
    assert isinstance(one(p), EmptyInput)


def test_json_and_jsonl_records(tmp_path):
    (tmp_path / "one.json").write_text(
        json.dumps(
            {"id": "r1", "title": "T", "date": "2024-01-02T10:00:00Z", "text": "Body one here."}
        )
    )
    (tmp_path / "many.jsonl").write_text(
        json.dumps({"id": "r2", "text": "Body two."})
        + "\n"
        + "{broken\n"
        + json.dumps({"text": "No id here."})
        + "\n"
    )
    items = list(iter_articles([tmp_path]))
    good = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [a.id for a in good] == ["many-3", "r2", "r1"] or sorted(a.id for a in good) == [
        "many-3",
        "r1",
        "r2",
    ]
    assert {a.id: a.date for a in good}["r1"] == "2024-01-02"
    assert len(bad) == 1 and isinstance(bad[0], MalformedRecord)
    assert bad[0].source.endswith("many.jsonl:2")


def test_jsonl_seed_ids(seeds_dir):
    ids = [a.id for a in read_path(seeds_dir / "wire_feed.jsonl")]
    assert ids == ["012_ai_act_fines", "013_energy_price_cap", "014_university_strike"]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInput),
        (b"   \n\t \n", EmptyInput),
        (b"abc\x00\x01def", BinaryInput),
        (b"caf\x81 \x8d", DecodingError),
    ],
)
def test_bad_bytes(tmp_path, data, error):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    result = one(p)
    assert isinstance(result, error)
    assert str(result).startswith(str(p) + ": ")
    assert "\n" not in str(result)


def test_decoding_variants():
    text = "Café “quoted”"
    assert decode_bytes(codecs.BOM_UTF8 + text.encode(), "x")[0] == text
    assert decode_bytes(text.encode("utf-16"), "x")[0] == text
    assert decode_bytes("£5".encode("cp1252"), "x") == ("£5", "cp1252")


def test_unsupported_extension(tmp_path):
    p = tmp_path / "a.pdf"
    p.write_bytes(b"%PDF")
    assert isinstance(one(p), UnsupportedFormat)


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 1_100_000)  # about 5.5 MB
    result = one(p)
    assert isinstance(result, InputTooLarge)
    assert "limit" in str(result)


def test_missing_path():
    items = list(iter_articles(["/nonexistent/briefs-test"]))
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_symlink_loop_terminates(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nSome body text here.")
    (tmp_path / "loop").symlink_to(tmp_path)
    items = list(iter_articles([tmp_path]))
    assert sum(isinstance(i, Article) for i in items) >= 1
    assert any(isinstance(i, InputError) and "loop" in str(i) for i in items)


def test_normalize_whitespace():
    raw = "A\u00a0 b\t\tc \r\n\r\n\r\n\r\nd  \n"
    assert normalize_text(raw) == "A b c\n\nd"


def test_article_from_text_reads_headers():
    a = article_from_text("date 2023-11-07 Body of the article.", id="x")
    assert a.date == "2023-11-07" and a.text == "Body of the article."


def test_front_matter_is_read_as_yaml(tmp_path):
    p = tmp_path / "c.md"
    p.write_text(
        "---\nTitle: 'Talks: a deal at last'\ndate: 2024-06-13T10:00:00Z\n"
        "tags:\n  - climate\n  - talks\n---\nThe talks ended.\n"
    )
    a = one(p)
    assert a.title == "Talks: a deal at last"  # quoted YAML keeps its colon
    assert a.date == "2024-06-13"
    assert a.text == "The talks ended."
    bad = tmp_path / "d.md"
    bad.write_text("---\ntitle: [unclosed\n---\nBody text here.\n")
    b = one(bad)
    assert "unclosed" not in (b.title or "") and b.text == "Body text here."
