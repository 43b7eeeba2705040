"""Find the people, places, organisations and groups named in one parsed article.

``find_mentions`` reads spaCy's entities from a Doc that is already parsed (no second parse), repairs
the small model's usual mistakes with rules over the parse (quote marks glued to a name, headline
words taken into a name, page furniture tagged as an organisation, lower-case or mislabelled place
names), separates each person's name from the title written beside it ("US Secretary of State",
"Ukraine's top diplomat"), and adds role-only mentions ("the Secretary of State") that corpus
linking can attach to their holder. Linear in the number of tokens: a few milliseconds an article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import spacy
from spacy.tokens import Doc, Token

from dateline.analyze.entities_lexicon import (
    BARE_ROLE_HEADS,
    BOILERPLATE_WORDS,
    CALLINGS_BEFORE_NAMES,
    COUNTRY_WORDS,
    HEADLINE_VERBS,
    HONORIFIC_GENDER,
    HONORIFICS,
    PLACE_VARIANTS,
    PLATFORMS,
    ROLE_HEADS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLES_BEFORE_NAMES,
    fold,
)
from dateline.analyze.quotes_gender import first_name_gender
from dateline.analyze.quotes_transcript import inversions
from dateline.model import Mention

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
PLACE_HEAD_WORDS = frozenset(
    {
        "bay", "river", "point", "island", "islands", "county", "valley", "harbor", "harbour", "creek", "beach",
        "square", "bridge", "strait", "gulf", "sea", "ocean", "peninsula", "province", "canal", "estuary",
    }
)
"""Last words of a name that make it a place, not a person (surnames such as Hill, Street or Lake are left out)."""
FACILITY_NOUNS = frozenset(
    {
        "terminal", "bridge", "station", "port", "airport", "plant", "refinery", "mine", "dam", "pier", "dock",
        "wharf", "hospital", "prison", "base", "depot", "reservoir", "stadium",
    }
)
"""Nouns a one-word place name qualifies ("the Dunmore terminal"): that word names the place, not a person."""
VESSEL_NOUNS = frozenset(
    {
        "tug", "tugboat", "barge", "ship", "vessel", "tanker", "ferry", "freighter", "trawler", "yacht", "boat",
        "cruiser", "destroyer", "frigate", "submarine", "schooner", "dredger", "icebreaker",
    }
)
"""Nouns that name a vessel by the name next to them ("the tug Ellen Mae", "the barge, the Corbin Star,")."""
COMMON_PLACE_NOUNS = PLACE_HEAD_WORDS | FACILITY_NOUNS | VESSEL_NOUNS
"""Words that, standing alone, name no place or vessel: capitalised in a title ("Harbour Commissioner")."""
PLACE_PLURALS = frozenset(
    {
        "districts", "areas", "neighbourhoods", "neighborhoods", "counties", "towns", "villages", "islands",
        "provinces", "states", "regions", "suburbs", "boroughs", "parishes", "wards", "valleys", "rivers",
        "cities", "communities", "municipalities", "territories", "quarters", "estates",
    }
)
"""Plural nouns after two coordinated names that make each name a place ("the Lower Quay and Saltmarsh
districts")."""
ORG_WORDS_LEFT = 3
"""The most capitalised words taken in before an organisation's head the model tagged alone."""
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TITLE_ENTITY_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG"})
DATELINE_DASHES = frozenset({"-", "--", "–", "—"})
DATELINE_TOKENS = 4
"""How many words a dateline before a name may have ("MANCHESTER , N.H. —")."""
EDGE_CHARS = "\"'“”‘’«»„‚`´()[]{}<>,;:.!?*•|/\\-–— \t\n\r"
GLUED_BEFORE_NAME = re.compile(r"^\S*?[”\">](?=[A-Z])")
"""Words glued before a name by a closing double quote or a tag's end, with no space: a scrape's, not the name's
(a single quote may be the name's own: "O’Neill")."""
BRACKETS = frozenset("()[]")
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their"})
MAX_ENTITY_TOKENS = 8
MAX_TITLE_MODIFIERS = 2


@dataclass
class _Candidate:
    """A stretch of tokens taken for a name, with the label it will carry."""

    start: int
    end: int
    label: str
    char_start: int
    char_end: int
    text: str


@dataclass
class _Title:
    """A title phrase found beside a name, as token and character offsets."""

    start: int
    end: int
    char_start: int
    char_end: int


def find_mentions(doc: Doc, article_id: str = "") -> list[Mention]:
    """Return the name and role mentions of one parsed article, in text order."""
    text = doc.text  # Doc.text joins every token: read it once
    sent_starts = [sent.start for sent in doc.sents]
    candidates = _candidates(doc, text, sent_starts)
    cand_at = _index_by_token(candidates)
    titled = [(cand, _person_title(doc, cand, cand_at, sent_starts)) for cand in candidates]
    taken = _tokens_in(title for _, (_, title) in titled if title is not None)
    roles = _role_phrases(doc, cand_at, taken, sent_starts)
    taken |= _tokens_in(title for _, title in roles)
    mentions = [
        _name_mention(doc, text, article_id, cand, name_start, title, sent_starts)
        for cand, (name_start, title) in titled
        if not _is_title_word_org(doc, cand, taken)
    ]
    mentions += [_role_mention(text, article_id, start, title, sent_starts) for start, title in roles]
    mentions = sorted((m for m in mentions if m.name or m.kind == "role"), key=lambda m: (m.start, m.end))
    return _shared_surnames(text, mentions)


SHARED_SURNAME_GAP = re.compile(r"\s+(?:and|&)\s+\Z")
"""What stands between two given names that share one surname ("Donald and Ivana Trump")."""


def _shared_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give a lone given name the surname of the name it is joined to: "Donald and Ivana Trump", "Bill and Hillary
    Clinton" name Donald Trump and Bill Clinton, who are otherwise a "Donald" and a "Bill" no one can find."""
    people = [m for m in mentions if m.label == "PERSON"]
    for first, second in zip(people, people[1:], strict=False):
        words, theirs = first.name.split(), second.name.split()
        if len(words) != 1 or len(theirs) < 2 or not SHARED_SURNAME_GAP.search(text[first.end : second.start]):
            continue
        full = f"{first.name} {theirs[-1]}"
        if first_name_gender(full) is not None:  # a given name, not a surname ("Smith and John Doe")
            first.name = full
    return mentions


def _candidates(doc: Doc, text: str, sent_starts: list[int]) -> list[_Candidate]:
    """Return spaCy's entities repaired: trimmed, relabelled, junk dropped, missed places added."""
    lower_words = {tok.lower_ for tok in doc if tok.is_lower}
    candidates: list[_Candidate] = []
    inverted = {label.colon: label.name_start for label in inversions(text)}
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        cand = _clean_span(doc, text, ent.start, _before_main_verb(doc, ent.start, ent.end), ent.label_)
        if cand is not None and cand.label in ("PERSON", "ORG"):
            cand = _without_leading_title(doc, text, cand)
        if cand is None or _is_junk(doc, cand):
            continue
        if cand.label == "PERSON":
            cand = _drop_inverted_verb(doc, text, cand, inverted)
            cand = _trim_person_tail(doc, text, cand, lower_words)
            cand = _extend_person_left(doc, text, cand, sent_starts)
        elif cand.label == "ORG":
            cand = _extend_org_left(doc, text, cand, sent_starts)
        candidates.append(cand)
    candidates = _split_coordinated_places(doc, text, candidates)
    candidates = _merge_bracketed_persons(doc, text, candidates)
    candidates = [c for c in candidates if not _headline_modifier(doc, c, candidates)]
    candidates = _drop_common_word_persons(doc, candidates, lower_words)
    openers = {fold(doc[c.start].text) for c in candidates if c.label == "ORG" and c.end - c.start > 1}
    candidates = [c for c in candidates if not _qualifies_a_title(doc, c, lower_words, openers)]
    _label_vessels(doc, candidates)
    _fix_labels(doc, candidates)
    candidates = _surnames_of_people(doc, text, candidates, sent_starts)
    _people_taken_for_organisations(doc, candidates)
    _short_forms_of_organisations(doc, candidates)
    return sorted(candidates + _refind_places(doc, candidates), key=lambda c: c.start)


def _name_mention(
    doc: Doc,
    text: str,
    article_id: str,
    cand: _Candidate,
    name_start: int,
    title: _Title | None,
    sent_starts: list[int],
) -> Mention:
    """Make the mention of a name, with its title for a person."""
    sentence = bisect.bisect_right(sent_starts, cand.start) - 1
    title_text = text[title.char_start : title.char_end] if title is not None else None
    name = _name_text(doc, name_start, cand.end)
    address = _address(doc, name_start) if cand.label == "PERSON" else None
    return Mention(
        article_id, cand.char_start, cand.char_end, cand.text, cand.label, name, title_text, sentence, address=address
    )


def _address(doc: Doc, name_start: int) -> str | None:
    """Return the gender told by the forms of address right before a name ("Mrs. Clinton"), if any."""
    i = name_start - 1
    while i >= 0 and doc[i].lower_ in HONORIFICS:
        gender = HONORIFIC_GENDER.get(doc[i].lower_)
        if gender is not None:
            return gender
        i -= 1
    return None


def _role_mention(text: str, article_id: str, start: int, title: _Title, sent_starts: list[int]) -> Mention:
    """Make the mention of a role named without its holder ("the Secretary of State")."""
    sentence = bisect.bisect_right(sent_starts, title.start) - 1
    title_text = text[title.char_start : title.char_end]
    return Mention(
        article_id,
        start,
        title.char_end,
        text[start : title.char_end],
        "PERSON",
        "",
        title_text,
        sentence,
        kind="role",
    )


def _clean_span(doc: Doc, text: str, start: int, end: int, label: str) -> _Candidate | None:
    """Trim an entity to its name: no line breaks, edge punctuation, determiners, possessives or dates."""
    # "an Associated Press-GfK poll" with the article in the entity; a capital "A" may begin a name ("A&E")
    while start < end and (_is_edge_token(doc[start]) or doc[start].lower_ == "the" or doc[start].text in ("a", "an")):
        start += 1
    dated = _after_dateline(doc, start, end)
    if dated > start and label == "ORG" and first_name_gender(doc[dated:end].text) is not None:
        label = "PERSON"  # "ROME - Bernie Sanders": the dateline made the person an organisation to the model
    start = dated
    for i in range(start, end):
        if "\n" in doc[i].text_with_ws:
            end = i + 1
            break
    if label != "PERSON":
        for i in range(start, end):
            if any(ch.isdigit() for ch in doc[i].text):
                end = i
                break
    while end > start and (_is_edge_token(doc[end - 1]) or doc[end - 1].tag_ == "POS"):
        end -= 1
    if start >= end:
        return None
    char_start, char_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    char_end = _strip_possessive(text, char_start, char_end)
    while char_start < char_end and text[char_start] in EDGE_CHARS:
        char_start += 1
    while char_end > char_start and text[char_end - 1] in EDGE_CHARS and text[char_end - 1] != ".":
        char_end -= 1
    if char_start >= char_end:
        return None
    return _Candidate(start, end, label, char_start, char_end, text[char_start:char_end])


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """Return where an entity starts once a dateline the model ran into it is cut off: "ROME - Bernie Sanders
    met …" names Bernie Sanders, and "MANCHESTER, N.H. — Mike Pence" Mike Pence."""
    for i in range(start + 1, min(end - 1, start + DATELINE_TOKENS + 1)):
        spaced = bool(doc[i - 1].whitespace_ and doc[i].whitespace_)
        if doc[i].text in DATELINE_DASHES and (spaced or doc[i].text == "—"):  # not "AFL-CIO"
            words = doc[start:i]
            place = all(t.text in (",", ".") or (t.text.isupper() and (t.is_alpha or "." in t.text)) for t in words)
            return i + 1 if place and any(tok.text.isupper() and len(tok.text) > 1 for tok in words) else start
    return start


def _without_leading_title(doc: Doc, text: str, cand: _Candidate) -> _Candidate:
    """Take a person's title out of the entity the model ran it into ("Councillor Imogen Tully", often an
    organisation to the model): a capitalised office, then a given name and a surname, is a titled person
    (the title is read as such later). The office must be one written before a name, or the next word a known
    given name: "General Motors" and "Chief Executive Magazine" keep their first word. A calling written before a
    person's name is no part of it either ("Billionaire Donald Trump", "Actress Amandla Stenberg")."""
    first = doc[cand.start]
    rest = doc[cand.start + 1 : cand.end].text
    calling = first.lower_ in CALLINGS_BEFORE_NAMES and (cand.label == "PERSON" or first_name_gender(rest) is not None)
    if not 3 <= cand.end - cand.start <= 4 or not first.is_title or not (first.lower_ in TITLE_HEADS or calling):
        return cand
    name = doc[cand.start + 1 : cand.end]
    if not all(tok.is_title and tok.is_alpha and tok.tag_ == "NNP" for tok in name):
        return cand
    if first.lower_ not in TITLES_BEFORE_NAMES and not calling and first_name_gender(name.text) is None:
        return cand
    return replace(_starting_at(doc, text, cand, cand.start + 1), label="PERSON")


def _before_main_verb(doc: Doc, start: int, end: int) -> int:
    """Return where an entity ends once the main verb of its sentence is cut off: a title-case headline runs
    into the name ("Obama Sees 'Personal Insult'", one organisation to the model), which never holds it."""
    for i in range(start + 1, end):
        tok = doc[i]
        if tok.dep_ == "ROOT" and tok.pos_ == "VERB" and tok.tag_ in ("VBZ", "VBD", "VBP"):
            return i
    return end


def _is_edge_token(tok: Token) -> bool:
    """Tell whether a token is punctuation or space that cannot begin or end a name."""
    return tok.is_space or tok.is_quote or tok.is_bracket or (tok.is_punct and tok.text != ".")


def _strip_possessive(text: str, start: int, end: int) -> int:
    """Return ``end`` moved back over a possessive 's glued to the name."""
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            return end - len(suffix)
    return end


def _is_junk(doc: Doc, cand: _Candidate) -> bool:
    """Tell whether an entity is no name at all: a quote mark, a pronoun, page furniture."""
    text = cand.text
    low = text.lower()
    if not any(ch.isalpha() for ch in text) or not any(ch.isupper() for ch in text):
        return True
    if cand.end - cand.start > MAX_ENTITY_TOKENS:
        return True
    if _is_stop_word(doc, low) and not (text.isupper() and len(text) >= 2):
        return True
    if any(word in low for word in BOILERPLATE_WORDS):
        return True
    if cand.end - cand.start == 1 and low in COMMON_PLACE_NOUNS:
        return True  # "Harbour" of "Harbour Commissioner", a word of a title or a headline, not a name
    return cand.label in ("PERSON", "GPE", "LOC") and ("&" in text or any(ch.isdigit() for ch in text))


def _is_stop_word(doc: Doc, low: str) -> bool:
    """Tell whether a lower-cased text is one of the language's stop words."""
    return low in _stop_words(doc.lang_)


@lru_cache(maxsize=8)
def _stop_words(lang: str) -> frozenset[str]:
    """Return a language's stop words (looked up once per language)."""
    return frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words)


