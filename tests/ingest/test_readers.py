"""Tests for the readers of each format: the documents, their fields, and the errors for bad input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest import read_bytes, read_file, read_stream
from dateline.ingest.streams import HEAD_BYTES, GunzipReader, InputRefused, read_up_to
from dateline.model import IngestError, RawDocument

STORY = (
    "Harbor ferry resumes service after storm\n\n"
    "The Marlow Bay ferry returned to its usual route on Monday, three days after a storm closed the pier.\n"
    '"We are glad to be sailing again," captain Ines Faro said.\n'
)
PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Ferry resumes</title>"
    '<link rel="canonical" href="https://news.example.org/ferry-resumes">'
    '<meta property="og:url" content="https://news.example.org/og-ferry">'
    "</head><body><article><h1>Ferry resumes</h1><p>The ferry returned on Monday.</p>"
    "<script>alert('x')</script></article></body></html>"
)


def docs(items: list[RawDocument | IngestError]) -> list[RawDocument]:
    """Return the documents of a reader's output."""
    return [item for item in items if isinstance(item, RawDocument)]


def errors(items: list[RawDocument | IngestError]) -> list[IngestError]:
    """Return the errors of a reader's output."""
    return [item for item in items if isinstance(item, IngestError)]


# --- text and HTML ----------------------------------------------------------------------------------


def test_text_file_is_one_text_document(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_bytes(STORY.replace("\n", "\r\n").encode())
    [doc] = list(read_file(path))
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.format, doc.is_html, doc.encoding) == (str(path), "text", False, "utf-8")
    assert doc.text == STORY


def test_html_named_txt_is_html_with_canonical_url(tmp_path: Path) -> None:
    path = tmp_path / "saved-page.txt"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(read_file(path))
    assert isinstance(doc, RawDocument)
    assert doc.format == "html" and doc.is_html
    assert doc.text == PAGE
    assert doc.url == "https://news.example.org/ferry-resumes"


def test_og_url_is_used_without_canonical_link() -> None:
    page = PAGE.replace('<link rel="canonical" href="https://news.example.org/ferry-resumes">', "")
    [doc] = list(read_bytes(page.encode(), "page.html"))
    assert isinstance(doc, RawDocument)
    assert doc.url == "https://news.example.org/og-ferry"


def test_truncated_html_is_still_a_document() -> None:
    cut = "<html><head><title>Ferry</title></head><body><p>The ferry returned on Mon"
    [doc] = list(read_bytes(cut.encode(), "cut.html"))
    assert isinstance(doc, RawDocument)
    assert doc.is_html and doc.text == cut


def test_xhtml_with_xml_declaration_and_latin1_meta() -> None:
    page = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n'
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>'
        '<link rel="canonical" href="https://news.example.org/caf"/></head>'
        "<body><p>Un café à Vérane.</p></body></html>"
    )
    [doc] = list(read_bytes(page.encode("latin-1"), "page.xhtml"))
    assert isinstance(doc, RawDocument)
    assert doc.is_html and "Un café à Vérane." in doc.text
    assert doc.url == "https://news.example.org/caf"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Un café à Vérane, señor.\n".encode("latin-1"), "cp1252"),
        (b"\xef\xbb\xbf" + "Un café à Vérane.\n".encode(), "utf-8-sig"),
        ("\ufeffUn café à Vérane.\n".encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_encodings_are_decoded_and_recorded(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "encoded.txt"
    path.write_bytes(data)
    [doc] = list(read_file(path))
    assert isinstance(doc, RawDocument)
    assert doc.encoding == encoding
    assert doc.text.startswith("Un café à Vérane")
    assert "\ufeff" not in doc.text


@pytest.mark.parametrize("content", [b"", b"   \n\t \r\n", "  \n".encode("utf-16")])
def test_empty_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert list(read_file(path)) == [IngestError(str(path), "empty file")]


def test_png_is_refused_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert list(read_file(path)) == [IngestError(str(path), "binary file (PNG image), not an article")]


def test_random_bytes_with_nuls_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.dat"
    path.write_bytes(bytes((i * 37 + 11) % 256 for i in range(5000)))
    [error] = list(read_file(path))
    assert isinstance(error, IngestError)
    assert error.reason.startswith("binary file (") and error.reason.endswith("not an article")


def test_file_over_the_size_limit_is_refused_with_size_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 1000)
    [error] = list(read_file(path, max_bytes=1000))
    assert error == IngestError(str(path), "file is 4.9 KB, over the limit of 1000 bytes")
    [doc] = list(read_file(path, max_bytes=10_000))
    assert isinstance(doc, RawDocument)


def test_size_limit_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 100)
    monkeypatch.setenv("DATELINE_MAX_DOC_BYTES", "200")
    [error] = list(read_file(path))
    assert isinstance(error, IngestError) and "over the limit of 200 bytes" in error.reason


