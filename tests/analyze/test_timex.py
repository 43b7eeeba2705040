"""Tests for time expressions: resolution by tense, spans and offsets, the CLI contract, and the seeds.

Every sentence here is written for the tests; the seed articles are read at run time from
../shared/seeds (the test skips when they are absent) and only short expressions are named.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from dateline.analyze.timex import find_timexes, read, resolve
from dateline.analyze.timex_jsonl import LineError, Record, parse_line
from dateline.model import TimeRef
from tests.conftest import require_seeds

TUESDAY = date(2024, 5, 14)  # a Tuesday, in ISO week 20


def timexes(nlp: Language, text: str, dct: date | None = TUESDAY, **options: bool) -> dict[str, TimeRef]:
    """Return the time expressions of a text by their exact text, checking every offset on the way."""
    found = find_timexes(nlp(text), dct, "t", **options)
    for ref in found:
        assert text[ref.start:ref.end] == ref.text
    return {ref.text: ref for ref in found}


# --- resolve(): each family in both tense directions ---------------------------------------------


@pytest.mark.parametrize(
    ("expression", "tense", "value"),
    [
        ("Friday", "past", "2024-05-10"),
        ("Friday", "future", "2024-05-17"),
        ("Tuesday", "past", "2024-05-14"),  # the dct's own weekday is that day
        ("Tuesday", "future", "2024-05-14"),
        ("Monday", "past", "2024-05-13"),
        ("Monday", "future", "2024-05-20"),
        ("last Friday", "past", "2024-05-10"),
        ("last Friday", "future", "2024-05-10"),
        ("next Friday", "past", "2024-05-17"),
        ("last Tuesday", "past", "2024-05-07"),
    ],
)
def test_weekdays_follow_the_tense_or_their_modifier(expression: str, tense: str, value: str) -> None:
    assert resolve(expression, TUESDAY, tense)[0] == value


@pytest.mark.parametrize(
    ("expression", "tense", "value"),
    [
        ("September", "past", "2023-09"),
        ("September", "future", "2024-09"),
        ("February", "past", "2024-02"),
        ("February", "future", "2025-02"),
        ("in May", "past", "2024-05"),
        ("since September", "past", "2023-09"),
        ("last September", "future", "2023-09"),
        ("next February", "past", "2025-02"),
        ("June last year", "future", "2023-06"),
        ("February 2022", "future", "2022-02"),
    ],
)
def test_months_without_a_year_follow_the_tense(expression: str, tense: str, value: str) -> None:
    assert resolve(expression, TUESDAY, tense)[0] == value


@pytest.mark.parametrize(
    ("expression", "tense", "value"),
    [
        ("March 3", "past", "2024-03-03"),
        ("March 3", "future", "2025-03-03"),
        ("June 2", "future", "2024-06-02"),
        # a past-tense sentence may still name a near date ahead ("extended the offer to June 2")
        ("June 2", "past", "2024-06-02"),
        ("May 14, 2024", "future", "2024-05-14"),
        ("14 May 2024", "past", "2024-05-14"),
        ("Tue May 14 2024", "past", "2024-05-14"),
        ("2024-05-14", "past", "2024-05-14"),
        ("5/14/24", "past", "2024-05-14"),
        ("the third of March", "past", "2024-03-03"),
    ],
)
def test_calendar_days(expression: str, tense: str, value: str) -> None:
    assert resolve(expression, TUESDAY, tense)[0] == value


@pytest.mark.parametrize(
    ("expression", "tense", "resolved"),
    [
        ("this week", "past", ("2024-W20", "week", "2024-05-13", "2024-05-19")),
        ("last week", "future", ("2024-W19", "week", "2024-05-06", "2024-05-12")),
        ("next week", "past", ("2024-W21", "week", "2024-05-20", "2024-05-26")),
        ("over the weekend", "past", ("2024-W19-WE", "weekend", "2024-05-11", "2024-05-12")),
        ("the weekend", "future", ("2024-W20-WE", "weekend", "2024-05-18", "2024-05-19")),
        ("last month", "past", ("2024-04", "month", "2024-04-01", "2024-04-30")),
        ("next month", "future", ("2024-06", "month", "2024-06-01", "2024-06-30")),
        ("last year", "past", ("2023", "year", "2023-01-01", "2023-12-31")),
        ("two years ago", "past", ("2022", "year", "2022-01-01", "2022-12-31")),
        ("a year ago", "past", ("2023", "year", "2023-01-01", "2023-12-31")),
        ("three days ago", "past", ("2024-05-11", "day", "2024-05-11", "2024-05-11")),
        ("five months ago", "past", ("2023-12", "month", "2023-12-01", "2023-12-31")),
        ("yesterday", "past", ("2024-05-13", "day", "2024-05-13", "2024-05-13")),
        ("tomorrow", "future", ("2024-05-15", "day", "2024-05-15", "2024-05-15")),
    ],
)
def test_relative_to_the_publication_date(expression: str, tense: str, resolved: tuple[str, ...]) -> None:
    assert resolve(expression, TUESDAY, tense) == resolved


@pytest.mark.parametrize(
    ("expression", "tense", "value", "granularity"),
    [
        ("the third quarter", "past", "2023-Q3", "quarter"),
        ("the third quarter", "future", "2024-Q3", "quarter"),
        ("the first quarter", "past", "2024-Q1", "quarter"),
        ("Q1 2024", "past", "2024-Q1", "quarter"),
        ("the third quarter of 1998", "past", "1998-Q3", "quarter"),
        ("the second half of 2023", "future", "2023-H2", "half"),
        ("last summer", "past", "2023-SU", "season"),
        ("this summer", "past", "2024-SU", "season"),
        ("next winter", "future", "2024-WI", "season"),
        ("the 1990s", "past", "199", "decade"),
        ("the nineties", "past", "199", "decade"),
        ("the 20th century", "past", "19", "century"),
        ("fiscal 2023", "past", "2023", "year"),
        ("2022", "past", "2022", "year"),
        ("nineteen ninety-six", "past", "1996", "year"),
        ("Christmas", "past", "2023-12-25", "day"),
        ("Christmas", "future", "2024-12-25", "day"),
        ("Thanksgiving 2023", "past", "2023-11-23", "day"),
    ],
)
def test_quarters_halves_seasons_decades_and_holidays(
    expression: str, tense: str, value: str, granularity: str
) -> None:
    assert resolve(expression, TUESDAY, tense)[:2] == (value, granularity)


@pytest.mark.parametrize(
    ("expression", "tense", "value"),
    [
        ("Tuesday evening", "past", "2024-05-14TEV"),
        ("Friday night", "past", "2024-05-10TNI"),
        ("Friday night", "future", "2024-05-17TNI"),
        ("this morning", "past", "2024-05-14TMO"),
        ("last night", "past", "2024-05-13TNI"),
        ("10:30 a.m.", "past", "2024-05-14T10:30"),
        ("7 p.m. Thursday", "past", "2024-05-09T19:00"),
        ("7 p.m. Thursday", "future", "2024-05-16T19:00"),
        ("noon Friday", "future", "2024-05-17T12:00"),
    ],
)
def test_parts_of_day_and_clock_times(expression: str, tense: str, value: str) -> None:
    reading = read(expression, TUESDAY, tense)
    assert (reading.type, reading.value) == ("TIME", value)


@pytest.mark.parametrize(
    ("expression", "kind", "value", "mod"),
    [
        ("the past three months", "DURATION", "P3M", None),
        ("a couple of years", "DURATION", "P2Y", "APPROX"),
        ("less than a month", "DURATION", "P1M", "LESS_THAN"),
        ("more than four hours", "DURATION", "PT4H", "MORE_THAN"),
        ("the last twenty four hours", "DURATION", "PT24H", None),
        ("2 1/2 years", "DURATION", "P2Y6M", None),
        ("a minute and a half", "DURATION", "PT1M30S", None),
        ("two decades", "DURATION", "P20Y", None),
        ("several years", "DURATION", "PXY", None),
        ("two-year", "DURATION", "P2Y", None),
        ("daily", "SET", "P1D", None),
        ("every Monday", "SET", "XXXX-WXX-1", None),
        ("each July", "SET", "XXXX-07", None),
        ("now", "DATE", "PRESENT_REF", None),
        ("recently", "DATE", "PAST_REF", None),
        ("recent weeks", "DATE", "PAST_REF", None),
        ("the coming months", "DATE", "FUTURE_REF", None),
        ("the mid-1990s", "DATE", "199", "MID"),
        ("early next year", "DATE", "2025", "START"),
        ("earlier this month", "DATE", "2024-05", "START"),
        ("the end of the year", "DATE", "2024", "END"),
    ],
)
def test_durations_sets_references_and_mods(expression: str, kind: str, value: str, mod: str | None) -> None:
    reading = read(expression, TUESDAY, "past")
    assert (reading.type, reading.value, reading.mod) == (kind, value, mod)


def test_durations_and_references_cover_no_calendar_days() -> None:
    assert resolve("the past three months", TUESDAY) == ("P3M", "duration", None, None)
    assert resolve("now", TUESDAY) == ("PRESENT_REF", "present", None, None)


def test_without_a_publication_date_relative_values_are_underspecified() -> None:
    assert read("Friday", None).value == "XXXX-WXX-5"
    assert read("last year", None).value == "XXXX"
    assert read("September", None).value == "XXXX-09"
    assert read("March 3, 2021", None).value == "2021-03-03"


def test_text_without_a_time_expression_is_an_error() -> None:
    with pytest.raises(ValueError):
        resolve("the committee", TUESDAY)


# --- find_timexes(): tense from the parse, spans, anaphora ---------------------------------------


def test_weekday_direction_comes_from_the_verb(nlp: Language) -> None:
    assert timexes(nlp, "The mayor opened the bridge on Friday.")["Friday"].value == "2024-05-10"
    assert timexes(nlp, "The mayor will open the bridge on Friday.")["Friday"].value == "2024-05-17"
    assert timexes(nlp, "The bridge is scheduled to open on Friday.")["Friday"].value == "2024-05-17"
    assert timexes(nlp, "The mayor is going to open the bridge Friday.")["Friday"].value == "2024-05-17"


def test_month_direction_comes_from_the_verb(nlp: Language) -> None:
    assert timexes(nlp, "The harbor closed in September.")["September"].value == "2023-09"
    assert timexes(nlp, "The harbor will close in September.")["September"].value == "2024-09"


def test_offsets_are_exact_in_text_starting_with_a_newline(nlp: Language) -> None:
    text = "\nThe council met on Tuesday evening and will vote next week.\n\nA ruling is due by mid-June."
    found = timexes(nlp, text)
    assert found["Tuesday evening"].start == text.index("Tuesday evening")
    assert found["Tuesday evening"].value == "2024-05-14TEV"
    assert found["next week"].value == "2024-W21"
    assert found["mid-June"].value == "2024-06"
    assert found["mid-June"].mod == "MID"


def test_time_refs_carry_calendar_days_and_the_article(nlp: Language) -> None:
    ref = timexes(nlp, "Ferries stopped running last week.")["last week"]
    assert (ref.type, ref.granularity) == ("DATE", "week")
    assert (ref.first_day, ref.last_day) == ("2024-05-06", "2024-05-12")
    assert ref.article_id == "t"


def test_spans_follow_timeml_extents(nlp: Language) -> None:
    found = timexes(nlp, "Over the weekend the board backed a two-year plan for the past three months.")
    assert {"the weekend", "two-year", "the past three months"} <= set(found)
    found = timexes(nlp, "Earlier Friday, the port reopened after about five hours.")
    assert "Friday" in found and found["five hours"].mod == "APPROX"


def test_a_year_earlier_in_a_quarterly_report_is_the_year_ago_quarter(nlp: Language) -> None:
    text = "Net income rose in the third quarter to $5 million from $4 million a year earlier."
    found = timexes(nlp, text, date(2024, 10, 30))
    assert found["the third quarter"].value == "2024-Q3"
    assert found["a year earlier"].value == "2023-Q3"


def test_that_year_refers_to_the_year_mentioned(nlp: Language) -> None:
    found = timexes(nlp, "The ferry line opened in 2011. Later that year it added a second boat.")
    assert found["Later that year"].value == "2011"


def test_less_than_a_month_after_is_a_duration(nlp: Language) -> None:
    ref = timexes(nlp, "The vote came less than a month after the storm hit the coast.")["less than a month"]
    assert (ref.type, ref.value, ref.mod) == ("DURATION", "P1M", "LESS_THAN")


def test_words_that_only_look_like_times(nlp: Language) -> None:
    assert timexes(nlp, "Prices may rise if the harbor floods.") == {}
    assert timexes(nlp, "May I ask a question?") == {}
    assert timexes(nlp, "The army sent 1500 troops to the border.") == {}
    assert timexes(nlp, "He won a quarter of the vote.") == {}


def test_ages_are_left_out_unless_asked_for(nlp: Language) -> None:
    text = "A 34-year-old ferry pilot was hired."
    assert timexes(nlp, text) == {}
    assert timexes(nlp, text, ages=True)["34-year-old"].value == "P34Y"


def test_without_a_publication_date_absolute_dates_still_resolve(nlp: Language) -> None:
    found = timexes(nlp, "The dock opened on March 3, 2021 and closed last Friday.", None)
    assert found["March 3, 2021"].value == "2021-03-03"
    assert found["last Friday"].value == "XXXX-WXX-5"


# --- the command line contract --------------------------------------------------------------------


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``dateline timex`` in a fresh interpreter, as the maintainers do."""
    command = [sys.executable, "-m", "dateline.cli", "timex", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_jsonl_lines_that_are_not_records_are_reported() -> None:
    assert isinstance(parse_line(3, "[1, 2]"), LineError)
    missing = parse_line(4, '{"id": "x", "dct": "2024-05-14"}')
    assert isinstance(missing, LineError) and missing.line == 4 and "text" in missing.reason
    assert parse_line(5, "   ") is None
    odd = parse_line(6, '{"id": "x", "dct": "last Tuesday", "text": "It rained."}')
    assert isinstance(odd, Record) and odd.dct is None and odd.warning
    dated = parse_line(7, '{"id": 1, "dct": "2024-05-14T08:00:00Z", "text": ""}')
    assert isinstance(dated, Record) and dated.dct == TUESDAY and dated.key == 1


def test_cli_reads_records_and_writes_one_line_each(tmp_path: Path) -> None:
    records = [
        {"id": "a", "dct": "2024-05-14", "text": "\nThe council met on Friday and will meet next week."},
        {"id": 7, "text": "The dock opened on March 3, 2021 and closed last Friday."},
        {"id": "c", "dct": "", "text": "Nothing to see here."},
    ]
    lines = [json.dumps(records[0]), "{not json", json.dumps(records[1]), "", json.dumps(records[2])]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run_cli(str(source), "--format", "jsonl")
    assert "line 2" in result.stderr and "not valid JSON" in result.stderr
    assert result.returncode == 1
    output = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in output] == ["a", 7, "c"]
    first = output[0]["timexes"]
    assert all(set(t) == {"start", "end", "type", "value"} for t in first)
    spans = {records[0]["text"][t["start"]:t["end"]]: t["value"] for t in first}
    assert spans == {"Friday": "2024-05-10", "next week": "2024-W21"}
    undated = {records[1]["text"][t["start"]:t["end"]]: t["value"] for t in output[1]["timexes"]}
    assert undated == {"March 3, 2021": "2021-03-03", "last Friday": "XXXX-WXX-5"}
    assert output[2]["timexes"] == []