def _drop_inverted_verb(doc: Doc, text: str, cand: _Candidate, inverted: dict[int, int]) -> _Candidate:
    """Cut the verb of an inverted attribution off a name ("Said Okafor: “…”" -> "Okafor"); ``inverted`` maps
    where such a verb starts to where its speaker's name starts."""
    name_start = inverted.get(cand.char_start)
    if name_start is None:
        return cand
    start = next((tok.i for tok in doc[cand.start : cand.end] if tok.idx >= name_start), cand.end)
    if start >= cand.end:
        return cand
    return _starting_at(doc, text, cand, start)


def _trim_person_tail(doc: Doc, text: str, cand: _Candidate, lower_words: set[str]) -> _Candidate:
    """Cut headline words off the end of a person's name ("Blinken Visits" -> "Blinken")."""
    end = cand.end
    while end - cand.start > 1:
        tok = doc[end - 1]
        if tok.lower_ in HONORIFICS or tok.lower_ in {"jr", "jr.", "sr", "sr."}:
            break
        if tok.is_title and tok.lower_ in PLACE_HEAD_WORDS:
            break  # a word for a place ends a place's name, which ``_names_a_place`` relabels ("Marlowe Bay")
        if _hyphen_joined(doc, end - 1) and tok.tag_ not in ("VBN", "VBD", "VBG", "JJ"):
            # the end of a hyphenated name ("Ban Ki-moon"), however common the word; a compound modifier is cut
            # ("Donald Trump-led")
            break
        if tok.lower_ in MODAL_SURNAMES and tok.is_title and _in_running_text(doc, end):
            break  # a surname that is also a modal ("George Will reignited", "Theresa May said", "George Will:")
        common = tok.tag_ not in ("NNP", "NNPS") or tok.lower_ in lower_words or tok.lower_ in HEADLINE_VERBS
        if not common:
            break
        end -= 1
    if end == cand.end:
        return cand
    last = doc[end - 1]
    char_end = _strip_possessive(text, cand.char_start, last.idx + len(last))
    return replace(cand, end=end, char_end=char_end, text=text[cand.char_start : char_end])


