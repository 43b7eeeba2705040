"""Cheap language identification: writing system first, then the share of each language's stopwords.

Covers English, Spanish, French, German, Italian, Portuguese and Dutch by stopwords, and Russian,
Ukrainian, Greek, Hebrew, Arabic, Chinese, Japanese and Korean by script. It reads at most the
first few thousand characters, costs well under a millisecond, and says so when it cannot tell.
"""

from __future__ import annotations

import re
from collections import Counter

from dateline.model import FieldValue

SAMPLE_CHARS = 3000
MIN_WORDS = 8
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

STOPWORD_LISTS = {
    "en": (
        "the and of to in is that for it with as was on are be by this have from at he his not but an they "
        "which has were said will its who been would their had there after over"
    ),
    "es": (
        "el la los las del que y en un una por para con no su sus al lo como más pero es fue este esta "
        "ha son entre cuando muy sin sobre también ya porque según dijo"
    ),
    "fr": (
        "le la les des du et est un une que qui dans pour pas sur au aux ce il elle ne se plus par avec "
        "sont mais ou été cette nous vous a selon leur"
    ),
    "de": (
        "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als nach "
        "wie bei oder aus wird sind hat einer werden über dass"
    ),
    "it": (
        "il di che la e è per un una non in del della le si sono con al gli da dei nel ha lo come ma più "
        "anche alla questo delle ai"
    ),
    "pt": (
        "o a os as de do da dos das que e em um uma para com não no na por mais como mas foi ao ele "
        "tem à seu sua ou ser quando muito nos já está também disse"
    ),
    "nl": (
        "de het een en van is dat op te in zijn voor niet met die aan er maar om ook als dan bij of door "
        "worden wordt naar heeft uit nog hij werd"
    ),
}
STOPWORDS = {code: frozenset(words.split()) for code, words in STOPWORD_LISTS.items()}

SCRIPTS: list[tuple[str, re.Pattern[str]]] = [
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
]
UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
RUSSIAN_LETTERS = re.compile(r"[ыэъёЫЭЪЁ]")
LETTER = re.compile(r"[^\W\d_]")
NON_LATIN = re.compile(r"[\u0370-\u1fff\u3040-\ufdff]")
SOURCE = "text:stopwords"
LANGUAGES_OF_WORD: dict[str, tuple[str, ...]] = {
    word: tuple(code for code, stop in STOPWORDS.items() if word in stop)
    for word in frozenset().union(*STOPWORDS.values())
}
"""Each stopword and the languages it belongs to, so a sample is counted in one pass."""


def script_language(sample: str) -> FieldValue | None:
    """Return the language a non-Latin writing system gives away, if most letters are in one."""
    if len(NON_LATIN.findall(sample)) <= len(sample) * 0.2:
        return None
    letters = len(LETTER.findall(sample))
    if not letters:
        return None
    for code, pattern in SCRIPTS:
        share = len(pattern.findall(sample)) / letters
        if code == "ja" and share > 0.05:
            return FieldValue("ja", "text:script (kana)", 0.9)
        if share < 0.5:
            continue
        if code != "cyrillic":
            return FieldValue(code, f"text:script ({code})", 0.9)
        uk, ru = len(UKRAINIAN_LETTERS.findall(sample)), len(RUSSIAN_LETTERS.findall(sample))
        if uk > ru:
            return FieldValue("uk", "text:script (cyrillic, і/ї/є)", 0.8)
        return FieldValue("ru", "text:script (cyrillic)", 0.8 if ru else 0.6)
    return None


def stopword_language(sample: str) -> FieldValue:
    """Return the Latin-script language whose stopwords make up most of the sample."""
    words = [w.lower() for w in WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return FieldValue(None, "too little text to tell the language", 0.0)
    hits = Counter({code: 0 for code in STOPWORDS})
    for word in words:
        hits.update(LANGUAGES_OF_WORD.get(word, ()))
    (code, top), (_, second) = hits.most_common(2)
    ratio = top / len(words)
    if top == 0 or ratio < 0.08:
        return FieldValue(None, "no language's stopwords dominate", 0.0)
    margin = (top - second) / top
    confidence = min(0.95, 0.3 + 0.5 * margin + 1.0 * ratio)
    return FieldValue(code, f"{SOURCE} {ratio:.2f} ({code})", round(confidence, 2))


def detect_language(text: str) -> FieldValue:
    """Guess the ISO 639-1 language of a text, with a confidence (None when it cannot tell)."""
    sample = text[:SAMPLE_CHARS]
    return script_language(sample) or stopword_language(sample)
