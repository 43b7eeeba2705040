"""Turn the bytes of a document into text: BOMs, UTF-8, charset detection, and binary rejection.

The order is fixed and cheap first: a byte-order mark decides; else strict UTF-8 (most of the web);
else a charset the document declares (HTTP header, ``<meta charset>``); else charset-normalizer,
trusted only when its guess is plausible; else cp1252, the encoding of most mislabelled Western
pages, and latin-1 which never fails. Binary files (PDF, images, archives, executables, or bytes with
NULs or many control characters) are refused with a reason instead of being decoded into noise.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE starts with the UTF-16 LE mark, so the longer marks are tried first.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip data inside gzip"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg audio/video"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
    (b"\x00asm", "WebAssembly binary"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PAR1", "Parquet file"),
    (b"\x93NUMPY", "NumPy array"),
)

CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Unicode category Cc without the whitespace controls (tab, newlines, vertical tab, form feed)."""
MAX_CONTROL_SHARE = 0.05
"""Above this share of control characters a decoded file is binary, whatever decoded it."""

MULTIBYTE_CODECS = frozenset(
    {
        "big5",
        "big5hkscs",
        "cp932",
        "cp949",
        "cp950",
        "euc_jis_2004",
        "euc_jisx0213",
        "euc_jp",
        "euc_kr",
        "gb18030",
        "gb2312",
        "gbk",
        "hz",
        "iso2022_jp",
        "iso2022_kr",
        "johab",
        "shift_jis",
        "shift_jis_2004",
        "shift_jisx0213",
    }
)
"""Codecs whose byte structure is strict enough that a clean decode is itself evidence."""

MIN_NON_LATIN_SHARE = 0.2
"""Below this share of non-ASCII bytes, text is taken to be in a Latin script (English, French, Polish...)."""
LATIN_CODE_PAGES = ("cp1252", "cp1250", "cp1254", "mac_roman")
LIKELY_CHARS: dict[str, int] = {
    **dict.fromkeys("ÀÂÄÇÈÉÊËÎÏÔÖÙÛÜÁÍÓÚÑÃÕØÅÆŒ¡©®§·øåìò", 1),
    **dict.fromkeys("ĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽŐŰİŞĞńćźőűťďňğĺľŕ", 1),
    **dict.fromkeys("àâäçèêëîïôöùûüÿáíóúñãõßæœ‘…•€£«»°¿\u00a0", 2),
    **dict.fromkeys("ąęłśżčěřšůžış", 2),
    **dict.fromkeys("é’“”–—", 3),
}
"""How typical each non-ASCII character is of news text in a Latin script (absent: 0)."""

MIN_COHERENCE = 0.2
"""A single-byte guess must come with a recognised language at least this coherent."""

MAX_CHAOS = 0.2

META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""")
NEWLINES = re.compile(r"\r\n?")


class BinaryContent(ValueError):
    """Raised when bytes are not text (a known binary format, NULs, control characters)."""


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """Return the encoding a byte-order mark announces and the mark's length, or None."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def bomless_utf16(data: bytes) -> str | None:
    """Return ``utf-16-le``/``utf-16-be`` when mostly-ASCII UTF-16 without a BOM is likely, else None."""
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls >= 0.6 and even_nuls <= 0.05:
        return "utf-16-le"
    if even_nuls >= 0.6 and odd_nuls <= 0.05:
        return "utf-16-be"
    return None


def wide_encoding(data: bytes) -> str | None:
    """Return the UTF-16/32 encoding of data (by BOM or byte pattern), or None for byte-oriented text."""
    bom = bom_encoding(data)
    if bom is not None:
        return bom[0] if bom[0] != "utf-8-sig" else None
    return bomless_utf16(data)


def binary_reason(head: bytes) -> str | None:
    """Return why the first bytes of a file show it is binary (``PDF``, ``contains NUL bytes``), or None."""
    for magic, name in MAGIC_NUMBERS:
        if head.startswith(magic):
            return name
    if head.startswith(b"MZ") and b"\x00" in head[:64]:
        return "Windows executable"
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime video"
    if head.startswith(b"RIFF") and head[8:12] in (b"WAVE", b"AVI ", b"WEBP"):
        return "RIFF media file"
    if wide_encoding(head) is None and b"\x00" in head[:65536]:
        return "contains NUL bytes"
    return None