MODAL_SURNAMES = frozenset({"will", "may"})
"""Surnames that are also modals, tagged as one or seen in lower case elsewhere in the article."""


def _in_running_text(doc: Doc, end: int) -> bool:
    """Tell whether the word after a name is not capitalised (a lower-case word or a mark): running text, not a
    title-case headline whose "May" or "Will" is the modal it looks like ("Trump May Skip Debate")."""
    after = next((tok for tok in doc[end : end + 3] if not tok.is_space), None)
    return after is None or not after.is_title


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Tell whether a token follows a hyphen that joins it to the word before, with no space ("Ki-moon")."""
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_


def _extend_person_left(doc: Doc, text: str, cand: _Candidate, sent_starts: list[int]) -> _Candidate:
    """Take in the given name the model left out before a middle initial ("Antony" + "J. Blinken"), or before a
    lone surname the parse hangs it on ("Adeel" + "Rafiq", where a byline ran on: "Adeel Rafiq Published")."""
    first = doc[cand.start].text
    if len(first) == 2 and first[0].isupper() and first[1] == ".":
        return _extend_left(doc, text, cand, sent_starts, 2, lambda tok, _: _given_name_like(tok))
    if cand.end - cand.start == 1:
        head = cand.start
        return _extend_left(
            doc, text, cand, sent_starts, 1,
            lambda tok, _: tok.dep_ == "compound" and tok.head.i == head and _given_name_like(tok),
        )
    return cand


def _extend_org_left(doc: Doc, text: str, cand: _Candidate, sent_starts: list[int]) -> _Candidate:
    """Take in the capitalised words of an organisation's name the model left out before its head ("The Inland
    Waterways Inspectorate" tagged as "Inspectorate" alone)."""

    def takes(tok: Token, opens_sentence: bool) -> bool:
        if not (tok.is_title and tok.is_alpha and tok.tag_ in ("NNP", "NNPS")) or tok.ent_type_ or tok.is_stop:
            return False
        return not (tok.lower_ in HONORIFICS or (opens_sentence and tok.lower_ in TITLE_WORDS))

    return _extend_left(doc, text, cand, sent_starts, ORG_WORDS_LEFT, takes)


