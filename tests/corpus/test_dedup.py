"""Tests of copy detection: a fictional wire story and its reposts, incremental indexing, the demo pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.clean import clean_document
from dateline.corpus.dedup import CopyIndex, body_without_title, find_copies
from dateline.ingest import read_file
from dateline.model import CopyGroup, RawDocument

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"

PARAGRAPHS = [
    "A freight train carrying grain left the rails near the village of Holloway Cross early on Monday, "
    "blocking the main line between Dunmere and Port Aldin for most of the day, the rail authority said.",
    "Eleven wagons overturned on a curve just south of the Holloway Cross station. Nobody was hurt, but "
    "the driver was taken to hospital in Dunmere as a precaution and released in the afternoon.",
    "Engineers from the authority said a broken rail was the most likely cause. A stretch of the same "
    "track had been inspected in January and passed, according to a maintenance log seen by reporters.",
    "Passenger services were replaced by buses between Dunmere and Port Aldin. The authority said it "
    "expected the line to reopen on Wednesday once the wagons had been lifted and the track repaired.",
    "Farmers who use the line to move their harvest said the delay would cost them dearly. The grain "
    "cooperative said forty of its members had loads waiting at the Port Aldin terminal.",
    "The transport minister, Ilse Varga, said she had asked for a full report on the state of the track "
    "across the region and would visit Holloway Cross on Tuesday to meet the crews clearing the line.",
]
TITLE = "Grain train derails near Holloway Cross, main line blocked"
ORIGINAL = TITLE + "\n\n" + "\n\n".join(PARAGRAPHS)
REHEADLINED_TRIMMED = (
    "Derailment chaos: wagons overturned on the Dunmere line\n\n" + "\n\n".join(PARAGRAPHS[:4])
)
TRIMMED_START = TITLE + "\n\n" + "\n\n".join(PARAGRAPHS[2:])
EDITED = TITLE + "\n\n" + "\n\n".join(
    [PARAGRAPHS[0], PARAGRAPHS[1].replace("Nobody was hurt", "No passengers were on board and nobody was hurt"),
     "Local councillors called the accident a warning about years of underinvestment in rural lines, "
     "and said the region had been promised new track for more than a decade.", *PARAGRAPHS[2:]]
)
SAME_STORY_OTHER_WORDS = (
    "Rail line shut after derailment\n\n"
    "The main railway between Dunmere and Port Aldin stayed closed on Monday after a goods train came off "
    "the track at Holloway Cross. Photographs from the scene showed wagons lying on their sides in a field "
    "and spilled grain across the embankment. The rail authority blamed a cracked rail and promised that "
    "the route would be running again within days. Bus replacement services were crowded, passengers said, "
    "and grain growers complained that their shipments were stuck at the terminal for the second time this year."
)


def test_trimmed_reheadlined_copy_is_grouped_with_its_changes() -> None:
    groups = find_copies([
        ("wire", ORIGINAL, "2025-05-05", TITLE),
        ("repost", REHEADLINED_TRIMMED, "2025-05-06", "Derailment chaos: wagons overturned on the Dunmere line"),
    ])
    assert len(groups) == 1
    assert groups[0].original_id == "wire"
    assert groups[0].copy_ids == ["repost"]
    assert groups[0].changes["repost"] == ["headline", "trimmed end"]


def test_trimmed_start_and_edited_copies_say_what_they_changed() -> None:
    groups = find_copies([
        ("wire", ORIGINAL, "2025-05-05", TITLE),
        ("late", TRIMMED_START, "2025-05-06", TITLE),
        ("edit", EDITED, "2025-05-06", TITLE),
    ])
    assert len(groups) == 1
    assert groups[0].changes == {"late": ["trimmed start"], "edit": ["edited"]}


def test_other_report_of_the_same_happening_is_not_a_copy() -> None:
    docs = [("wire", ORIGINAL, "2025-05-05", TITLE), ("own", SAME_STORY_OTHER_WORDS, "2025-05-05", None)]
    assert find_copies(docs) == []


def test_earliest_dated_article_is_the_original_and_undated_never_wins() -> None:
    groups = find_copies([
        ("first-seen-undated", REHEADLINED_TRIMMED, None, None),
        ("later", ORIGINAL, "2025-05-07", TITLE),
        ("earlier", EDITED, "2025-05-05", TITLE),
    ])
    assert groups[0].original_id == "earlier"
    assert groups[0].copy_ids == ["later", "first-seen-undated"]
    undated = find_copies([("b", REHEADLINED_TRIMMED, None, None), ("a", ORIGINAL, None, TITLE)])
    assert undated[0].original_id == "b"


def test_incremental_index_gives_the_batch_result_in_any_order() -> None:
    docs = [
        ("wire", ORIGINAL, "2025-05-05", TITLE),
        ("own", SAME_STORY_OTHER_WORDS, "2025-05-05", None),
        ("repost", REHEADLINED_TRIMMED, "2025-05-06", "Derailment chaos"),
        ("edit", EDITED, "2025-05-06", TITLE),
    ]
    batch = find_copies(docs)
    index = CopyIndex()
    for doc in reversed(docs):
        index.add(*doc)
    assert _as_sets(index.groups()) == _as_sets(batch)
    assert set(index.add("again", ORIGINAL, "2025-05-08", TITLE)) == {"wire", "repost", "edit"}
    assert index.copy_of()["again"] == "wire"


def test_short_texts_are_never_copies() -> None:
    line = "Council meets on Tuesday to discuss the budget for the coming year."
    assert find_copies([("a", line, None, None), ("b", line, None, None)]) == []


def test_title_line_is_left_out_of_the_body() -> None:
    assert body_without_title(ORIGINAL, TITLE).lstrip().startswith("A freight train")
    assert body_without_title(ORIGINAL, "Something else entirely").startswith(TITLE)


def _as_sets(groups: list[CopyGroup]) -> set[tuple[str, frozenset[str], tuple[tuple[str, tuple[str, ...]], ...]]]:
    """Return copy groups in a form where the order copies were found in does not matter."""
    return {
        (g.original_id, frozenset(g.copy_ids), tuple(sorted((c, tuple(v)) for c, v in g.changes.items())))
        for g in groups
    }


def _demo_document(prefix: str) -> RawDocument:
    """Return the raw document of the demo file whose name starts with ``prefix``."""
    path = next(DEMO.glob(f"{prefix}_*"))
    doc = next(iter(read_file(path)))
    assert isinstance(doc, RawDocument)
    return doc


def test_demo_syndicated_copy_is_found() -> None:
    if not DEMO.is_dir():
        pytest.skip("examples/demo not found")
    docs = []
    for prefix in ("01", "02", "03", "07"):
        cleaned = clean_document(_demo_document(prefix))
        docs.append((prefix, cleaned.text, cleaned.date.value, cleaned.title.value))
    groups = find_copies(docs)
    assert [(g.original_id, g.copy_ids) for g in groups] == [("01", ["02"])]
    assert "headline" in groups[0].changes["02"] and "trimmed end" in groups[0].changes["02"]
