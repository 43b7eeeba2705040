"""Tests of cross-article entity linking: the seeds, a fictional same-surname corpus, hand-made mentions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from dateline.analyze import nlp as nlp_module
from dateline.analyze.entities import find_mentions
from dateline.corpus.link import EntityLinker, link_entities, speakers_by_name
from dateline.model import Entity, Mention, Quote
from tests.conftest import require_seeds

SAME_SURNAME = Path(__file__).parent / "data" / "same_surname"
SEED_DATES = {"001": "2023-11-29", "003": "2024-05-14", "004": "2024-05-14"}
"""Publication dates of the seeds that print one (the others are left undated, as the cleaner may)."""


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The project's spaCy pipeline, loaded once for the module."""
    return nlp_module.load()


@pytest.fixture(scope="module")
def seeds_linked(nlp: Language) -> tuple[list[Mention], list[Entity]]:
    """The seed articles' mentions, linked."""
    seeds = require_seeds()
    mentions: list[Mention] = []
    dates: dict[str, str | None] = {}
    for path in sorted(seeds.glob("*.txt")):
        dates[path.stem] = SEED_DATES.get(path.stem[:3])
        mentions += find_mentions(nlp(path.read_text(encoding="utf-8")), path.stem)
    return mentions, link_entities(mentions, dates)


@pytest.fixture(scope="module")
def same_surname(nlp: Language) -> list[tuple[str, str, list[Mention]]]:
    """The fictional same-surname articles as ``(article_id, date, mentions)``, in date order."""
    return [
        (path.stem, path.stem[:10], find_mentions(nlp(path.read_text(encoding="utf-8")), path.stem))
        for path in sorted(SAME_SURNAME.glob("*.txt"))
    ]


def _having_alias_word(entities: list[Entity], word: str, type_: str | None = None) -> list[Entity]:
    return [
        e
        for e in entities
        if (type_ is None or e.type == type_) and any(word.lower() in a.lower().split() for a in e.aliases)
    ]


@pytest.mark.parametrize(
    ("surname", "entity_id", "name"),
    [
        ("Blinken", "person:antony-blinken", "Antony Blinken"),
        ("Zelensky", "person:volodymyr-zelensky", "Volodymyr Zelensky"),
        ("Kuleba", "person:dmytro-kuleba", "Dmytro Kuleba"),
        ("Putin", "person:vladimir-putin", "Vladimir Putin"),
        ("Sullivan", "person:jake-sullivan", "Jake Sullivan"),
    ],
)
def test_seed_people_are_one_entity_each(
    seeds_linked: tuple[list[Mention], list[Entity]], surname: str, entity_id: str, name: str
) -> None:
    mentions, entities = seeds_linked
    [person] = _having_alias_word(entities, surname)
    assert (person.id, person.type, person.name) == (entity_id, "person", name)
    assert surname in person.aliases
    named = [m for m in mentions if m.kind == "name" and surname in m.name.split()]
    assert named and all(m.entity_id == entity_id for m in named)


def test_seed_blinken_spellings_and_titles(seeds_linked: tuple[list[Mention], list[Entity]]) -> None:
    _, entities = seeds_linked
    [blinken] = [e for e in entities if e.id == "person:antony-blinken"]
    assert {"Antony Blinken", "Antony J. Blinken", "Blinken"} <= set(blinken.aliases)
    assert len(blinken.article_ids) == 5
    dated = {(r.title, r.date) for r in blinken.roles}
    assert ("US Secretary of State", "2023-11-29") in dated
    assert ("US Secretary of State", "2024-05-14") in dated


def test_seed_kyiv_is_one_place(seeds_linked: tuple[list[Mention], list[Entity]]) -> None:
    mentions, entities = seeds_linked
    kyivs = [e for e in entities if {"kyiv", "kiev"} & {a.lower() for a in e.aliases}]
    assert [(e.id, e.type, e.name) for e in kyivs] == [("place:kyiv", "place", "Kyiv")]
    assert {"Kyiv", "Kiev", "kyiv"} <= set(kyivs[0].aliases)
    assert all(m.entity_id == "place:kyiv" for m in mentions if m.name.lower() in {"kyiv", "kiev"})