def _extend_left(
    doc: Doc,
    text: str,
    cand: _Candidate,
    sent_starts: list[int],
    most: int,
    takes: Callable[[Token, bool], bool],
) -> _Candidate:
    """Take in up to ``most`` words before a candidate, within its sentence, while ``takes`` (given the word and
    whether it opens the sentence) accepts them."""
    sent_start = _sentence_start(sent_starts, cand.start)
    start = cand.start
    while start - 1 >= sent_start and cand.start - start < most and takes(doc[start - 1], start - 1 == sent_start):
        start -= 1
    return _starting_at(doc, text, cand, start)


def _sentence_start(sent_starts: list[int], i: int) -> int:
    """Return the first token of the sentence that holds token ``i``."""
    return sent_starts[bisect.bisect_right(sent_starts, i) - 1]


def _starting_at(doc: Doc, text: str, cand: _Candidate, start: int) -> _Candidate:
    """Return a candidate made to start at another token (its end kept)."""
    if start == cand.start:
        return cand
    return replace(cand, start=start, char_start=doc[start].idx, text=text[doc[start].idx : cand.char_end])


def _surnames_of_people(
    doc: Doc, text: str, candidates: list[_Candidate], sent_starts: list[int]
) -> list[_Candidate]:
    """Make a lone word that is the surname of a person the article names in full a person (the model often reads
    it as an organisation), with the given name the model left out before it ("Mayor Elena Reyes … Tomas Reyes has
    two oyster leases": "Tomas" no entity, "Reyes" an organisation)."""
    surnames = {fold(doc[c.end - 1].text) for c in candidates if c.label == "PERSON" and c.end - c.start > 1}
    out: list[_Candidate] = []
    for cand in candidates:
        size = cand.end - cand.start
        surname = fold(doc[cand.end - 1].text) in surnames
        if cand.label in ("ORG", "PERSON") and size == 1 and surname:
            cand = replace(cand, label="PERSON")
            cand = _extend_left(doc, text, cand, sent_starts, 1, lambda tok, _: _given_name_like(tok))
        elif cand.label == "ORG" and size == 2 and surname and _given_name_like(doc[cand.start]):
            cand = replace(cand, label="PERSON")  # the same, when the organisation took in the given name
        out.append(cand)
    return out


