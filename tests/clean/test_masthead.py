"""The masthead rule: a lone header line is the outlet only when the document's own address spells it."""

from __future__ import annotations

from dateline.clean import clean_document
from dateline.clean.dates import TextLines
from dateline.clean.masthead import find_masthead, site_hints
from dateline.model import RawDocument

PAGE = """Skip to content

Riverwatch Weekly

Home   Rivers   Oceans   About

Ferry service resumes on the upper canal after a month of repairs

Tomas Ek

The first boat left the Millgate pier at seven on Monday morning, half full and running on time.

Crews replaced two lock gates and dredged the channel below the old mill, the canal trust said.
"""


def test_hints_come_from_the_host_and_the_file_name() -> None:
    assert site_hints("https://www.riverwatchweekly.example/2025/ferry", None) == {
        "riverwatchweekly": "web address",
        "example": "web address",
    }
    hints = site_hints(None, "/data/in/07_riverwatchweekly_ferry-resumes.txt#2")
    assert hints["riverwatchweekly"] == "file name"
    assert "07" not in hints and "txt" not in hints
    assert site_hints(None, "<stdin>") == {}


def test_a_header_line_spelled_by_the_file_name_is_the_outlet() -> None:
    doc = RawDocument(source="corpus/riverwatchweekly-ferry.txt", format="text", text=PAGE)
    outlet = clean_document(doc).outlet
    assert outlet.value == "Riverwatch Weekly"
    assert "line 3" in outlet.source and "file name" in outlet.source


def test_a_header_line_spelled_by_the_web_address_is_the_outlet() -> None:
    for url in ("http://riverwatchweekly.example/x", "https://www.riverwatch-weekly.example/x"):
        found = find_masthead(TextLines.from_text(PAGE), site_hints(url, None))
        assert found is not None and found.value == "Riverwatch Weekly" and "web address" in found.source
    assert find_masthead(TextLines.from_text(PAGE), site_hints("https://www.tidewater.example/x", None)) is None


def test_no_outlet_when_the_address_spells_no_header_line() -> None:
    doc = RawDocument(source="corpus/article-0412.txt", format="text", text=PAGE)
    assert clean_document(doc).outlet.value is None


def test_a_credit_line_outranks_the_masthead() -> None:
    doc = RawDocument(source="corpus/riverwatchweekly-ferry.txt", format="text", text=PAGE + "\nSource: Reuters\n")
    assert clean_document(doc).outlet.value == "Reuters"


def test_a_sentence_in_the_header_is_not_a_masthead() -> None:
    text = "Riverwatch Weekly reports.\n\n" + PAGE.split("\n", 3)[3]
    assert find_masthead(TextLines.from_text(text), {"riverwatchweeklyreports": "file name"}) is None
