"""Tests for choosing the reader from content first and the file name second."""

from __future__ import annotations

import json

import pytest

from dateline.ingest.detect import detect_format

PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Ferry news</title></head>"
    "<body><p>The ferry sailed.</p></body></html>"
)
RECORD = json.dumps({"title": "Ferry", "text": "The ferry sailed at noon."})


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (PAGE, "story.txt", "html"),
        ("<div class='story'><p>The ferry sailed.</p><p>It was late.</p></div>", "story.dat", "html"),
        ("\n\n  <!-- saved page -->\n<html lang='en'><body>Ferry</body></html>", "", "html"),
        (f"{RECORD}\n{RECORD}\n", "records.dat", "jsonl"),
        (f"{RECORD}\n", "one.json", "jsonl"),
        ('{"title": "broken\n' + RECORD + "\n", "records.dat", "jsonl"),
        (json.dumps([{"text": "a"}, {"text": "b"}], indent=2), "list.txt", "json"),
        (json.dumps({"title": "Ferry", "text": "x"}, indent=2), "record.txt", "json"),
        ('{"articles": [\n  {"text": "a"},\n  {"text": "b"}\n]}\n', "api.jsonl", "json"),
        ('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "feed.txt", "feed"),
        ('<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title></feed>', "atom.dat", "feed"),
        (
            '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
            "",
            "feed",
        ),
        (
            '<?xml version="1.0"?>\n<urlset><url><loc>https://example.org/</loc></url></urlset>',
            "map.xml",
            "xml",
        ),
        ("[Wire] The ferry sailed at noon.\nMore text.", "wire.json", "text"),
        ("The ferry sailed at noon, officials said.\n", "story.html", "text"),
        ("The ferry sailed at <b>noon</b>.\n", "story.html", "html"),
        ("{ this is not json", "broken.json", "jsonl"),
        ("The ferry sailed. Crew of {12} on board.\n", "story.txt", "text"),
        ("[1] The ferry sailed at noon.\n", "notes.txt", "text"),
        ('{"text": "one\u2028two"}\n{"text": "three"}\n', "lines.txt", "jsonl"),
        ('[["2025-03-10", ["one"]]]\n[["2025-03-11", ["two"]]]\n', "lines.txt", "jsonl"),
        ('[{"text": "one"},\n{"text": "two"}]\n', "list.txt", "json"),
    ],
)
def test_format_is_chosen_by_content_then_name(content: str, name: str, expected: str) -> None:
    assert detect_format(content.encode("utf-8"), name) == expected


def test_one_line_json_file_is_read_whole_but_a_long_first_line_streams() -> None:
    wrapper = json.dumps({"articles": [{"text": "a"}, {"text": "b"}]}).encode()
    assert detect_format(wrapper, "api.json", whole=True) == "json"
    assert detect_format(wrapper, "api.json", whole=False) == "jsonl"


def test_warc_magic_wins_over_any_name() -> None:
    assert detect_format(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "notes.txt") == "warc"


def test_utf16_html_is_recognised() -> None:
    assert detect_format("\ufeff".encode("utf-16-le") + PAGE.encode("utf-16-le"), "page.txt") == "html"