def _short_forms_of_organisations(doc: Doc, candidates: list[_Candidate]) -> None:
    """Relabel in place a "person" whose words open the name of an organisation the article names ("Carrow Tide"
    beside "Carrow Tide Logistics"): the organisation's short name. Not a name the article gives a person's
    title ("President Obama" beside "the Obama Foundation")."""
    organisations = [fold(c.text).split() for c in candidates if c.label == "ORG" and c.end - c.start > 1]
    titled = {_key(c) for c in candidates if c.label == "PERSON" and _after_person_title(doc, c)}
    for cand in candidates:
        if cand.label != "PERSON" or _key(cand) in titled:
            continue
        words = fold(cand.text).split()
        if any(len(org) > len(words) and org[: len(words)] == words for org in organisations):
            cand.label = "ORG"


def _given_name_like(tok: Token) -> bool:
    """Tell whether a word outside any entity may be a given name: a capitalised proper noun, no title nor stop
    word ("Tomas", not "Mayor", "The" or "Monday")."""
    if not (tok.is_title and tok.is_alpha and tok.tag_ == "NNP") or tok.ent_type_:
        return False
    return not (tok.lower_ in TITLE_WORDS or tok.lower_ in HONORIFICS or tok.is_stop)


def _merge_bracketed_persons(doc: Doc, text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Join a person's name split by a bracket ("(Russian President Vladimir) Putin")."""
    merged: list[_Candidate] = []
    for cand in candidates:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.label == cand.label == "PERSON"
            and 0 < cand.start - prev.end <= 2
            and all(doc[i].text in BRACKETS for i in range(prev.end, cand.start))
        ):
            merged[-1] = replace(
                prev, end=cand.end, char_end=cand.char_end, text=text[prev.char_start : cand.char_end]
            )
            continue
        merged.append(cand)
    return merged


def _drop_common_word_persons(
    doc: Doc, candidates: list[_Candidate], lower_words: set[str]
) -> list[_Candidate]:
    """Drop one-word "persons" that are a word of the doc or a product ("Ferry sailings", "Patriot units")."""
    people = [c for c in candidates if c.label == "PERSON"]
    surnames = {fold(doc[c.end - 1].text) for c in people if c.end - c.start > 1}
    named = {fold(c.text) for c in people if not _names_a_thing(doc, c)}
    return [
        c
        for c in candidates
        if not (
            c.label == "PERSON"
            and c.end - c.start == 1
            and fold(c.text) not in surnames
            and not _after_person_title(doc, c)
            and (doc[c.start].lower_ in lower_words or (_names_a_thing(doc, c) and fold(c.text) not in named))
        )
    ]


