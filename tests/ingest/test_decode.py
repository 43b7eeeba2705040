"""Tests for decoding bytes into text: BOMs, UTF-8, charset detection, fallbacks and binary refusal."""

from __future__ import annotations

import codecs
import random

import pytest

from dateline.ingest.decode import BinaryContent, binary_reason, decode_bytes, normalize_newlines

FRENCH = "Le conseil municipal de Vérane a voté à l'unanimité le budget du port, déjà reporté deux fois.\n"
RUSSIAN = (
    "Городской совет Верана единогласно утвердил бюджет порта, который уже дважды откладывали. "
    "Председатель совета заявил журналистам, что работы начнутся весной.\n"
)


def test_utf8_is_read_as_utf8() -> None:
    text, encoding = decode_bytes(FRENCH.encode("utf-8"))
    assert (text, encoding) == (FRENCH, "utf-8")


def test_utf8_bom_is_removed_and_recorded() -> None:
    text, encoding = decode_bytes(codecs.BOM_UTF8 + FRENCH.encode("utf-8"))
    assert text == FRENCH
    assert encoding == "utf-8-sig"


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_utf16_and_utf32_boms(bom: bytes, codec: str, name: str) -> None:
    text, encoding = decode_bytes(bom + FRENCH.encode(codec))
    assert text == FRENCH
    assert encoding == name


def test_utf16_without_bom_is_recognised_not_refused_for_its_nuls() -> None:
    text, encoding = decode_bytes("Plain ASCII words in UTF-16 without a mark.\n".encode("utf-16-le"))
    assert text == "Plain ASCII words in UTF-16 without a mark.\n"
    assert encoding == "utf-16-le"


def test_latin1_falls_back_to_cp1252() -> None:
    text, encoding = decode_bytes("Café crème à côté, señor.\n".encode("latin-1"))
    assert text == "Café crème à côté, señor.\n"
    assert encoding == "cp1252"


def test_short_cp1252_with_curly_quotes_is_not_taken_for_another_code_page() -> None:
    original = "He said \u201cnot yet\u201d \u2014 a na\u00efve r\u00e9sum\u00e9.\n"
    text, encoding = decode_bytes(original.encode("cp1252"))
    assert text == original
    assert encoding == "cp1252"


@pytest.mark.parametrize(
    ("original", "codec", "name"),
    [
        ("Rada miasta powiedziała, że żółta łódź wróci w przyszłym tygodniu.\n", "cp1250", "cp1250"),
        ("Belediye başkanı, şehir meclisinin gelecek hafta toplanacağını söyledi.\n", "cp1254", "cp1254"),
        (
            "The council\u2019s \u2018harbor plan\u2019 \u2013 approved, caf\u00e9 owners said.\n",
            "mac_roman",
            "mac-roman",
        ),
        ("El alcalde añadió: ¿cuándo llegará el ferry? Mañana, según el acuerdo.\n", "cp1252", "cp1252"),
    ],
)
def test_latin_code_pages_are_told_apart(original: str, codec: str, name: str) -> None:
    text, encoding = decode_bytes(original.encode(codec))
    assert text == original
    assert encoding == name


def test_cyrillic_code_page_is_detected() -> None:
    text, encoding = decode_bytes(RUSSIAN.encode("cp1251"))
    assert text == RUSSIAN
    assert encoding == "cp1251"


def test_declared_charset_is_used_when_utf8_fails() -> None:
    markup = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир</p></body></html>'
    text, encoding = decode_bytes(markup.encode("cp1251"))
    assert "Привет, мир" in text
    assert encoding == "cp1251"


def test_container_declared_charset_wins_over_detection() -> None:
    text, encoding = decode_bytes("Grüße aus Köln\n".encode("iso-8859-15"), declared="ISO-8859-15")
    assert text == "Grüße aus Köln\n"
    assert encoding == "iso8859-15"


def test_newlines_are_normalised_and_nothing_else() -> None:
    raw = "line one\r\nline  two\t\rline three  \n\n"
    assert normalize_newlines(raw) == "line one\nline  two\t\nline three  \n\n"
    assert decode_bytes(raw.encode())[0] == "line one\nline  two\t\nline three  \n\n"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive or Office document"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF executable"),
    ],
)
def test_known_binary_formats_are_named(head: bytes, kind: str) -> None:
    assert binary_reason(head + b"\x00" * 32) == kind
    with pytest.raises(BinaryContent, match=kind):
        decode_bytes(head + b"\x00" * 32)


def test_random_bytes_are_binary() -> None:
    noise = random.Random(7).randbytes(4096)
    with pytest.raises(BinaryContent):
        decode_bytes(noise)


def test_control_characters_without_nuls_are_binary() -> None:
    data = bytes(random.Random(3).choice(range(1, 9)) for _ in range(500)) + b"some words"
    with pytest.raises(BinaryContent, match="control characters"):
        decode_bytes(data)


def test_a_few_form_feeds_and_tabs_are_still_text() -> None:
    text, _ = decode_bytes(b"Page one\tend\n\x0cPage two\n")
    assert text == "Page one\tend\n\x0cPage two\n"