def test_cli_writes_to_a_file_and_rejects_unknown_formats(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "x", "dct": "2024-05-14", "text": "It rained yesterday."}) + "\n")
    target = tmp_path / "out.jsonl"
    result = _run_cli(str(source), "--format", "jsonl", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert json.loads(target.read_text())["timexes"] == [
        {"start": 10, "end": 19, "type": "DATE", "value": "2024-05-13"}
    ]
    assert _run_cli(str(source), "--format", "xml").returncode == 2


# --- the seed articles ----------------------------------------------------------------------------

SEED_EXPECTATIONS = {
    "002": [
        ("Tuesday", "DATE", "2024-05-14"),
        ("less than a month", "DURATION", "P1M"),
        ("February 2022", "DATE", "2022-02"),
        ("last month", "DATE", "2024-04"),
        ("October", "DATE", "2023-10"),
        ("September", "DATE", "2023-09"),
        ("last year", "DATE", "2023"),
        ("recent weeks", "DATE", "PAST_REF"),
        ("Monday", "DATE", "2024-05-13"),
        ("the weekend", "DATE", "2024-W19-WE"),
        ("today", "DATE", "2024-05-14"),
    ],
    "003": [
        ("Tue May 14 2024", "DATE", "2024-05-14"),
        ("Tuesday", "DATE", "2024-05-14"),
        ("2022", "DATE", "2022"),
    ],
    "004": [
        ("September", "DATE", "2023-09"),
        ("Tuesday evening", "TIME", "2024-05-14TEV"),
        ("last Friday", "DATE", "2024-05-10"),
        ("this week", "DATE", "2024-W20"),
    ],
}


@pytest.mark.parametrize("seed", sorted(SEED_EXPECTATIONS))
def test_seed_relative_expressions_resolve_against_14_may_2024(nlp: Language, seed: str) -> None:
    paths = list(require_seeds().glob(f"{seed}_*.txt"))
    if not paths:
        pytest.skip(f"seed {seed} not found")
    text = paths[0].read_text(encoding="utf-8")
    found: dict[str, list[TimeRef]] = {}
    for ref in find_timexes(nlp(text), TUESDAY, seed):
        assert text[ref.start:ref.end] == ref.text
        found.setdefault(ref.text, []).append(ref)
    for expression, kind, value in SEED_EXPECTATIONS[seed]:
        assert expression in found, f"{expression!r} not found in seed {seed}"
        for ref in found[expression]:
            assert (ref.type, ref.value) == (kind, value), (seed, expression)
    if seed == "002":
        assert found["less than a month"][0].mod == "LESS_THAN"