def control_share(text: str) -> float:
    """Return the share of control characters (other than whitespace) in a sample of the text."""
    sample = text[:65536]
    if not sample:
        return 0.0
    return len(CONTROL_CHARS.findall(sample)) / len(sample)


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR line breaks into ``\\n``; change nothing else."""
    if "\r" not in text:
        return text
    return NEWLINES.sub("\n", text)


def canonical_codec(name: str) -> str | None:
    """Return Python's canonical name for an encoding label, or None when it is unknown."""
    label = name.strip().lower()
    # Browsers read these labels as windows-1252, and so do mislabelled pages.
    if label in {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii", "l1", "cp819"}:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(head: bytes) -> str | None:
    """Return the charset a document declares in its first bytes (``<meta charset>``, XML prolog)."""
    window = head[:8192]
    match = XML_ENCODING.match(window) or META_CHARSET.search(window)
    if match is None:
        return None
    return canonical_codec(match.group(1).decode("ascii", "replace"))


def try_decode(data: bytes, encoding: str) -> str | None:
    """Decode strictly, returning None instead of raising."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def high_byte_counts(data: bytes) -> dict[int, int]:
    """Count each byte value above 127 in data (bytes.count runs in C, one pass per value)."""
    counts = {value: data.count(value.to_bytes(1, "big")) for value in range(128, 256)}
    return {value: count for value, count in counts.items() if count}


def latin_code_page(counts: dict[int, int]) -> str | None:
    """Return the Latin code page whose reading of the high bytes gives the most likely characters.

    In mostly-ASCII text the language is read from the ASCII, which says nothing about the few
    accented letters and quotes; their frequency in news text does. Ties go to cp1252.
    """
    best, best_score = None, 0
    for codec in LATIN_CODE_PAGES:
        score = 0
        for value, count in counts.items():
            char = try_decode(value.to_bytes(1, "big"), codec)
            if char is None:
                break
            score += count * LIKELY_CHARS.get(char, 0)
        else:
            if score > best_score:
                best, best_score = codec, score
    return best


def detected_encoding(data: bytes) -> str | None:
    """Return the most plausible single- or multi-byte encoding of data that is not UTF-8, or None."""
    sample = data[:2_000_000]
    counts = high_byte_counts(sample)
    if sum(counts.values()) < MIN_NON_LATIN_SHARE * len(sample):
        latin = latin_code_page(counts)
        return canonical_codec(latin) if latin else None
    for match in from_bytes(sample):
        codec = canonical_codec(match.encoding) or match.encoding
        if codec.startswith(("utf-16", "utf-32", "utf_16", "utf_32")) or match.chaos > MAX_CHAOS:
            continue
        if codec in MULTIBYTE_CODECS:
            return codec
        if match.language == "Unknown" or match.coherence < MIN_COHERENCE:
            # Short Western texts get arbitrary code pages (cp1250, iso8859_10); cp1252 is likelier.
            return None
        if "cp1252" in match.could_be_from_charset:
            return "cp1252"
        return codec
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a document, returning ``(text, encoding)``; raise BinaryContent for binary data.

    ``declared`` is a charset the container announced (an HTTP header); the document's own
    ``<meta charset>`` or XML prolog is read when none is given.
    """
    reason = binary_reason(data)
    if reason is not None:
        raise BinaryContent(reason)
    text, encoding = _decode_text(data, declared)
    share = control_share(text)
    if share > MAX_CONTROL_SHARE:
        raise BinaryContent(f"{share:.0%} control characters")
    return normalize_newlines(text), encoding


def _decode_text(data: bytes, declared: str | None) -> tuple[str, str]:
    """Pick the encoding of data by the documented order and decode with it."""
    bom = bom_encoding(data)
    if bom is not None:
        name, length = bom
        codec = "utf-8" if name == "utf-8-sig" else name
        return data[length:].decode(codec, "replace"), name
    wide = bomless_utf16(data)
    if wide is not None:
        return data.decode(wide, "replace"), wide
    text = try_decode(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    for candidate in (canonical_codec(declared) if declared else None, declared_charset(data)):
        if candidate and candidate not in {"utf-8", "utf-16", "utf-32"}:
            text = try_decode(data, candidate)
            if text is not None:
                return text, candidate
    guess = detected_encoding(data)
    if guess is not None:
        text = try_decode(data, guess)
        if text is not None:
            return text, guess
    text = try_decode(data, "cp1252")
    if text is not None:
        return text, "cp1252"
    return data.decode("latin-1"), "latin-1"


def sniff_text(head: bytes) -> str:
    """Decode the first bytes of a file leniently, for format sniffing only."""
    wide = wide_encoding(head)
    if wide is not None:
        bom = bom_encoding(head)
        start = bom[1] if bom else 0
        return head[start:].decode(wide, "ignore")
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    return head.decode("utf-8", "replace")
