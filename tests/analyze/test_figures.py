"""Tests for figures: values, hedges, units, referents and non-figures, on the seeds and our own sentences."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dateline.analyze.figures import find_figures, referent_key
from dateline.analyze.figures_numbers import scan_numbers
from dateline.model import Figure

SHARED = Path(os.environ.get("DATELINE_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
SEEDS = SHARED / "seeds"
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@pytest.fixture(scope="module")
def seed_docs(nlp: Language) -> dict[str, Doc]:
    """The parsed seed articles by their number ("000" ...), or skip when they are absent."""
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip(f"seed articles not found at {SEEDS} (set DATELINE_SHARED to the shared folder)")
    return {p.name[:3]: nlp(p.read_text(encoding="utf-8")) for p in paths}


def figures_in(nlp: Language, text: str) -> list[Figure]:
    """Parse a sentence and return its figures, checking every offset on the way."""
    doc = nlp(text)
    found = find_figures(doc, "t")
    for figure in found:
        assert doc.text[figure.start : figure.end] == figure.text
        assert figure.article_id == "t"
        if figure.referent_start is not None and figure.referent_end is not None:
            assert figure.referent_start < figure.referent_end <= len(doc.text)
    return found


def the_figure(figures: list[Figure], text: str) -> Figure:
    """Return the one figure whose text contains ``text``."""
    matching = [f for f in figures if text in f.text]
    assert len(matching) == 1, f"{text!r} in {[f.text for f in figures]}"
    return matching[0]


# --- the seeds ---------------------------------------------------------------------------------


def test_seed_aid_package_is_one_referent_with_two_values(seed_docs: dict[str, Doc]) -> None:
    first = the_figure(find_figures(seed_docs["001"]), "$60-billion")
    second = the_figure(find_figures(seed_docs["002"]), "$60 billion")
    third = the_figure(find_figures(seed_docs["003"]), "$61-billion")
    assert [f.value for f in (first, second, third)] == [60e9, 60e9, 61e9]
    assert {f.kind for f in (first, second, third)} == {"money"}
    assert {f.unit for f in (first, second, third)} == {"USD"}
    assert [referent_key(f.referent or "") for f in (first, second, third)] == ["aid package"] * 3


def test_seed_short_and_long_term_aid_are_distinct_referents(seed_docs: dict[str, Doc]) -> None:
    figures = find_figures(seed_docs["002"])
    short = the_figure(figures, "$1.4 billion")
    longer = the_figure(figures, "$6 billion")
    assert (short.value, longer.value) == (1.4e9, 6e9)
    assert short.referent == "short-term military assistance"
    assert longer.referent == "longer-term aid"
    keys = {referent_key(short.referent), referent_key(longer.referent)}
    assert len(keys) == 2 and "aid package" not in keys


def test_seed_hedged_figures(seed_docs: dict[str, Doc]) -> None:
    share = the_figure(find_figures(seed_docs["002"]), "50%")
    assert (share.text, share.kind, share.value, share.unit) == ("nearly 50%", "percent", 50.0, "percent")
    assert (share.approx, share.referent) == ("nearly", "territory")
    early = find_figures(seed_docs["000"])
    sightings = the_figure(early, "more than 50")
    assert (sightings.kind, sightings.value, sightings.approx) == ("count", 50.0, "more than")
    cost = the_figure(early, "tens of billions")
    assert (cost.kind, cost.unit, cost.approx, cost.value) == ("money", "USD", "tens of", None)
    assert (cost.low, cost.high) == (1e10, 1e11)


def test_seed_front_length_is_one_figure_in_km(seed_docs: dict[str, Doc]) -> None:
    distances = [f for f in find_figures(seed_docs["002"]) if f.kind == "distance"]
    assert len(distances) == 1, "the bracketed conversion must not be a second figure"
    assert (distances[0].value, distances[0].unit, distances[0].approx) == (1000.0, "km", "almost")
    assert distances[0].text.endswith("1,000-kilometer")


def test_seed_fourth_trip_is_an_ordinal(seed_docs: dict[str, Doc]) -> None:
    for number in ("002", "003"):
        trip = the_figure(find_figures(seed_docs[number]), "fourth")
        assert (trip.kind, trip.value, trip.referent) == ("ordinal", 4.0, "trip")


def test_seed_no_years_dates_or_times_as_figures(seed_docs: dict[str, Doc]) -> None:
    for doc in seed_docs.values():
        for figure in find_figures(doc):
            assert not YEAR_RE.search(figure.text), figure
            assert not re.search(r"\d:\d|minutes? ago|\b(?:Nov|May)\b", figure.text), figure
            if re.search(r"\b(?:day|days|week|weeks)\b", figure.text):
                assert figure.kind == "duration", figure


def test_seed_offsets_and_sentences(seed_docs: dict[str, Doc]) -> None:
    for doc in seed_docs.values():
        sentences = list(doc.sents)
        for figure in find_figures(doc):
            assert doc.text[figure.start : figure.end] == figure.text
            sentence = sentences[figure.sentence_index]
            assert sentence.start_char <= figure.start < sentence.end_char


# --- values, units and hedges ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "written", "value", "unit"),
    [
        ("The port board approved a $60-billion harbour fund.", "$60-billion", 60e9, "USD"),
        ("The port board approved a $61 billion harbour fund.", "$61 billion", 61e9, "USD"),
        ("The ferry company raised $1.4 billion from investors.", "$1.4 billion", 1.4e9, "USD"),
        ("The marina was sold for €2.5m last spring.", "€2.5m", 2.5e6, "EUR"),
        ("The lighthouse repairs cost £300,000 in the end.", "£300,000", 3e5, "GBP"),
        ("The club received US$5 million from the league.", "US$5 million", 5e6, "USD"),
        ("The club received 5 million dollars from the league.", "5 million dollars", 5e6, "USD"),
        ("Revenue climbed to £1.4bn at the harbour group.", "£1.4bn", 1.4e9, "GBP"),
        ("The regional budget, worth 3 billion euros, was approved.", "3 billion euros", 3e9, "EUR"),
        ("Toronto pledged CA$5 million to the museum.", "CA$5 million", 5e6, "CAD"),
    ],
)
def test_money_is_normalised_to_base_units(
    nlp: Language, sentence: str, written: str, value: float, unit: str
) -> None:
    figure = the_figure(figures_in(nlp, sentence), written)
    assert (figure.text, figure.kind, figure.value, figure.unit) == (written, "money", value, unit)


@pytest.mark.parametrize(
    "marker",
    ["nearly", "almost", "about", "around", "roughly", "some", "more than", "over", "at least", "less than",
     "under", "up to", "as many as"],
)  # fmt: skip
def test_approximation_markers_are_kept_as_written(nlp: Language, marker: str) -> None:
    figure = the_figure(figures_in(nlp, f"The rescue boats carried {marker} 40 passengers ashore."), "40")
    assert (figure.text, figure.approx, figure.value) == (f"{marker} 40", marker, 40.0)


def test_order_of_magnitude_has_bounds_not_a_value(nlp: Language) -> None:
    figures = figures_in(
        nlp, "The storm caused tens of millions of dollars in damage and hundreds of boats sank."
    )
    damage = the_figure(figures, "tens of millions")
    assert (damage.kind, damage.unit, damage.value, damage.approx) == ("money", "USD", None, "tens of")
    assert (damage.low, damage.high, damage.referent) == (1e7, 1e8, "damage")
    boats = the_figure(figures, "hundreds")
    assert (boats.kind, boats.value, boats.low, boats.referent) == ("count", None, 100.0, "boat")


def test_more_than_a_billion_dollars_worth(nlp: Language) -> None:
    figure = the_figure(
        figures_in(nlp, "Dock workers unloaded more than a billion dollars worth of dredging cranes."),
        "billion",
    )
    assert (figure.text, figure.value, figure.unit) == ("more than a billion dollars", 1e9, "USD")
    assert (figure.approx, figure.referent) == ("more than", "dredging crane")


@pytest.mark.parametrize(
    ("sentence", "written", "value"),
    [
        ("The council hired two harbour pilots.", "two", 2.0),
        ("At least a dozen boats joined the search.", "a dozen", 12.0),
        ("Rescuers reached two hundred tourists.", "two hundred", 200.0),
        ("The firm employs 4,200 dock workers.", "4,200", 4200.0),
        ("Two harbour pilots were hired.", "Two", 2.0),
        ("Forty-two boats joined the regatta.", "Forty-two", 42.0),
    ],
)
def test_counts_in_digits_and_words(nlp: Language, sentence: str, written: str, value: float) -> None:
    figure = the_figure(figures_in(nlp, sentence), written)
    assert (figure.kind, figure.value) == ("count", value)


def test_counts_of_people_have_unit_people(nlp: Language) -> None:
    figures = figures_in(nlp, "The letter was signed by 30 council members and listed 12 ferries.")
    assert (the_figure(figures, "30").unit, the_figure(figures, "30").referent) == (
        "people",
        "council member",
    )
    assert the_figure(figures, "12").unit is None


def test_percent_and_its_referent(nlp: Language) -> None:
    figures = figures_in(nlp, "About 40% of the fleet is idle, and ticket sales fell by 8 per cent.")
    fleet = the_figure(figures, "40%")
    assert (fleet.kind, fleet.value, fleet.approx, fleet.referent) == ("percent", 40.0, "about", "fleet")
    sales = the_figure(figures, "8 per cent")
    assert (sales.kind, sales.value, sales.referent) == ("percent", 8.0, "ticket sale")


def test_distance_in_km_with_conversion_folded(nlp: Language) -> None:
    figures = figures_in(nlp, "The ferry runs along a 1,000-kilometre (620-mile) coast and a 300-mile canal.")
    assert [f.text for f in figures] == ["1,000-kilometre", "300-mile"]
    assert (figures[0].value, figures[0].unit, figures[0].referent) == (1000.0, "km", "coast")
    assert figures[1].value == pytest.approx(482.8032)


def test_ranges_have_bounds(nlp: Language) -> None:
    figures = figures_in(nlp, "Repairs will cost between $5 and $7 billion, and fares rise 5-7%.")
    cost = the_figure(figures, "$5")
    assert (cost.text, cost.value, cost.low, cost.high) == ("between $5 and $7 billion", None, 5e9, 7e9)
    fares = the_figure(figures, "5-7%")
    assert (fares.kind, fares.low, fares.high) == ("percent", 5.0, 7.0)
    boats = the_figure(figures_in(nlp, "Between 10 and 12 boats sailed."), "10")
    assert (boats.kind, boats.low, boats.high, boats.referent) == ("count", 10.0, 12.0, "boat")


def test_ordinals_rank_their_noun(nlp: Language) -> None:
    figures = figures_in(nlp, "It was her third visit to the island and the port's second-largest pier.")
    visit = the_figure(figures, "third")
    assert (visit.kind, visit.value, visit.referent) == ("ordinal", 3.0, "visit")
    pier = the_figure(figures, "second")
    assert (pier.kind, pier.value, pier.referent) == ("ordinal", 2.0, "largest pier")


def test_durations_are_never_counts(nlp: Language) -> None:
    figures = figures_in(
        nlp, "After a two-day visit, the mayor held a three-hour meeting lasting three days."
    )
    assert {f.kind for f in figures} == {"duration"}
    visit = the_figure(figures, "two-day")
    assert (visit.value, visit.unit, visit.referent) == (2.0, "day", "visit")
    assert the_figure(figures, "three-hour").value == pytest.approx(0.125)


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour opened in 2019 and the 2024 budget was published on 14 May.",
        "The council met on May 14 and again on the 29th of November.",
        "The vote closed at 10:30 and the ferry left at 6 am.",
        "Call 555-0143 or +44 20 7946 0958 for timetables.",
        "A 45-year-old skipper, aged 54 by now, was rescued three days ago.",
        "The F-35 jets and the 5G masts of COP-28 were in the 1990s news.",
        "The two met; one of the largest ferries docked; on one hand it helped.",
        "The pier will reopen one day, for the first time since the storm.",
        "The league match ended in a 3-2 win for the harbour side.",
        "Episode 07 of the harbour podcast is file 001.",
    ],
)
def test_not_figures(nlp: Language, sentence: str) -> None:
    assert figures_in(nlp, sentence) == []


def test_years_and_dates_are_skipped_without_the_entity_recogniser(nlp: Language) -> None:
    doc = nlp("The harbour opened in 2019, reopened on May 14 and again on the 29th of November.")
    doc.ents = []
    assert find_figures(doc) == []


def test_scan_flags_years_and_dates() -> None:
    year, day = scan_numbers("Opened in 2019, closed on May 14.")
    assert (year.value, year.year_like, year.dated) == (2019.0, True, False)
    assert (day.value, day.dated, day.year_like) == (14.0, True, False)


# --- referents ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "written", "referent"),
    [
        ("The council approved a $12-million dredging package.", "$12-million", "dredging package"),
        ("Lawmakers passed a $4 billion transit bill that included a $900 million allocation for bridges.",
         "$900 million", "transit bill"),
        ("Officials released a $2 billion tranche of the rescue package.", "$2 billion", "rescue package"),
        ("The city has set aside €2.5m in emergency flood relief.", "€2.5m", "emergency flood relief"),
        ("The plan will cost the city $12 million over three years.", "$12 million", "plan"),
        ("The contract is valued at $75 million.", "$75 million", "contract"),
        ("The regional budget, worth 3 billion euros, was approved.", "3 billion euros", "regional budget"),
        ("The new package of economic support amounts to $2 billion.", "$2 billion",
         "package of economic support"),
        ("Officials said the toll had risen to 37.", "37", "toll"),
        ("The ferry line grew its fleet by 15 percent.", "15 percent", "fleet"),
        ("The bridge will span roughly 1.2 kilometres across the estuary.", "1.2 kilometres", "bridge"),
    ],
)  # fmt: skip
def test_referents(nlp: Language, sentence: str, written: str, referent: str) -> None:
    assert the_figure(figures_in(nlp, sentence), written).referent == referent


def test_referent_offsets_point_at_the_phrase(nlp: Language) -> None:
    text = "The council approved a $12-million dredging package on Tuesday."
    figure = the_figure(figures_in(nlp, text), "$12-million")
    assert text[figure.referent_start or 0 : figure.referent_end or 0] == "dredging package"


def test_sentence_index(nlp: Language) -> None:
    figures = figures_in(nlp, "The pier reopened. Ferries resumed. The repairs cost $3 million.")
    assert the_figure(figures, "$3 million").sentence_index == 2


@pytest.mark.parametrize(
    ("referent", "key"),
    [
        ("package of support", "aid package"),
        ("foreign aid package", "aid package"),
        ("financial aid package", "aid package"),
        ("package of economic support", "aid package"),
        ("package of military assistance", "aid package"),
        ("new aid bill", "aid package"),
        ("short-term military assistance", "military aid"),
        ("longer-term aid", "long-term aid"),
        ("dredging package", "dredging package"),
        ("territory", "territory"),
        ("", ""),
    ],
)
def test_referent_key(referent: str, key: str) -> None:
    assert referent_key(referent) == key