def _split_coordinated_places(doc: Doc, text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Split "A and B" before a plural noun of places into two places ("the Lower Quay and Saltmarsh
    districts"), which the model tags as one organisation; "Procter and Gamble" stays whole."""
    out: list[_Candidate] = []
    for cand in candidates:
        after = doc[cand.end] if cand.end < len(doc) else None
        joins = [i for i in range(cand.start + 1, cand.end - 1) if doc[i].lower_ in ("and", "&")]
        if after is None or len(joins) != 1 or after.lower_ not in PLACE_PLURALS:
            out.append(cand)
            continue
        j = joins[0]
        parts = [_clean_span(doc, text, cand.start, j, "LOC"), _clean_span(doc, text, j + 1, cand.end, "LOC")]
        if all(p is not None and doc[p.start].is_title for p in parts):
            out.extend(p for p in parts if p is not None)
        else:
            out.append(cand)
    return out


def _headline_modifier(doc: Doc, cand: _Candidate, candidates: list[_Candidate]) -> bool:
    """Tell whether a one-word "name" is only the capitalised first word of a sentence that qualifies the
    common noun after it ("Chemical barge hits rail bridge"), written nowhere else in the article; "Apple
    engineers said", with Apple named again, keeps its organisation."""
    if cand.end - cand.start != 1 or cand.label == "PERSON":
        return False
    tok = doc[cand.start]
    nxt = doc[cand.start + 1] if cand.start + 1 < len(doc) else None
    if not tok.is_sent_start or nxt is None or not nxt.is_lower or nxt.pos_ != "NOUN":
        return False
    if tok.head.i != nxt.i or tok.dep_ not in ("compound", "amod", "nmod"):
        return False
    return sum(1 for c in candidates if c.text == cand.text) == 1


def _label_vessels(doc: Doc, candidates: list[_Candidate]) -> None:
    """Label the names of vessels VESSEL, which the model takes for people or organisations ("the tug Ellen Mae",
    whom a later "she" must not refer to), wherever the article writes them once it has named them by their kind."""
    vessels = {fold(c.text) for c in candidates if c.label in ("PERSON", "ORG", "FAC") and _named_as_a_vessel(doc, c)}
    for cand in candidates:
        if fold(cand.text) in vessels:
            cand.label = "VESSEL"


def _named_as_a_vessel(doc: Doc, cand: _Candidate) -> bool:
    """Tell whether a name follows the noun of a vessel ("tug Ellen Mae", "the barge, the Corbin Star") or stands
    in apposition to one."""
    i = cand.start - 1
    while i >= 0 and cand.start - i <= 2 and (doc[i].lower_ in ("the", "a") or doc[i].text == ","):
        i -= 1  # "the damaged barge, the Corbin Star": back over the article and the comma
    if i >= 0 and doc[i].is_lower and doc[i].lemma_.lower() in VESSEL_NOUNS:
        return True
    root = doc[cand.start : cand.end].root
    return root.dep_ == "appos" and root.head.is_lower and root.head.lemma_.lower() in VESSEL_NOUNS


def _qualifies_a_title(doc: Doc, cand: _Candidate, lower_words: set[str], openers: set[str]) -> bool:
    """Tell whether a one-word "organisation" or "person" qualifies the title of the person named after it
    ("Harbor Commissioner Dana Okafor"): part of her title, not an organisation of its own, when the article
    writes the word in lower case too ("the harbor") or opens a longer organisation's name with it ("the
    Harbor Commission"). "Microsoft CEO Satya Nadella" keeps its organisation."""
    if cand.label not in ("ORG", "PERSON") or cand.end - cand.start != 1 or cand.end + 1 >= len(doc):
        return False
    title, after = doc[cand.end], doc[cand.end + 1]
    word = doc[cand.start]
    return (
        (word.lower_ in lower_words or fold(word.text) in openers)
        and title.is_title
        and title.lower_ in TITLE_HEADS
        and after.ent_type_ == "PERSON"
    )


def _names_a_place(doc: Doc, cand: _Candidate) -> bool:
    """Tell whether a "person" or "organisation" is a place: a name ending in a word for one ("Marlowe Bay",
    "Saltmarsh Point"), or a person's one word naming a facility after it ("the Dunmore terminal")."""
    last = doc[cand.end - 1]
    if cand.end - cand.start > 1 and last.is_title and last.lower_ in PLACE_HEAD_WORDS:
        return True
    single = cand.label == "PERSON" and cand.end - cand.start == 1
    return single and last.dep_ == "compound" and last.head.lemma_.lower() in FACILITY_NOUNS


def _names_a_thing(doc: Doc, cand: _Candidate) -> bool:
    """Tell whether a one-word name qualifies plural things ("two *Patriot* systems"), as products do."""
    tok = doc[cand.start]
    return cand.end - cand.start == 1 and tok.dep_ == "compound" and tok.head.tag_ == "NNS"


def _fix_labels(doc: Doc, candidates: list[_Candidate]) -> None:
    """Correct labels in place: known places, adjectives, names after a title, and the doc's majority."""
    for cand in candidates:
        key = _key(cand)
        if key in PLACE_VARIANTS:
            cand.label = "GPE"
        elif key in PLATFORMS:
            cand.label = "ORG"
        elif cand.label == "GPE" and all(doc[i].tag_ == "JJ" for i in range(cand.start, cand.end)):
            cand.label = "NORP"
        elif cand.label != "PERSON" and _after_person_title(doc, cand):
            cand.label = "PERSON"
        elif cand.label in ("PERSON", "ORG") and _names_a_place(doc, cand):
            cand.label = "LOC"
    votes: dict[str, dict[str, int]] = {}
    for cand in candidates:
        key = _key(cand)
        # a full name or a title is stronger evidence than one bare word: "Tomas Reyes" makes "Reyes" a person
        strong = cand.label == "PERSON" and (cand.end - cand.start > 1 or _after_person_title(doc, cand))
        _vote(votes, key, cand.label, 2 if strong else 1)
        after_preposition = cand.start > 0 and doc[cand.start - 1].pos_ == "ADP"
        if cand.label in ("GPE", "LOC", "PERSON") and _before_who(doc, cand.end) and not after_preposition:
            # "Rihanna, who was honored …" (a place is never "who"; "Rep. Ann Kirkpatrick of Arizona, who …" is hers)
            _vote(votes, key, "PERSON", 2)
        if cand.label == "PERSON" and cand.end - cand.start > 1:
            _vote(votes, fold(doc[cand.end - 1].text), "PERSON", 2)
    for cand in candidates:
        key = _key(cand)
        if key in PLACE_VARIANTS:
            continue
        counts = votes.get(key, {})
        best = max(counts, key=lambda label: counts[label], default=cand.label)
        if counts.get(best, 0) > counts.get(cand.label, 0):
            cand.label = best


def _before_who(doc: Doc, end: int) -> bool:
    """Tell whether "who" or "whom" follows a name, maybe after a comma ("Rihanna, who was honored")."""
    after = [tok for tok in doc[end : end + 3] if not tok.is_space and tok.text != ","]
    return bool(after) and after[0].lower_ in ("who", "whom") and after[0].i <= end + 2


def _people_taken_for_organisations(doc: Doc, candidates: list[_Candidate]) -> None:
    """Relabel, in place, a name the model took for an organisation that is a known given name and a surname the
    article names a person by, alone, more often than anything else ("… candidate Carly Fiorina strode onstage"
    labelled ORG, then "Fiorina" a person throughout; not "Morgan Stanley", whose "Stanley" names no one alone)."""
    alone: dict[str, dict[str, int]] = {}
    for cand in candidates:
        if cand.end - cand.start == 1:
            _vote(alone, _key(cand), cand.label)
    for cand in candidates:
        if cand.label != "ORG" or not 2 <= cand.end - cand.start <= 3 or first_name_gender(cand.text) is None:
            continue
        surname = alone.get(fold(doc[cand.end - 1].text), {})
        if surname.get("PERSON", 0) > sum(n for label, n in surname.items() if label != "PERSON"):
            cand.label = "PERSON"


def _vote(votes: dict[str, dict[str, int]], key: str, label: str, weight: int = 1) -> None:
    """Count a label for a name key."""
    counts = votes.setdefault(key, {})
    counts[label] = counts.get(label, 0) + weight


def _key(cand: _Candidate) -> str:
    """Return the comparison form of a candidate's text."""
    return fold(cand.text)


def _after_person_title(doc: Doc, cand: _Candidate) -> bool:
    """Tell whether a name comes right after a capitalised person title ("Secretary Blinken")."""
    if cand.start == 0 or not doc[cand.start].is_title:
        return False
    prev = doc[cand.start - 1]
    return prev.ent_type_ == "" and (
        prev.lower_ in HONORIFICS or (prev.is_title and prev.lower_ in TITLE_HEADS)
    )


def _refind_places(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """Add places the model missed, mostly lower-case ("kyiv"), that are places elsewhere in the doc."""
    covered = _tokens_in(candidates)
    doc_places = {_key(c) for c in candidates if c.label in PLACE_LABELS and c.end - c.start == 1}
    found: list[_Candidate] = []
    for tok in doc:
        if tok.i in covered or not tok.is_alpha or len(tok) < 2:
            continue
        if tok.ent_type_ and tok.ent_type_ not in LABELS:
            continue
        key = tok.lower_
        if key not in PLACE_VARIANTS and key not in doc_places:
            continue
        # the tagger often takes a lower-case place for an adjective ("from kyiv to")
        if tok.is_lower and (tok.is_stop or tok.pos_ not in ("PROPN", "NOUN", "ADJ", "X")):
            continue
        if not tok.is_lower and tok.tag_ not in ("NNP", "NN"):
            continue
        found.append(_Candidate(tok.i, tok.i + 1, "GPE", tok.idx, tok.idx + len(tok), tok.text))
    return found


def _index_by_token(candidates: list[_Candidate]) -> dict[int, _Candidate]:
    """Map every token inside a candidate to that candidate."""
    return {i: cand for cand in candidates for i in range(cand.start, cand.end)}


def _tokens_in(spans: Iterable[_Candidate | _Title]) -> set[int]:
    """Return the token indices covered by some candidates or titles."""
    return {i for span in spans for i in range(span.start, span.end)}


def _person_title(
    doc: Doc, cand: _Candidate, cand_at: dict[int, _Candidate], sent_starts: list[int]
) -> tuple[int, _Title | None]:
    """Return where a name starts inside the entity, and for a person the title written beside it."""
    if cand.label != "PERSON":
        return cand.start, None
    sent_start, sent_end = _sentence_bounds(doc, cand.start, sent_starts)
    name_start = cand.start
    while name_start < cand.end - 1 and _is_title_or_honorific(doc[name_start]):
        name_start += 1
    before = name_start
    honorific = False
    while before > sent_start and doc[before - 1].lower_ in HONORIFICS:
        before, honorific = before - 1, True
    if not honorific:
        first = _walk_title_left(doc, name_start, sent_start, cand_at)
        if _has_head(doc, first, name_start):
            return name_start, _title(doc, first, name_start)
    appositive = _appositive_before(doc, before, cand.end, sent_start, sent_end, cand_at)
    if appositive is None:
        appositive = _appositive_after(doc, cand.end, sent_end, cand_at)
    return name_start, appositive


def _is_title_or_honorific(tok: Token) -> bool:
    """Tell whether a token inside a PERSON entity is a title or form of address, not the name."""
    return tok.lower_ in HONORIFICS or tok.lower_ in TITLE_WORDS


def _sentence_bounds(doc: Doc, token: int, sent_starts: list[int]) -> tuple[int, int]:
    """Return the first token and the end token of the sentence holding ``token``."""
    n = bisect.bisect_right(sent_starts, token) - 1
    end = sent_starts[n + 1] if n + 1 < len(sent_starts) else len(doc)
    return sent_starts[n], end


def _walk_title_left(doc: Doc, end: int, lo: int, cand_at: dict[int, _Candidate]) -> int:
    """Return the first token of the title phrase that ends just before token ``end``."""
    first = end
    i = end - 1
    modifiers = 0
    while i >= lo:
        cand = cand_at.get(i)
        if cand is not None:
            if not _may_stand_in_title(doc, cand, cand_at):
                break
            first = i = cand.start
            if i - 2 >= lo and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "of":
                first = i = i - 1  # "of the United States": the entity was trimmed of its "the"
            i -= 1
            continue
        inner = first < end
        if _is_title_token(doc, i, cand_at, inner):
            first, i = i, i - 1
        elif inner and modifiers < MAX_TITLE_MODIFIERS and _is_title_modifier(doc[i], doc[first]):
            first, i, modifiers = i, i - 1, modifiers + 1
        else:
            break
    while first < end and (doc[first].lower_ == "of" or doc[first].tag_ == "POS"):
        first += 1
    return first


def _walk_title_right(doc: Doc, start: int, hi: int, cand_at: dict[int, _Candidate]) -> int:
    """Return the end token of the title phrase that begins at token ``start``."""
    i = start
    while i < hi:
        cand = cand_at.get(i)
        if cand is not None:
            if cand.start != i or not _may_stand_in_title(doc, cand, cand_at):
                break
            i = cand.end
            continue
        inner = i > start
        the_before_entity = (
            inner and doc[i].lower_ == "the" and doc[i - 1].lower_ == "of" and i + 1 in cand_at
        )
        if not (
            the_before_entity
            or _is_title_token(doc, i, cand_at, inner)
            or (i + 1 < hi and _is_title_modifier(doc[i], doc[i + 1]))
        ):
            break
        i += 1
    while i > start and (doc[i - 1].lower_ == "of" or doc[i - 1].tag_ == "POS"):
        i -= 1
    return i


def _is_title_token(doc: Doc, i: int, cand_at: dict[int, _Candidate], inner: bool) -> bool:
    """Tell whether token ``i`` is a title word, or (inside a title) "of" or an entity's possessive 's."""
    tok = doc[i]
    if tok.lower_ in TITLE_WORDS and not tok.is_punct:
        return True
    return inner and (tok.lower_ == "of" or (tok.tag_ == "POS" and i - 1 in cand_at))


def _is_title_modifier(tok: Token, title_word: Token) -> bool:
    """Tell whether a lower-case word qualifies the title word beside it ("*council* chair")."""
    return (
        tok.is_lower and tok.pos_ in ("NOUN", "ADJ") and not tok.is_stop and title_word.lower_ in TITLE_WORDS
    )


def _may_stand_in_title(doc: Doc, cand: _Candidate, cand_at: dict[int, _Candidate]) -> bool:
    """Tell whether a named entity can be part of a title: a country, a body, a nationality."""
    if cand.label not in TITLE_ENTITY_LABELS:
        return False
    if cand.label in ("ORG", "NORP"):
        return True
    after = doc[cand.end] if cand.end < len(doc) else None
    before = doc[cand.start - 1] if cand.start > 0 else None
    return (
        _key(cand) in COUNTRY_WORDS
        or (after is not None and after.tag_ == "POS")
        or (before is not None and before.lower_ == "of")
    )


def _has_head(doc: Doc, start: int, end: int) -> bool:
    """Tell whether tokens ``start..end`` hold a title head word (minister, secretary ...)."""
    return any(doc[i].lower_ in TITLE_HEADS for i in range(start, end))


def _title(doc: Doc, start: int, end: int) -> _Title:
    """Make a title record for tokens ``start..end``."""
    return _Title(start, end, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


def _appositive_before(
    doc: Doc, name_start: int, name_end: int, lo: int, hi: int, cand_at: dict[int, _Candidate]
) -> _Title | None:
    """Find a title set off before the name by a comma ("The Secretary of State ..., Antony Blinken,")."""
    comma = name_start - 1
    if comma <= lo or doc[comma].text != ",":
        return None
    if name_end < hi and not doc[name_end].is_punct:
        return None
    first = _walk_title_left(doc, comma, lo, cand_at)
    if first >= comma or not _has_head(doc, first, comma):
        return None
    opener = doc[first - 1] if first > lo else None
    if opener is not None and not (opener.is_punct or opener.lower_ in DETERMINERS):
        return None
    return _title(doc, first, comma)


def _appositive_after(doc: Doc, name_end: int, hi: int, cand_at: dict[int, _Candidate]) -> _Title | None:
    """Find a title set off after the name by commas ("Jake Sullivan, the national security adviser,")."""
    if name_end >= hi or doc[name_end].text != ",":
        return None
    start = name_end + 1
    if start < hi and doc[start].lower_ in DETERMINERS:
        start += 1
    end = _walk_title_right(doc, start, hi, cand_at)
    if end <= start or not _has_head(doc, start, end):
        return None
    if end < hi and not doc[end].is_punct:
        return None
    return _title(doc, start, end)


def _role_phrases(
    doc: Doc, cand_at: dict[int, _Candidate], taken: set[int], sent_starts: list[int]
) -> list[tuple[int, _Title]]:
    """Find roles named without a person ("the Secretary of State", "Ukraine's foreign minister")."""
    found: list[tuple[int, _Title]] = []
    last_end = -1
    for tok in doc:
        if tok.i < last_end or tok.i in taken or tok.i in cand_at:
            continue
        if tok.lower_ not in ROLE_HEADS or tok.tag_ not in ("NN", "NNP") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        lo, hi = _sentence_bounds(doc, tok.i, sent_starts)
        first = _walk_title_left(doc, tok.i, lo, cand_at)
        end = tok.i + 1
        if end + 1 < hi and doc[end].lower_ == "of":
            of_end = _walk_title_right(doc, end + 1, hi, cand_at)
            if of_end > end + 1:
                end = of_end
        if any(i in taken for i in range(first, end)):
            continue
        if end < hi and (end in cand_at and cand_at[end].label == "PERSON"):
            continue
        possessive = any(doc[i].tag_ == "POS" for i in range(first, end))
        det = doc[first - 1] if first > lo else None
        definite = det is not None and det.lower_ == "the"
        if not (possessive or definite):
            continue
        if first == tok.i and end == tok.i + 1 and not (tok.is_title or tok.lower_ in BARE_ROLE_HEADS):
            continue
        phrase_start = det.idx if definite and det is not None else doc[first].idx
        found.append((phrase_start, _title(doc, first, end)))
        last_end = end
    return found


def _is_title_word_org(doc: Doc, cand: _Candidate, taken: set[int]) -> bool:
    """Tell whether an ORG is only title words inside a title ("State" in "Secretary of State")."""
    if cand.label != "ORG" or not any(i in taken for i in range(cand.start, cand.end)):
        return False
    return all(doc[i].lower_ in TITLE_WORDS for i in range(cand.start, cand.end))


def _name_text(doc: Doc, start: int, end: int) -> str:
    """Return the name written by tokens ``start..end``, without brackets, quotes or possessive 's."""
    parts: list[str] = []
    for tok in doc[start:end]:
        if tok.is_bracket or tok.is_quote or tok.tag_ == "POS":
            parts.append(tok.whitespace_)
            continue
        parts.append(tok.text_with_ws)
    name = " ".join("".join(parts).split())
    # a scrape glues a quote's end or a tag's to the name after it ("paranoia,”Clinton said", '">Sanders')
    name = GLUED_BEFORE_NAME.sub("", name)
    name = name[: _strip_possessive(name, 0, len(name))].strip(EDGE_CHARS.replace(".", ""))
    if name.lower().startswith("the "):
        name = name[4:]
    return name