def test_seed_united_states_is_one_place_apart_from_washington(
    seeds_linked: tuple[list[Mention], list[Entity]],
) -> None:
    _, entities = seeds_linked
    [us] = [e for e in entities if "U.S." in e.aliases]
    assert (us.id, us.name) == ("place:united-states", "United States")
    assert {"US", "U.S.", "United States"} <= set(us.aliases)
    [washington] = [e for e in entities if "Washington" in e.aliases]
    assert washington.id == "place:washington" and washington.id != us.id


def test_seed_roles_of_the_foreign_minister_attach_to_kuleba(
    seeds_linked: tuple[list[Mention], list[Entity]],
) -> None:
    mentions, entities = seeds_linked
    [kuleba] = [e for e in entities if e.id == "person:dmytro-kuleba"]
    titles = {r.title for r in kuleba.roles}
    assert {"Ukraine's foreign minister", "Ukraine's top diplomat", "Ukrainian Foreign Minister"} <= titles
    assert all(r.date == "2023-11-29" for r in kuleba.roles if r.title.startswith("Ukraine's"))
    role_only = [m for m in mentions if m.kind == "role" and m.title == "Ukraine's foreign minister"]
    assert role_only and all(m.entity_id == "person:dmytro-kuleba" for m in role_only)


def test_seed_people_are_names_without_junk(seeds_linked: tuple[list[Mention], list[Entity]]) -> None:
    _, entities = seeds_linked
    for entity in entities:
        if entity.type != "person":
            continue
        assert entity.name != "Blinken Visits"
        assert not any(q in alias for alias in entity.aliases for q in "\"'“”‘’"), entity
        assert not any(word in entity.name.split() for word in ("Secretary", "President", "Mr")), entity


def _link_same_surname(articles: list[tuple[str, str, list[Mention]]]) -> list[Entity]:
    mentions = [m for _, _, ms in articles for m in ms]
    return link_entities(mentions, {a: d for a, d, _ in articles})


def _reyes(articles: list[tuple[str, str, list[Mention]]], article_prefix: str) -> list[Mention]:
    [(_, _, mentions)] = [a for a in articles if a[0].startswith(article_prefix)]
    return [m for m in mentions if m.label == "PERSON" and "Reyes" in (m.name or m.text)]


def test_two_people_with_one_surname_stay_apart(same_surname: list[tuple[str, str, list[Mention]]]) -> None:
    entities = _link_same_surname(same_surname)
    reyes = _having_alias_word(entities, "Reyes", "person")
    assert sorted(e.id for e in reyes) == ["person:maria-reyes", "person:tomas-reyes"]
    for entity in reyes:
        full_names = {a for a in entity.aliases if len(a.split()) > 1}
        assert len(full_names) == 1, entity.aliases


def test_bare_surname_goes_to_the_person_named_in_the_article(
    same_surname: list[tuple[str, str, list[Mention]]],
) -> None:
    _link_same_surname(same_surname)
    mayor_article = _reyes(same_surname, "2025-03-04")
    assert mayor_article and {m.entity_id for m in mayor_article} == {"person:maria-reyes"}
    council_article = _reyes(same_surname, "2025-03-05")
    assert council_article and {m.entity_id for m in council_article} == {"person:tomas-reyes"}


def test_bare_surname_in_an_article_naming_neither_stays_unlinked(
    same_surname: list[tuple[str, str, list[Mention]]],
) -> None:
    _link_same_surname(same_surname)
    ferry_article = _reyes(same_surname, "2025-03-06")
    assert ferry_article and all(m.entity_id is None for m in ferry_article)


def test_titles_settle_who_is_meant_when_both_are_named(
    same_surname: list[tuple[str, str, list[Mention]]],
) -> None:
    _link_same_surname(same_surname)
    both = _reyes(same_surname, "2025-03-07")
    titled = [m for m in both if m.name == "Reyes" and m.title == "Mayor"]
    assert titled and titled[0].entity_id == "person:maria-reyes"
    [(_, _, mentions)] = [a for a in same_surname if a[0].startswith("2025-03-07")]
    chair = [m for m in mentions if m.kind == "role" and m.title == "council chair"]
    assert chair and chair[0].entity_id == "person:tomas-reyes"
    untitled = [m for m in both if m.name == "Reyes" and m.title is None]
    assert all(m.entity_id is None for m in untitled)


