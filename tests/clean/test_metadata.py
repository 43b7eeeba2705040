"""Tests for article metadata: title, publication date, outlet, author and language with provenance."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dateline.clean.dates import normalise_date
from dateline.clean.language import detect_language
from dateline.clean.metadata import extract_metadata, strip_title_sections


def shared_folder() -> Path:
    """Return the shared folder beside the repository (or the one ``DATELINE_SHARED`` names)."""
    override = os.environ.get("DATELINE_SHARED")
    return Path(override) if override else Path(__file__).resolve().parents[2].parent / "shared"


def seed(prefix: str) -> str:
    """Read the seed article whose file name starts with ``prefix``, or skip when seeds are absent."""
    folder = shared_folder() / "seeds"
    matches = sorted(folder.glob(f"{prefix}_*.txt")) if folder.is_dir() else []
    if not matches:
        pytest.skip(f"seed {prefix} not found in {folder} (set DATELINE_SHARED to the shared folder)")
    return matches[0].read_text(encoding="utf-8")


# --- the seeds, read at run time -------------------------------------------------------------------


def test_seed_001_date_author_outlet_title() -> None:
    meta = extract_metadata(seed("001"))
    assert meta["date"].value == "2023-11-29"
    assert meta["date"].confidence >= 0.9
    assert meta["date"].source.startswith("text:line 1 ")
    assert meta["author"].value == "Muhammad Irfan"
    assert meta["outlet"].value is not None and "UrduPoint" in meta["outlet"].value
    assert "APP" in meta["outlet"].value
    assert meta["title"].value == "US Says 'must And Will' Continue Backing Ukraine"
    assert meta["language"].value == "en"


def test_seed_003_weekday_date_line() -> None:
    meta = extract_metadata(seed("003"))
    assert meta["date"].value == "2024-05-14"
    assert meta["date"].confidence >= 0.8
    assert meta["title"].value == "US to Support Ukraine Until its Security is ‘Guaranteed’: Blinken"
    assert meta["outlet"].value is None
    assert meta["author"].value is None


def test_seed_004_signature_outlet_and_no_date() -> None:
    meta = extract_metadata(seed("004"))
    assert meta["outlet"].value == "The Hill"
    assert meta["date"].value is None
    assert meta["date"].confidence == 0.0
    assert meta["author"].value is None


def test_seed_000_title_without_sections_and_no_date() -> None:
    meta = extract_metadata(seed("000"))
    title = meta["title"].value
    assert title is not None and title.startswith("Ukraine war:")
    assert not title.endswith("News") and "|" not in title
    assert meta["date"].value is None
    assert meta["date"].source == "not found in text"


def test_seed_002_source_line_and_bio_author() -> None:
    meta = extract_metadata(seed("002"))
    assert meta["outlet"].value == "AP"
    assert "Source: AP / Department of State" in meta["outlet"].source
    assert meta["author"].value == "Tarun Kumar"
    assert meta["date"].value is None


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_language_is_english(prefix: str) -> None:
    language = extract_metadata(seed(prefix))["language"]
    assert language.value == "en"
    assert language.confidence >= 0.8


# --- dates ---------------------------------------------------------------------------------------------

BODY = (
    "The harbour council of Port Elsworth voted late on Thursday to approve a revised ferry timetable "
    "that adds four daily crossings to the island of Brannock, ending months of complaints from commuters "
    "who said the old schedule left them stranded."
)


def article(*header: str, tail: tuple[str, ...] = ()) -> str:
    """Build a messy fictional scrape: header lines, a body paragraph, tail lines."""
    return "\n\n".join([*header, BODY, *tail])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: 3 March 2021 | 10:05 AM", "2021-03-03"),
        ("Posted on Feb. 9, 2022", "2022-02-09"),
        ("Orla Fenwick Published January 4, 2020 | 07:43 PM", "2020-01-04"),
        ("date 2019-07-30 Open Menu", "2019-07-30"),
        ("2022-08-17T06:45:00Z", "2022-08-17"),
        ("Sat Oct 16 2021", "2021-10-16"),
        ("Wednesday, 2 June 2021", "2021-06-02"),
        ("Published 25/04/2023", "2023-04-25"),
        ("First published on 9th Sept, 2018", "2018-09-09"),
    ],
)
def test_header_date_lines(line: str, expected: str) -> None:
    date = extract_metadata(article("Harbour Ferry Row Deepens", line))["date"]
    assert date.value == expected
    assert date.confidence >= 0.85
    assert date.source.startswith("text:line 3 '")


def test_agency_dateline_parenthesis() -> None:
    line = "Kestrel Bay, (KNA - Harbour Gazette / Coast Desk - 4th Aug, 2021) The port authority said " + BODY
    meta = extract_metadata(article("Port Authority Extends Hours", line))
    assert meta["date"].value == "2021-08-04"
    assert "(KNA - Harbour Gazette / Coast Desk - 4th Aug, 2021)" in meta["date"].source
    assert meta["outlet"].value == "KNA - Harbour Gazette"


def test_outlet_named_with_its_acronym_in_a_dateline_without_a_date() -> None:
    line = "Kestrel Bay, (Harbour Evening Gazette - HEG) Residents of the port said " + BODY
    meta = extract_metadata(article("Port Authority Extends Hours", line))
    assert meta["outlet"].value == "Harbour Evening Gazette - HEG"
    assert "(Harbour Evening Gazette - HEG)" in meta["outlet"].source
    # A parenthesis in prose that is not a dateline names no outlet.
    prose = "The port authority (which runs the Kestrel Bay - KB ferry) said " + BODY
    assert extract_metadata(article("Port Authority Extends Hours", prose))["outlet"].value is None


def test_published_beats_updated() -> None:
    text = article("Ferry Row Deepens", "Updated: 12 May 2022", "Published: 10 May 2022")
    date = extract_metadata(text)["date"]
    assert date.value == "2022-05-10"
    assert date.confidence >= 0.9
    assert "disagrees" not in date.source


def test_updated_alone_is_used_with_lower_confidence() -> None:
    date = extract_metadata(article("Ferry Row Deepens", "Last updated 12 May 2022"))["date"]
    assert date.value == "2022-05-12"
    assert date.confidence < 0.9


def test_disagreeing_dates_lower_confidence() -> None:
    dateline = "Kestrel Bay, (KNA - Harbour Gazette - 7th Jun, 2022) " + BODY
    date = extract_metadata(article("Ferry Row Deepens", "Published June 2, 2022", dateline))["date"]
    assert date.value == "2022-06-02"
    assert date.confidence <= 0.8
    assert "disagrees" in date.source and "2022-06-07" in date.source


def test_body_prose_date_is_not_the_publication_date() -> None:
    prose = (
        "Officials first raised the idea on March 3, 2021, when the operator warned that its ageing vessel "
        "could not run extra crossings without a costly refit, and the council agreed to look again."
    )
    date = extract_metadata(article("Ferry Row Deepens", BODY, prose))["date"]
    assert date.value is None
    assert date.confidence == 0.0


def test_date_beside_a_clock_time_is_a_timestamp() -> None:
    line = "Ferry Row Deepens | 18:00 UK time, Monday, 7 June 2021 " + BODY
    date = extract_metadata(article(line))["date"]
    assert date.value == "2021-06-07"
    assert 0.6 <= date.confidence < 0.9


def test_short_sentence_with_a_date_in_the_header_is_prose() -> None:
    sentence = "The storm of 3 May 2019 changed everything for the island."
    date = extract_metadata(article("Ferry Row Deepens", sentence))["date"]
    assert date.value is None


def test_incomplete_dates_and_weekdays_are_not_dates() -> None:
    text = article(
        "Ferry Row Deepens", "Tuesday", "Updated Tuesday evening", "in February 2020", "Today, 10:30"
    )
    date = extract_metadata(text)["date"]
    assert date.value is None
    assert date.source == "not found in text"


def test_no_date_is_never_today() -> None:
    text = "Ferry Row Deepens\n\nThe council met today and yesterday, and will meet again tomorrow."
    date = extract_metadata(text)["date"]
    assert date.value is None


def test_wrong_weekday_lowers_confidence() -> None:
    right = extract_metadata(article("Ferry Row Deepens", "Tue 14 May 2024"))["date"]
    wrong = extract_metadata(article("Ferry Row Deepens", "Mon 14 May 2024"))["date"]
    assert right.value == wrong.value == "2024-05-14"
    assert wrong.confidence < right.confidence


def test_ambiguous_numeric_date_is_a_lower_confidence_guess() -> None:
    date = extract_metadata(article("Ferry Row Deepens", "Published 05/06/2024"))["date"]
    assert date.value in ("2024-05-06", "2024-06-05")
    assert date.confidence < 0.9


def test_dates_far_down_are_trusted_less() -> None:
    filler = [BODY] * 12
    date = extract_metadata(article("Ferry Row Deepens", *filler, tail=("Sat Oct 16 2021",)))["date"]
    assert date.value == "2021-10-16"
    assert date.confidence <= 0.5


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2024-05-14T09:30:00Z", "2024-05-14"),
        ("2024-05-14 23:30:00-05:00", "2024-05-14"),
        ("Tue, 14 May 2024 09:30:00 GMT", "2024-05-14"),
        ("May 14, 2024", "2024-05-14"),
        ("14.05.2024", "2024-05-14"),
        ("soon", None),
        ("", None),
    ],
)
def test_normalise_given_date(given: str, expected: str | None) -> None:
    assert normalise_date(given) == expected


# --- given fields --------------------------------------------------------------------------------------


def test_given_fields_win_and_are_normalised() -> None:
    text = article("Ferry Row Deepens", "Published: 3 March 2021", tail=("By Orla Fenwick",))
    fields = {
        "title": "  Ferry Row Deepens | Local | News ",
        "date": "2021-03-04T08:00:00Z",
        "author": "By Orla Fenwick; Tomas Quell",
        "outlet": "Harbour Gazette",
        "language": "en-GB",
    }
    sources = {key: f"json:{key}" for key in fields}
    sources["date"] = "json:date_publish"
    meta = extract_metadata(text, fields, sources)
    assert meta["title"].value == "Ferry Row Deepens"
    assert meta["date"].value == "2021-03-04"
    assert meta["date"].source == "json:date_publish"
    assert meta["date"].confidence == 0.95
    assert meta["author"].value == "Orla Fenwick, Tomas Quell"
    assert meta["outlet"].value == "Harbour Gazette"
    assert meta["language"].value == "en"


def test_unusable_given_date_falls_back_to_the_text() -> None:
    text = article("Ferry Row Deepens", "Published: 3 March 2021")
    date = extract_metadata(text, {"date": "sometime"}, {"date": "feed:published"})["date"]
    assert date.value == "2021-03-03"
    assert date.source.startswith("text:")


def test_guessed_given_fields_are_trusted_less() -> None:
    meta = extract_metadata("", {"date": "2021-03-04"}, {"date": "html:url date"})
    assert meta["date"].value == "2021-03-04"
    assert meta["date"].confidence < 0.9


def test_empty_text_gives_nothing() -> None:
    meta = extract_metadata("")
    assert all(value.value is None for value in meta.values())
    assert meta["title"].source == "not found in text"


# --- titles --------------------------------------------------------------------------------------------


def test_title_skips_nav_and_date_lines() -> None:
    text = article(" date 2021-03-03 Open Menu", "Home News Sport Menu", "Ferry Row Deepens | Local | News")
    title = extract_metadata(text)["title"]
    assert title.value == "Ferry Row Deepens"
    assert title.source == "text:line 5"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ferry Row Deepens | World | News", "Ferry Row Deepens"),
        ("Ferry Row Deepens", "Ferry Row Deepens"),
        ("Fares | Timetables: what the new ferry plan means for the island commuters", None),
    ],
)
def test_strip_title_sections(title: str, expected: str | None) -> None:
    assert strip_title_sections(title) == (expected or title)


# --- authors and outlets -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("By Orla Fenwick, Reuters", "Orla Fenwick", "Reuters"),
        ("BY TOMAS QUELL AND ANIKA BROOM", "Tomas Quell, Anika Broom", None),
        ("By Orla Fenwick | Staff Writer", "Orla Fenwick", None),
        ("By ORLA FENWICK-TIDE", "Orla Fenwick-Tide", None),
        ("By AWR Tidewell", "AWR Tidewell", None),
        ("By Anika Broom (AP) Published 3 March 2021", "Anika Broom", "AP"),
        ("By contrast, the operator said nothing", None, None),
        ("By Monday the queues had gone", None, None),
    ],
)
def test_bylines(line: str, author: str | None, outlet: str | None) -> None:
    meta = extract_metadata(article("Ferry Row Deepens", line))
    assert meta["author"].value == author
    assert meta["outlet"].value == outlet


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("KESTREL BAY (Reuters) - The port authority said on Thursday it would open longer.", "Reuters"),
        ("(AP) — The port authority said on Thursday it would open longer.", "AP"),
        ("Copyright 2021 The Associated Press. All rights reserved.", "AP"),
        ("Source: AFP / Harbour Desk", "AFP"),
        ("© 2021 Harbour Gazette", "Harbour Gazette"),
    ],
)
def test_outlet_lines(line: str, outlet: str) -> None:
    meta = extract_metadata(article("Ferry Row Deepens", tail=(line,)))
    assert meta["outlet"].value == outlet
    assert meta["outlet"].source.startswith("text:line ")


def test_photo_credit_at_the_top_is_not_the_outlet() -> None:
    meta = extract_metadata(article("Ferry Row Deepens", "© Jane Tidewell", *[BODY] * 20))
    assert meta["outlet"].value is None


def test_commenter_handle_is_not_a_signature() -> None:
    meta = extract_metadata(article("Ferry Row Deepens", tail=("@harbourfan_42.", "Great news for us")))
    assert meta["outlet"].value is None


def test_signature_line_near_the_end() -> None:
    meta = extract_metadata(article("Ferry Row Deepens", tail=("@The Morning BUGLE", "Related posts")))
    assert meta["outlet"].value == "The Morning Bugle"


def test_bio_with_lone_name_line() -> None:
    bio = "I'm Lena Marsh, and I love writing about ferries, harbours and coastal towns."
    meta = extract_metadata(article("Ferry Row Deepens", tail=("Lena Marsh", bio, "Leave a Reply")))
    assert meta["author"].value == "Lena Marsh"
    assert meta["author"].source.endswith("'Lena Marsh'")


def test_third_person_bio_and_reporting_credit() -> None:
    bio = "Pavel Ostrov is a freelance journalist covering shipping and coastal politics."
    assert extract_metadata(article("Ferry Row Deepens", tail=(bio,)))["author"].value == "Pavel Ostrov"
    credit = "Reporting by Orla Fenwick in Kestrel Bay; Editing by Sam Pike"
    assert extract_metadata(article("Ferry Row Deepens", tail=(credit,)))["author"].value == "Orla Fenwick"


def test_names_in_the_body_are_not_the_author() -> None:
    body = "Council leader Idris Hollowmere said the change would take effect in the summer season."
    meta = extract_metadata(article("Ferry Row Deepens", body, tail=("Related Topics", "Recent Stories")))
    assert meta["author"].value is None
    assert meta["outlet"].value is None


# --- language ------------------------------------------------------------------------------------------


LANGUAGE_SAMPLES = {
    "es": "El consejo del puerto aprobó el martes un nuevo horario para los transbordadores de la isla.",
    "fr": "Le conseil du port a approuvé mardi un nouvel horaire pour les ferries de l'île.",
    "de": "Der Hafenrat hat am Dienstag einen neuen Fahrplan für die Fähren zur Insel beschlossen.",
    "it": "Il consiglio del porto ha approvato martedì un nuovo orario per i traghetti verso l'isola.",
    "pt": "O conselho do porto aprovou na terça-feira um novo horário para as balsas que vão para a ilha.",
    "nl": "De raad heeft dinsdag een nieuwe dienstregeling voor de veerboten naar het eiland aangenomen.",
    "uk": "Портова рада у вівторок затвердила новий розклад поромів до острова, повідомили в мерії.",
    "ru": "Портовый совет во вторник утвердил новое расписание паромов до острова, сообщили в мэрии.",
    "zh": "港务委员会周二批准了前往该岛的新渡轮时刻表。",
    "ja": "港湾委員会は火曜日、島へのフェリーの新しい時刻表を承認した。",
    "ar": "وافق مجلس الميناء يوم الثلاثاء على جدول جديد للعبارات إلى الجزيرة",
}


@pytest.mark.parametrize(("code", "text"), sorted(LANGUAGE_SAMPLES.items()))
def test_language_detection(code: str, text: str) -> None:
    language = detect_language(text)
    assert language.value == code
    assert language.confidence > 0.5


def test_language_unknown_for_too_little_text() -> None:
    assert detect_language("Home Menu").value is None


def test_ambiguous_numeric_date_follows_the_month_the_article_names() -> None:
    text = (
        "Harbour fees rise again\n\nUpdated: 04/03/2025\n\n"
        "The harbour board said in March that fees would rise. By late March the ferry operators had "
        "agreed to the new rates, which take effect in April.\n"
    )
    assert extract_metadata(text)["date"].value == "2025-03-04"
    no_evidence = text.replace("in March", "last week").replace("By late March", "By then")
    no_evidence = no_evidence.replace("in April", "soon")
    assert extract_metadata(no_evidence)["date"].value == "2025-04-03"
