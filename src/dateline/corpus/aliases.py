"""Comparison keys for names and titles: what makes two spellings one person, place or office.

Pure functions over strings, shared by corpus linking: a person's name split into given name and
surname, the key of a place or organisation (with the transliteration table of
``entities_lexicon``), and a title reduced to ``(country, office)`` so that "Ukraine's foreign
minister", "Ukrainian Foreign Minister" and "Ukraine's top diplomat" can be matched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from dateline.analyze.entities_lexicon import (
    COUNTRY_WORDS,
    GENERIC_OFFICES,
    HONORIFICS,
    NAME_SUFFIXES,
    OFFICE_FORMS,
    OFFICE_SPELLINGS,
    PLACE_VARIANTS,
    SURNAME_PARTICLES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    fold,
    surname_first,
)

SURNAME_SIMILARITY = 88.0
"""rapidfuzz ratio (0-100) above which two surnames are spellings of one name (Zelensky/Zelenskyy: 94)."""
MIN_FUZZY_LENGTH = 5
"""Shorter surnames must match exactly: one letter changes a short name into another."""
GIVEN_NAME_SIMILARITY = 50.0
"""Loose on purpose, the surname already matched: transliterations differ a lot (Volodymyr/Vladimir: 59)."""
SUFFIXES = frozenset(fold(s) for s in NAME_SUFFIXES)
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&"})
ONE_HOLDER_OFFICES = frozenset(
    {"president", "premier", "chancellor", "king", "queen", "pope", "leader", "mayor"}
)
"""One-word offices a place has one holder of at a time: "the Ukrainian president" names a person."""


@dataclass(frozen=True)
class PersonName:
    """A person's name as compared: folded given name (or initial) and surname."""

    first: str | None
    surname: str
    display: str
    """The name without initials, for readable ids: "Antony Blinken" for "Antony J. Blinken"."""


@dataclass(frozen=True)
class RoleKey:
    """A title reduced for comparison: the country it belongs to (if said) and the office."""

    country: str | None
    office: str

    @property
    def head(self) -> str:
        """Return the office's head word: "secretary" for "secretary of state" and "defense secretary"."""
        words = self.office.split(" of ")[0].split()
        return words[-1] if words else ""

    @property
    def specific(self) -> bool:
        """Tell whether the title is precise enough to name its holder across articles."""
        return len(self.office.split()) > 1 or (
            self.country is not None and self.office in ONE_HOLDER_OFFICES
        )


@lru_cache(maxsize=65536)
def person_name(name: str) -> PersonName | None:
    """Split a person's name into given name and surname; None when nothing is left of it."""
    words = [w.strip(",") for w in name.replace("’", "'").split()]
    words = [w for w in words if w and fold(w) not in HONORIFICS]
    while len(words) > 1 and fold(words[-1]) in SUFFIXES:
        words.pop()
    if not words:
        return None
    if surname_first(words):
        return PersonName(fold(words[1]), fold(words[0]), " ".join(words))
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in SURNAME_PARTICLES:
        cut -= 1
    surname = fold(" ".join(words[cut:]))
    first = fold(words[0]) if cut > 0 else None
    display = " ".join(words[:1] + [w for w in words[1:] if not _is_initial(w)])
    return PersonName(first or None, surname, display)


def _is_initial(word: str) -> bool:
    """Tell whether a word is an initial ("J." or "J")."""
    return len(word.rstrip(".")) == 1


def first_names_compatible(a: str, b: str) -> bool:
    """Tell whether two folded given names can be one person's: same initial, and alike or an initial."""
    if a == b:
        return True
    if a[:1] != b[:1]:
        return False
    return (
        len(a) == 1
        or len(b) == 1
        or a.startswith(b)
        or b.startswith(a)
        or fuzz.ratio(a, b) >= GIVEN_NAME_SIMILARITY
    )


def surnames_match(a: str, b: str) -> bool:
    """Tell whether two folded surnames are spellings of one name (exact, or close when long enough)."""
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_FUZZY_LENGTH or a[:2] != b[:2]:
        return False
    return fuzz.ratio(a, b) >= SURNAME_SIMILARITY


def surname_block(surname: str) -> str:
    """Return the blocking key a surname is indexed under (its first two letters)."""
    return surname[:2]


def place_key(name: str) -> str:
    """Return the key of a place or organisation name: folded, with known spelling variants merged."""
    key = fold(name)
    return PLACE_VARIANTS.get(key, key)


def group_key(name: str) -> str:
    """Return the key of a nationality or group ("Ukrainians" and "Ukrainian" are one)."""
    key = fold(name)
    if len(key) > 4 and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return key


def acronym(name: str) -> str | None:
    """Return the folded acronym of a multi-word name ("North Atlantic Treaty Organization" -> "nato")."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).lower()


def is_acronym(name: str) -> bool:
    """Tell whether a name is written as an acronym ("NATO", "U.N.")."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


@lru_cache(maxsize=65536)
def role_key(title: str) -> RoleKey:
    """Reduce a title to country and office ("US Secretary of State" -> united states, secretary of state)."""
    text = fold(title)
    country: str | None = None
    possessive = re.match(r"^(.+?)'s? (.+)$", text)
    if possessive:
        owner, text = possessive.group(1), possessive.group(2)
        country = COUNTRY_WORDS.get(owner) or PLACE_VARIANTS.get(owner, owner)
    of_country = re.match(r"^(.+) of (?:the )?(.+)$", text)
    if of_country and of_country.group(2) in COUNTRY_WORDS:
        country = country or COUNTRY_WORDS[of_country.group(2)]
        text = of_country.group(1)
    words = text.split()
    for n in (3, 2, 1):
        prefix = " ".join(words[:n])
        if len(words) > n and prefix in COUNTRY_WORDS:
            country = country or COUNTRY_WORDS[prefix]
            words = words[n:]
            break
    if country is None:
        # an unlisted place or body before the office ("Marlow Bay Mayor") qualifies it like a country
        n = 0
        while n < len(words) - 1 and words[n] not in TITLE_HEADS and words[n] not in TITLE_MODIFIERS:
            n += 1
        if n:
            country, words = place_key(" ".join(words[:n])), words[n:]
    office = " ".join(OFFICE_SPELLINGS.get(w, w) for w in words)
    return RoleKey(country, OFFICE_FORMS.get(office, office))


def role_match(wanted: RoleKey, held: RoleKey) -> int:
    """Score how well a held title answers a role (0 = not the same office; higher = closer)."""
    if wanted.country and held.country and wanted.country != held.country:
        return 0
    if wanted.office == held.office:
        office = 3
    elif held.office in GENERIC_OFFICES.get(wanted.office, ()) or wanted.office in GENERIC_OFFICES.get(
        held.office, ()
    ):
        office = 2
    elif wanted.head == held.head and (" " not in wanted.office or " " not in held.office):
        office = 1
    else:
        return 0
    same_country = wanted.country is not None and wanted.country == held.country
    return office * 3 + (2 if same_country else 1)


def office_heads(key: RoleKey) -> set[str]:
    """Return the head words under which holders of this role may be indexed."""
    heads = {key.head}
    for office in GENERIC_OFFICES.get(key.office, ()):
        heads.add(RoleKey(None, office).head)
    return heads


def slug(text: str) -> str:
    """Make a readable id part from a name ("Antony Blinken" -> "antony-blinken")."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unnamed"