def test_oversized_document_is_refused_without_being_read_whole() -> None:
    class CountingStream(io.BytesIO):
        def __init__(self, data: bytes) -> None:
            super().__init__(data)
            self.bytes_read = 0

        def read(self, size: int | None = -1, /) -> bytes:
            chunk = super().read(size)
            self.bytes_read += len(chunk)
            return chunk

    stream = CountingStream(b"word " * 200_000)
    [error] = list(read_stream(stream, "big.txt", size=1_000_000, max_bytes=5000))
    assert isinstance(error, IngestError) and "976.6 KB, over the limit of 4.9 KB" in error.reason
    assert stream.bytes_read <= HEAD_BYTES


def test_gzipped_text_over_the_limit_is_refused() -> None:
    bomb = gzip.compress(b"a" * 200_000)
    [error] = list(read_bytes(bomb, "story.txt.gz", max_bytes=10_000))
    assert isinstance(error, IngestError) and "over the limit" in error.reason


def test_gunzip_stops_at_its_cap() -> None:
    reader = GunzipReader(io.BytesIO(gzip.compress(b"x" * 5_000_000)), max_bytes=1_000_000)
    with pytest.raises(InputRefused, match="gzip bomb"):
        read_up_to(reader, 10_000_000)


def test_gunzip_reads_several_members_and_flags_truncation() -> None:
    data = gzip.compress(b"first member\n") + gzip.compress(b"second member\n")
    reader = GunzipReader(io.BytesIO(data))
    assert read_up_to(reader, 1000) == b"first member\nsecond member\n"
    assert not reader.truncated
    cut = GunzipReader(io.BytesIO(data[:-6]))
    read_up_to(cut, 1000)
    assert cut.truncated


# --- JSON and JSON Lines -----------------------------------------------------------------------------

NEWS_PLEASE = {
    "title": "Ferry resumes service",
    "maintext": STORY,
    "date_publish": "2025-03-10 08:15:00",
    "authors": ["Ines Faro", "Tom Lark"],
    "source_domain": "news.example.org",
    "url": "https://news.example.org/ferry",
    "language": "en",
}


def test_jsonl_named_dat_gives_one_document_per_line_with_fields(tmp_path: Path) -> None:
    other = {
        "headline": "Pier reopens",
        "content": "<p>The pier reopened.</p><p>Crowds came.</p>",
        "published": "2025-03-11T09:00:00+01:00",
        "publisher": {"name": "Marlow Gazette"},
        "author": "Ana Ruiz",
        "id": "mg-42",
        "lang": "es",
    }
    path = tmp_path / "export.dat"
    path.write_text(json.dumps(NEWS_PLEASE) + "\n\n" + json.dumps(other) + "\n")
    first, second = list(read_file(path))
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.source, first.format, first.is_html) == (f"{path}#1", "json", False)
    assert first.text == STORY
    assert first.url == "https://news.example.org/ferry"
    assert first.fields == {
        "title": "Ferry resumes service",
        "date": "2025-03-10 08:15:00",
        "outlet": "news.example.org",
        "author": "Ines Faro, Tom Lark",
        "language": "en",
    }
    assert first.field_sources == {
        "title": "json:title",
        "date": "json:date_publish",
        "outlet": "json:source_domain",
        "author": "json:authors",
        "language": "json:language",
    }
    assert second.source == f"{path}#3"
    assert second.is_html
    assert second.fields == {
        "title": "Pier reopens",
        "date": "2025-03-11T09:00:00+01:00",
        "outlet": "Marlow Gazette",
        "author": "Ana Ruiz",
        "id": "mg-42",
        "language": "es",
    }
    assert second.field_sources["outlet"] == "json:publisher"
    assert second.field_sources["language"] == "json:lang"