def test_role_mention_goes_to_the_titled_person_of_the_article(
    same_surname: list[tuple[str, str, list[Mention]]],
) -> None:
    _link_same_surname(same_surname)
    [(_, _, mentions)] = [a for a in same_surname if a[0].startswith("2025-03-04")]
    [mayor] = [m for m in mentions if m.kind == "role"]
    assert (mayor.title, mayor.entity_id) == ("mayor", "person:maria-reyes")


def test_surname_spelling_variants_are_one_person(same_surname: list[tuple[str, str, list[Mention]]]) -> None:
    entities = _link_same_surname(same_surname)
    [port] = [e for e in entities if e.type == "person" and any("Levytsk" in a for a in e.aliases)]
    assert {"Ostap Levytskyy", "Ostap Levytsky", "Levytskyy"} <= set(port.aliases)


def test_incremental_linking_matches_batch_linking(
    same_surname: list[tuple[str, str, list[Mention]]],
) -> None:
    batch = {e.id: sorted(e.aliases) for e in _link_same_surname(same_surname)}
    batch_links = [m.entity_id for _, _, ms in same_surname for m in ms]
    for _, _, mentions in same_surname:
        for mention in mentions:
            mention.entity_id = None
    linker = EntityLinker()
    for article_id, date, mentions in same_surname:
        linker.add(mentions, article_id, date)
        linker = EntityLinker.from_dict(json.loads(json.dumps(linker.to_dict())))
    assert {e.id: sorted(e.aliases) for e in linker.entities()} == batch
    assert [m.entity_id for _, _, ms in same_surname for m in ms] == batch_links


def _mention(
    article: str, name: str, label: str = "PERSON", title: str | None = None, kind: str = "name"
) -> Mention:
    return Mention(article, 0, len(name), name or title or "", label, name, title, 0, kind=kind)


def test_place_spellings_are_one_place() -> None:
    names = ["US", "U.S.", "United States", "the United States", "USA", "America", "Washington"]
    mentions = [_mention(f"a{i}", name, "GPE") for i, name in enumerate(names)]
    mentions += [_mention("b", name, "GPE") for name in ("Kiev", "kyiv", "KYIV", "Kyiv", "Odessa", "Odesa")]
    entities = {e.id: e for e in link_entities(mentions, {})}
    assert set(entities) == {"place:united-states", "place:washington", "place:kyiv", "place:odesa"}
    assert entities["place:united-states"].mention_count == 6
    assert entities["place:kyiv"].name == "Kyiv" and entities["place:odesa"].name == "Odesa"


def test_a_vessel_the_model_took_for_an_organisation_in_one_article_is_one_vessel() -> None:
    mentions = [_mention("a", "Corbin Star", "VESSEL"), _mention("b", "Corbin Star", "VESSEL")]
    mentions.append(_mention("c", "Corbin Star", "ORG"))  # "The Corbin Star had been sailing …", its kind unsaid
    [barge] = link_entities(mentions, {})
    assert barge.id == "vessel:corbin-star" and barge.type == "vessel" and barge.mention_count == 3


def test_a_river_named_by_its_first_word_is_the_river_its_article_names() -> None:
    # "the Aldery" before "the Aldery River" in one article (taken for a place, then for an organisation)
    mentions = [_mention("a", "Aldery", "LOC"), _mention("a", "Aldery River", "LOC"), _mention("a", "Aldery", "ORG")]
    # an article that does not name the river: "Marlow" alone may be a town of its own
    mentions += [_mention("b", "Marlow Bay", "LOC"), _mention("c", "Marlow", "GPE")]
    entities = {e.id: e for e in link_entities(mentions, {})}
    assert entities["place:aldery-river"].mention_count == 3
    assert set(entities) == {"place:aldery-river", "place:marlow-bay", "place:marlow"}


def test_acronym_and_full_name_are_one_organisation() -> None:
    mentions = [_mention("a", "North Atlantic Treaty Organization", "ORG"), _mention("b", "NATO", "ORG")]
    [nato] = link_entities(mentions, {})
    assert nato.type == "org" and nato.mention_count == 2


