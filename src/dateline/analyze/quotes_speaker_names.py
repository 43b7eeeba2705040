"""The people of one article by surname: the full name a bare surname stands for, and each person's gender (a
form of address, a known first name, the article's own pronouns), so that "Clinton" and "she" find Hillary Clinton.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Mapping

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc, Span

from dateline.analyze.entities_lexicon import HONORIFIC_GENDER, HONORIFICS, fold, surname_first
from dateline.analyze.quotes_gender import ROLE_NOUN_GENDER, first_name_gender
from dateline.analyze.quotes_headline import in_headline
from dateline.model import Mention

MASCULINE = frozenset({"he", "him", "his", "himself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
ADDRESS_GENDER = HONORIFIC_GENDER | ROLE_NOUN_GENDER
MIN_ARTICLE_VOTES = 2
MISSPELT_MIN_LETTERS = 6
MISSPELT_EDITS = 1
"""A surname written alone this long and this few letters off a full name's is that name misspelt."""


def surname_key(name: str) -> str:
    """Return the comparison key of a person's name: the folded last word, honorifics dropped."""
    words = [w for w in name.split() if w.lower() not in HONORIFICS]
    if surname_first(words):
        return fold(words[0])  # "Ban Ki-moon" is "Mr. Ban"
    return fold(words[-1]) if words else fold(name)


def full_names_by_surname(
    people: list[Mention], quoted: list[tuple[int, int]] | None = None, text: str = ""
) -> dict[str, str]:
    """Map each surname of an article to the longest name the reporter writes with it.

    A name inside quoted words is someone else's ("Crooked Hillary Clinton" in a quoted tweet): it stands
    only for a surname the reporter never writes. A name in a title-case headline may have a verb glued to
    it ("Black Lawmakers Rip Donald Trump"): it gives the full name only to a surname the body writes alone.
    """
    starts = [start for start, _ in quoted or []]

    def rank(mention: Mention) -> int:
        k = bisect_right(starts, mention.start) - 1
        if k >= 0 and mention.start < (quoted or [])[k][1]:
            return 2
        return 1 if text and in_headline(text, mention.start) else 0

    # "Mr. Obama" ... "Michelle Obama": a surname the article addresses as a man is not her
    addressed: dict[str, set[str]] = {}
    for mention in people:
        if given_name(mention.name) is None:
            gender = _address_gender(text, mention)
            if gender is not None:
                addressed.setdefault(surname_key(mention.name), set()).add(gender)
    full: dict[str, str] = {}
    rank_of: dict[str, int] = {}
    for mention in sorted(people, key=lambda m: (rank(m), m.start)):
        key, level, name = surname_key(mention.name), rank(mention), mention.name
        if key in full and level > rank_of[key] and (level == 2 or " " in full[key]):
            continue
        if key in full and not same_given_name(full[key], name):
            # "Ted Cruz ... his father, Rafael Cruz": a bare surname stands for whoever the article named first
            continue
        gender = first_name_gender(name)
        if gender is not None and addressed.get(key, {gender}) != {gender}:
            continue
        if len(name) > len(full.get(key, "")):
            full[key] = name
            rank_of[key] = level
    return _misspelled_surnames(_usual_apostrophes(full, people))


def _usual_apostrophes(full: dict[str, str], people: list[Mention]) -> dict[str, str]:
    """Spell each full name with the apostrophe the article writes the surname with most often: a scrape that
    mixes straight and curly marks ("James O’Neill" once, "O'Neill" after) still gives one person one name."""
    for key, name in full.items():
        marks = Counter(
            mark for m in people if surname_key(m.name) == key for mark in m.name.split()[-1] if mark in "'’"
        )
        if len(marks) > 1 or (marks and marks.most_common(1)[0][0] not in name):
            usual = marks.most_common(1)[0][0]
            full[key] = name.replace("’" if usual == "'" else "'", usual)
    return full