def test_truncated_and_textless_lines_are_errors_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = json.dumps({"text": "The ferry sailed."})
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        f'{good}\n{{"text": "The ferry sa\n{good}\n{{"title": "No body"}}\n{{"text": "   "}}\n{good}'
    )
    items = list(read_file(path))
    assert [doc.source for doc in docs(items)] == [f"{path}#1", f"{path}#3", f"{path}#6"]
    broken, textless, blank = errors(items)
    assert broken.source == f"{path}#2" and broken.reason.startswith("invalid JSON: ")
    assert textless.source == f"{path}#4"
    assert textless.reason.startswith("record has no text (looked for text, maintext, content")
    assert blank.source == f"{path}#5"


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl.gz"
    lines = "".join(json.dumps({"text": f"Story number {n}."}) + "\n" for n in range(1, 4))
    path.write_bytes(gzip.compress(lines.encode()))
    items = list(read_file(path))
    assert [doc.text for doc in docs(items)] == ["Story number 1.", "Story number 2.", "Story number 3."]
    assert [doc.source for doc in docs(items)] == [f"{path}#{n}" for n in range(1, 4)]
    assert not errors(items)


def test_truncated_gzip_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"Story {n} " + "words " * 50}) + "\n" for n in range(200))
    data = gzip.compress(lines.encode())
    items = list(read_bytes(data[: len(data) // 2], "export.jsonl.gz"))
    assert 0 < len(docs(items)) < 200
    assert "truncated" in errors(items)[-1].reason


def test_utf16_jsonl_is_read_line_by_line() -> None:
    lines = (
        json.dumps({"text": "Grüße aus Köln."}, ensure_ascii=False) + "\r\n" + json.dumps({"text": "Two."})
    )
    items = list(read_bytes(("\ufeff" + lines + "\r\n").encode("utf-16-le"), "export.jsonl"))
    assert [(doc.source, doc.text, doc.encoding) for doc in docs(items)] == [
        ("export.jsonl#1", "Grüße aus Köln.", "utf-16-le"),
        ("export.jsonl#2", "Two.", "utf-16-le"),
    ]


def test_json_array_gives_numbered_records(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text(
        json.dumps([{"text": "First story."}, {"body": "Second story.", "time": 1741594500}], indent=2)
    )
    first, second = list(read_file(path))
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.source, second.source) == (f"{path}#1", f"{path}#2")
    assert second.fields == {"date": "2025-03-10T08:15:00+00:00"}
    assert second.field_sources == {"date": "json:time"}


def test_json_object_wrapping_articles() -> None:
    data = json.dumps({"status": "ok", "articles": [{"content": "One."}, {"content": "Two."}]}).encode()
    items = list(read_bytes(data, "api.json"))
    assert [(doc.source, doc.text) for doc in docs(items)] == [("api.json#1", "One."), ("api.json#2", "Two.")]


def test_invalid_json_document_is_an_error() -> None:
    [error] = list(read_bytes(b'{\n  "title": "Ferry",\n  "text": "The ferry', "cut.json"))
    assert isinstance(error, IngestError)
    assert error.source == "cut.json" and error.reason.startswith("invalid JSON: ")


def test_over_long_jsonl_line_is_skipped_and_the_next_is_read() -> None:
    data = (json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "short"}) + "\n").encode()
    items = list(read_bytes(data, "big.jsonl", max_bytes=100))
    assert [doc.text for doc in docs(items)] == ["short"]
    assert errors(items)[0].source == "big.jsonl#1" and "over the limit" in errors(items)[0].reason


# --- feeds -------------------------------------------------------------------------------------------

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Marlow Gazette</title>
  <entry>
    <title>Ferry resumes service</title>
    <link href="https://gazette.example.org/ferry"/>
    <id>urn:gazette:1</id>
    <published>2025-03-10T23:30:00+02:00</published>
    <author><name>Ines Faro</name></author>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;The ferry returned.&lt;/p&gt;
      &lt;script&gt;steal()&lt;/script&gt;&lt;p&gt;More.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Pier reopens</title>
    <link href="https://gazette.example.org/pier"/>
    <updated>2025-03-11T08:00:00Z</updated>
    <summary>The pier reopened on Tuesday.</summary>
  </entry>
</feed>
"""


def test_feed_with_two_entries(tmp_path: Path) -> None:
    path = tmp_path / "gazette.txt"
    path.write_text(ATOM)
    first, second = list(read_file(path))
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.source, first.format, first.is_html) == (f"{path}#1", "feed", True)
    assert "The ferry returned." in first.text and "Short summary" not in first.text
    assert "<script" not in first.text and "steal()" not in first.text
    assert first.url == "https://gazette.example.org/ferry"
    assert first.fields == {
        "title": "Ferry resumes service",
        "author": "Ines Faro",
        "outlet": "Marlow Gazette",
        "id": "urn:gazette:1",
        "date": "2025-03-10T23:30:00+02:00",
    }
    assert first.field_sources["date"] == "feed:published"
    assert first.field_sources["outlet"] == "feed:feed.title"
    assert second.text == "The pier reopened on Tuesday." and not second.is_html
    assert second.fields["date"] == "2025-03-11T08:00:00+00:00"
    assert second.field_sources["date"] == "feed:updated"


def test_rss_dates_keep_their_offset() -> None:
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Bay Radio</title><item><title>T</title>'
        "<link>https://radio.example.org/a</link><pubDate>Mon, 10 Mar 2025 23:30:00 +0200</pubDate>"
        "<description>The ferry returned.</description></item></channel></rss>"
    )
    [doc] = list(read_bytes(rss.encode(), "radio.rss"))
    assert isinstance(doc, RawDocument)
    assert doc.fields["date"] == "2025-03-10T23:30:00+02:00"
    assert doc.fields["outlet"] == "Bay Radio"


def test_feed_without_entries_is_an_error() -> None:
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    [error] = list(read_bytes(empty, "quiet.xml"))
    assert isinstance(error, IngestError) and error.reason.startswith("feed has no entries")


def test_feed_entities_are_not_expanded() -> None:
    laughs = "".join(
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' if n else '<!ENTITY l0 "ha">' for n in range(10)
    )
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{laughs}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<rss version="2.0"><channel><title>T</title><item><title>&l9;</title>'
        "<description>before &xxe; after &l9;</description></item></channel></rss>"
    )
    items = list(read_bytes(feed.encode(), "laughs.xml"))
    assert len(items) == 1
    text = items[0].text if isinstance(items[0], RawDocument) else ""
    assert "hahaha" not in text and "root:" not in text


# --- WARC --------------------------------------------------------------------------------------------


def warc_bytes(compress: bool) -> bytes:
    """Write a small WARC: an HTML page, an image, a request, a 404, and a plain-text page."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)

    def response(url: str, status: str, content_type: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2025-03-12T10:00:00Z"},
        )
        writer.write_record(record)

    page = "<html><head><title>Ferry</title></head><body><p>Le café du port rouvre.</p></body></html>"
    response(
        "https://gazette.example.org/ferry", "200 OK", "text/html; charset=iso-8859-1", page.encode("latin-1")
    )
    response("https://gazette.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    request = writer.create_warc_record(
        "https://gazette.example.org/ferry", "request", payload=io.BytesIO(b"GET /ferry HTTP/1.1\r\n\r\n")
    )
    writer.write_record(request)
    response(
        "https://gazette.example.org/gone", "404 Not Found", "text/html", b"<html><body>Gone</body></html>"
    )
    response(
        "https://gazette.example.org/wire.txt", "200 OK", "text/plain", b"Wire copy: the pier reopened.\n"
    )
    return buffer.getvalue()


@pytest.mark.parametrize("compress", [False, True])
def test_warc_keeps_html_and_text_responses(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.bin")
    path.write_bytes(warc_bytes(compress))
    items = list(read_file(path))
    assert not errors(items)
    page, wire = docs(items)
    assert (page.source, page.format, page.is_html) == (f"{path}#1", "warc", True)
    assert "Le café du port rouvre." in page.text and page.encoding == "cp1252"
    assert page.url == "https://gazette.example.org/ferry"
    assert page.fields == {"crawled": "2025-03-12T10:00:00Z"}
    assert page.field_sources == {"crawled": "warc:WARC-Date"}
    assert "date" not in page.fields
    assert (wire.source, wire.is_html, wire.text) == (f"{path}#5", False, "Wire copy: the pier reopened.\n")


def test_truncated_warc_keeps_the_records_before_the_break() -> None:
    data = warc_bytes(False)
    cut = data[: data.rindex(b"Wire copy") + 4]
    items = list(read_bytes(cut, "crawl.warc"))
    assert [doc.source for doc in docs(items)] == ["crawl.warc#1"]
    [error] = errors(items)
    assert error.source == "crawl.warc#5" and "truncated" in error.reason


def test_warc_cut_inside_a_record_header() -> None:
    data = warc_bytes(False)
    cut = data[: data.rindex(b"WARC/1") + 30]
    items = list(read_bytes(cut, "crawl.warc"))
    assert [doc.source for doc in docs(items)] == ["crawl.warc#1"]
    [error] = errors(items)
    assert error.source == "crawl.warc#5" and "WARC record header" in error.reason


def test_truncated_gzipped_warc_keeps_the_records_before_the_break() -> None:
    data = warc_bytes(True)
    items = list(read_bytes(data[: len(data) - 40], "crawl.warc.gz"))
    assert [doc.source for doc in docs(items)] == ["crawl.warc.gz#1"]
    assert errors(items) and "truncated" in errors(items)[-1].reason