def test_person_spellings_are_one_person() -> None:
    mentions = [
        _mention("a", "Volodymyr Zelensky", title="Ukrainian President"),
        _mention("b", "Zelenskyy"),
        _mention("c", "Volodymyr Zelenskyy"),
        _mention("c", "Zelensky"),
        _mention("d", "Volodymyr Zelensky"),
        _mention("d", "Antony J. Blinken", title="Secretary of State"),
        _mention("e", "Blinken"),
        _mention("e", "Antony Blinken"),
        _mention("e", "Antony Blinken"),
    ]
    entities = link_entities(mentions, {})
    assert sorted((e.id, e.name, e.mention_count) for e in entities) == [
        ("person:antony-blinken", "Antony Blinken", 4),
        ("person:volodymyr-zelensky", "Volodymyr Zelensky", 5),
    ]


def test_full_names_with_other_given_names_stay_apart() -> None:
    mentions = [_mention("a", "Maria Reyes"), _mention("b", "Tomas Reyes"), _mention("c", "Reyes")]
    mentions += [_mention("d", "Ivan Marsh"), _mention("e", "Evan Marsh")]
    entities = link_entities(mentions, {})
    assert sorted(e.id for e in entities) == [
        "person:evan-marsh",
        "person:ivan-marsh",
        "person:maria-reyes",
        "person:tomas-reyes",
    ]
    assert mentions[2].entity_id is None


def test_lone_surname_links_corpus_wide_when_only_one_person_has_it() -> None:
    mentions = [_mention("a", "Helen Marsh"), _mention("b", "Marsh")]
    [marsh] = link_entities(mentions, {})
    assert marsh.id == "person:helen-marsh" and marsh.article_ids == ["a", "b"]


def test_role_goes_to_the_holder_nearest_in_time() -> None:
    mentions = [
        _mention("2019", "Anna Berg", title="Finnish Foreign Minister"),
        _mention("2024", "Olaf Dahl", title="Finnish Foreign Minister"),
        _mention("2020", "", title="Finland's foreign minister", kind="role"),
        _mention("2023", "", title="Finland's foreign minister", kind="role"),
    ]
    dates: dict[str, str | None] = {
        "2019": "2019-06-01",
        "2024": "2024-01-10",
        "2020": "2020-02-01",
        "2023": "2023-12-01",
    }
    link_entities(mentions, dates)
    assert [m.entity_id for m in mentions[2:]] == ["person:anna-berg", "person:olaf-dahl"]


def test_vague_role_without_holder_in_the_article_stays_unlinked() -> None:
    mentions = [
        _mention("a", "Anna Berg", title="Finnish Foreign Minister"),
        _mention("b", "", title="Secretary", kind="role"),
    ]
    link_entities(mentions, {})
    assert mentions[1].entity_id is None


def test_incremental_person_first_seen_by_surname_keeps_its_id() -> None:
    linker = EntityLinker()
    first = [_mention("a", "Marsh")]
    linker.add(first, "a", "2025-01-01")
    later = [_mention("b", "Helen Marsh"), _mention("b", "Marsh")]
    linker.add(later, "b", "2025-01-02")
    [marsh] = linker.entities()
    assert (marsh.id, marsh.name, marsh.mention_count) == ("person:marsh", "Helen Marsh", 3)
    assert {m.entity_id for m in first + later} == {"person:marsh"}


def _people_linked_in(nlp: Language, text: str) -> dict[tuple[str, str | None], str | None]:
    """Link one article's person mentions; return each one's entity by its text and form of address."""
    mentions = find_mentions(nlp(text), "a1")
    link_entities(mentions, {"a1": "2025-03-04"})
    return {(m.text, m.address): m.entity_id for m in mentions if m.label == "PERSON"}


def test_form_of_address_keeps_a_surname_from_a_person_of_the_other_gender(nlp: Language) -> None:
    text = (
        "Michelle Okafor opened the new ferry terminal on Monday. Mr. Okafor, her husband, cut the ribbon, "
        "and Mrs. Okafor thanked the crews."
    )
    by_text = _people_linked_in(nlp, text)
    assert by_text[("Michelle Okafor", None)] == by_text[("Okafor", "f")] == "person:michelle-okafor"
    assert by_text[("Okafor", "m")] != "person:michelle-okafor"


def test_surname_first_names_link_their_surname(nlp: Language) -> None:
    first = find_mentions(nlp("Kim Da-moon, the harbor envoy, arrived on Monday with the ferry crews."), "a1")
    # a later article writes the surname alone: it is the envoy's, the first word of his name
    second = find_mentions(nlp("The ferry crews met Mr. Kim again on Tuesday, and Kim left at noon."), "a2")
    link_entities(first + second, {"a1": "2025-03-04", "a2": "2025-03-05"})
    people = {m.entity_id for m in first + second if m.label == "PERSON"}
    assert people == {"person:kim-da-moon"}