def _misspelled_surnames(full: dict[str, str]) -> dict[str, str]:
    """Give a surname the article writes only alone the full name of the one person whose surname it misspells.

    "Tyresha McClenney, 24, …" and then "“…,” McLenney said": scraped news has its typos, and a surname one
    letter off the only close full name, long enough not to be another common name, is that person."""
    named = {key: name for key, name in full.items() if " " in name}
    for key, name in list(full.items()):
        if " " in name or len(key) < MISSPELT_MIN_LETTERS:
            continue
        close = [
            other for other in named
            if other[0] == key[0]
            and Levenshtein.distance(key, other) <= MISSPELT_EDITS
            and key != other + "s"  # "the Trumps": the family, not a typo
        ]
        if len(close) == 1:
            full[key] = named[close[0]]
    return full


def _address_gender(text: str, mention: Mention) -> str | None:
    """Return the gender that a form of address or a gendered noun just before a mention tells ("Mr. Obama",
    "Mrs. Clinton", "9/11 widow Terry Strada"), if any."""
    before = text[max(0, mention.start - 12) : mention.start].split()[-1:]
    words = [w.lower().strip(",") for w in before + mention.text.split()[:1]]
    return next((ADDRESS_GENDER[w] for w in words if w in ADDRESS_GENDER), None)


def same_given_name(known: str, name: str) -> bool:
    """Tell whether two names of one surname may be the same person: one has no given name, or both the same."""
    first, second = given_name(known), given_name(name)
    return first is None or second is None or first == second


def given_name(name: str) -> str | None:
    """Return the folded given name of a person's name, or None when only a surname is written."""
    words = [w for w in name.split() if w.lower().rstrip(".") not in HONORIFICS]
    if surname_first(words):
        return fold(words[1])
    return fold(words[0]) if len(words) > 1 else None


def genders_by_surname(
    doc: Doc, people: list[Mention], full_names: dict[str, str], first_names: Mapping[str, str]
) -> dict[str, str]:
    """Tell the gender of an article's people, by surname.

    A form of address ("Mrs. Clinton") is surest, then a first name the train split knows, then the
    article's own pronouns after the person (two votes at least). A surname two people of different
    genders share ("Khizr and Ghazala Khan") gets none, so no one is ruled out by mistake.
    """
    text = doc.text
    told: dict[str, set[str]] = {}
    for mention in people:
        key = surname_key(mention.name)
        gender = _address_gender(text, mention)
        if gender is None:
            gender = first_names.get(fold(mention.name.split()[0])) if mention.name.split() else None
        if gender is None:
            gender = first_name_gender(mention.name)
        if gender is not None:
            told.setdefault(key, set()).add(gender)
    votes: dict[str, Counter[str]] = {}
    for person, gender in pronoun_votes(doc):
        votes.setdefault(surname_key(person.text), Counter())[gender] += 1
    for key, count in votes.items():
        if key not in told and len(count) == 1 and sum(count.values()) >= MIN_ARTICLE_VOTES:
            told[key] = set(count)
    return {key: genders.pop() for key, genders in told.items() if len(genders) == 1}


def pronoun_votes(doc: Doc) -> Iterator[tuple[Span, str]]:
    """Yield a person named as the subject of a sentence with the gender of the pronoun that next stands as a subject.

    "Hillary Clinton spoke first. She said ..." yields (Hillary Clinton, "f"). Only sentences that name
    one person are read, and a vote needs pronouns of one gender alone, so a wrong guess stays rare.
    """
    sentences = list(doc.sents)
    # One pass over the entities: ``Span.ents`` walks every entity of the doc, per sentence (quadratic).
    starts = [sentence.start for sentence in sentences]
    people_in: dict[int, list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            people_in.setdefault(bisect_right(starts, ent.start) - 1, []).append(ent)
    for i, sentence in enumerate(sentences):
        people = people_in.get(i, [])
        if not people or any(ent.text != people[0].text for ent in people):
            continue
        person = people[0]
        if person.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        words = [t.lower_ for t in doc[person.end : sentence.end] if t.dep_ in ("nsubj", "nsubjpass")]
        if i + 1 < len(sentences):
            words += [t.lower_ for t in sentences[i + 1] if t.dep_ in ("nsubj", "nsubjpass")][:1]
        male = any(w in MASCULINE for w in words)
        female = any(w in FEMININE for w in words)
        if male != female:
            yield person, "m" if male else "f"