def test_form_of_address_picks_between_two_people_of_one_surname(nlp: Language) -> None:
    text = (
        "Tomas Reyes, an oyster grower, lost his crop. Mayor Elena Reyes visited the beds on Monday.\n\n"
        "On Wednesday Ms Reyes announced a fund for the growers."
    )
    by_text = _people_linked_in(nlp, text)
    assert by_text[("Reyes", "f")] == by_text[("Elena Reyes", None)] == "person:elena-reyes"


def test_short_name_of_an_organisation_links_to_its_full_name() -> None:
    first = [_mention("a", "Carrow Tide Logistics", "ORG")]
    second = [_mention("b", "Carrow Tide", "ORG"), _mention("b", "Carrow", "ORG")]
    entities = link_entities(first + second, {"a": "2025-03-04", "b": "2025-03-05"})
    assert first[0].entity_id == second[0].entity_id == "org:carrow-tide-logistics"
    [company] = [e for e in entities if e.id == "org:carrow-tide-logistics"]
    assert company.name == "Carrow Tide Logistics"


def test_one_word_short_name_links_only_within_its_article() -> None:
    first = [_mention("a", "Okafor University", "ORG")]
    # an article naming a person whom the model took for an organisation, and no university
    second = [_mention("b", "Okafor", "ORG")]
    link_entities(first + second, {"a": "2025-03-04", "b": "2025-03-05"})
    assert second[0].entity_id != first[0].entity_id
    third = [_mention("c", "Okafor University", "ORG"), _mention("c", "Okafor", "ORG")]
    link_entities(first + third, {"a": "2025-03-04", "c": "2025-03-06"})
    assert third[1].entity_id == third[0].entity_id


def test_a_place_misspelt_by_one_letter_in_a_long_word_is_the_same_place() -> None:
    """"Marlowe Bay" in one article is the "Marlow Bay" of the others; "Iran" and "Iraq", "Mount Hood" and
    "Mount Hook", and "North Carolina" and "South Carolina" stay apart, also once the linker is stored."""
    linker = EntityLinker()
    linker.add([_mention("a", name, "GPE") for name in ("Marlow Bay", "Iran", "Mount Hood")], "a")
    linker.add([_mention("a2", "North Carolina", "GPE")], "a2")
    linker = EntityLinker.from_dict(json.loads(json.dumps(linker.to_dict())))
    linker.add(
        [_mention("b", name, "GPE") for name in ("Marlowe Bay", "Iraq", "Mount Hook", "South Carolina")], "b"
    )
    entities = {e.id: e for e in linker.entities()}
    assert entities["place:marlow-bay"].mention_count == 2
    assert {"place:iran", "place:iraq", "place:mount-hood", "place:mount-hook"} <= set(entities)
    assert {"place:north-carolina", "place:south-carolina"} <= set(entities)


def _said_by(name: str) -> Quote:
    """A quote whose speaker phrase resolved to a name that no mention of its article links."""
    return Quote("a1", 0, 10, "the pier was safe", "indirect", speaker_start=0, speaker_end=5, speaker_name=name)


def test_a_speaker_no_mention_links_takes_the_one_entity_of_that_name() -> None:
    entities = [
        Entity("org:harbor-board", "org", "Harbor Board", aliases=["the Harbor Board"]),
        Entity("person:ana-ruiz", "person", "Ana Ruiz", aliases=["Ruiz"]),
        Entity("person:tomas-ruiz", "person", "Tomás Ruiz", aliases=["Ruiz"]),
        Entity("place:marlow-bay", "place", "Marlow Bay"),
    ]
    quotes = [_said_by(name) for name in ("Harbor Board", "Ana Ruiz", "Ruiz", "Marlow Bay", "officials")]
    quotes.append(_said_by("Ana Ruiz"))
    quotes[-1].speaker_entity_id = "person:someone-linked-before"
    speakers_by_name(quotes, entities)
    # a name two entities share, a place and a description link nothing; a link made before stays
    assert [q.speaker_entity_id for q in quotes] == [
        "org:harbor-board", "person:ana-ruiz", None, None, None, "person:someone-linked-before",
    ]
