"""Tests of where sources disagree: the seeds' aid package, the demo's planted cases, and the classing rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import api
from dateline.corpus.cluster_records import Clustering
from dateline.corpus.conflicts import _agree, _rounds_to, find_conflicts
from dateline.corpus.coverage import Source
from dateline.model import ArticleAnalysis, Conflict, CopyGroup, Event, Figure, Sentence, Story
from tests.conftest import require_seeds

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


def build_db(folder: Path, db: Path) -> Path:
    """Ingest and analyse a folder into a fresh SQLite corpus (the real pipeline, spaCy included)."""
    report = api.ingest([str(folder)], db)
    assert not report.errors
    api.analyze(db)
    return db


@pytest.fixture(scope="module")
def seeds_corpus(tmp_path_factory: pytest.TempPathFactory) -> api.Corpus:
    """The five seed articles stored and analysed once for the module."""
    return api.Corpus(build_db(require_seeds(), tmp_path_factory.mktemp("seeds") / "seeds.db"))


@pytest.fixture(scope="module")
def demo_corpus(tmp_path_factory: pytest.TempPathFactory) -> api.Corpus:
    """The fictional demo corpus stored and analysed once for the module."""
    if not DEMO.is_dir():
        pytest.skip("examples/demo not found")
    return api.Corpus(build_db(DEMO, tmp_path_factory.mktemp("demo") / "demo.db"))


def texts(conflict: Conflict) -> list[str]:
    """Return the values of a conflict as written, sorted."""
    return sorted(v.text for v in conflict.values)


# The seeds ------------------------------------------------------------------------------------------


def test_seed_aid_package_is_one_rounding_group_with_three_sources(seeds_corpus: api.Corpus) -> None:
    found = [c for c in seeds_corpus.conflicts(kind="figure") if "$61-billion" in texts(c)]
    assert len(found) == 1
    group = found[0]
    assert group.verdict == "rounding"
    assert group.subject.startswith("aid package")
    assert texts(group) == ["$60 billion", "$60-billion", "$61-billion"]
    assert len({v.article_id for v in group.values}) == 3
    assert group.spread == pytest.approx(1 / 60)
    assert "1.7%" in group.reason
    dates = sorted(v.date or "" for v in group.values)
    assert dates[0] == "2023-11-29" and dates[-1] == "2024-05-14"
    assert all(v.sentence and v.text in v.sentence for v in group.values)


def test_seed_short_and_long_term_aid_are_not_a_conflict(seeds_corpus: api.Corpus) -> None:
    for conflict in seeds_corpus.conflicts():
        assert not {"$1.4 billion", "$6 billion"} & set(texts(conflict))
    look_alikes = [c for c in seeds_corpus.conflicts(include_all=True) if "$1.4 billion" in texts(c)]
    assert [c.verdict for c in look_alikes] == ["different referent"]
    assert texts(look_alikes[0]) == ["$1.4 billion", "$6 billion"]


def test_seeds_report_nothing_but_the_aid_package(seeds_corpus: api.Corpus) -> None:
    assert [(c.kind, c.verdict) for c in seeds_corpus.conflicts()] == [("figure", "rounding")]


def test_unknown_kind_and_story_are_lookup_errors(seeds_corpus: api.Corpus) -> None:
    with pytest.raises(LookupError):
        seeds_corpus.conflicts(kind="colour")
    with pytest.raises(LookupError):
        seeds_corpus.conflicts(story="no such story anywhere")


# The demo corpus (its answer key: examples/demo_answer_key) ----------------------------------------


def test_demo_finds_the_planted_conflict_and_rounding_and_nothing_else(demo_corpus: api.Corpus) -> None:
    found = demo_corpus.conflicts()
    assert sorted(c.verdict for c in found) == ["conflict", "rounding"]
    conflict = next(c for c in found if c.verdict == "conflict")
    assert conflict.kind == "figure" and "resident" in conflict.subject
    assert {"about 1,200", "Some 3,400"} <= set(texts(conflict))
    assert {v.outlet for v in conflict.values if v.text == "Some 3,400"} == {"The Harbor Ledger"}
    assert "2.8 times" in conflict.reason
    rounding = next(c for c in found if c.verdict == "rounding")
    assert "cleanup" in rounding.subject
    assert {"$48 million", "$48-million", "about $50 million"} <= set(texts(rounding))
    assert len({v.article_id for v in rounding.values}) == 4  # 06, 07, 08a and 09 in the answer key


def test_demo_look_alike_funds_are_a_different_referent(demo_corpus: api.Corpus) -> None:
    funds = [c for c in demo_corpus.conflicts(include_all=True) if "$20 million" in texts(c)]
    assert [c.verdict for c in funds] == ["different referent"]


def test_demo_story_filter_keeps_its_conflicts(demo_corpus: api.Corpus) -> None:
    story = demo_corpus.clustering().stories[0].id
    assert len(demo_corpus.conflicts(story=story)) == 2
    assert demo_corpus.conflicts(kind="date") == []


# The classing rules, on figures written for the test -------------------------------------------------


def test_rounding_rules() -> None:
    assert _rounds_to(61e9, 60e9)
    assert _rounds_to(48e6, 50e6)
    assert not _rounds_to(217, 212)
    assert not _rounds_to(60e9, 61e9)
    assert _agree(_figure(60e9), _figure(61e9))
    assert _agree(_figure(48e6), _figure(50e6, approx="about"))
    assert not _agree(_figure(1200), _figure(3400))
    assert _agree(_figure(30, approx="at least"), _figure(45))


def _figure(value: float, article: str = "x", approx: str | None = None, referent: str = "evacuated resident",
            kind: str = "count", start: int = 20) -> Figure:
    """A figure as the per-article stage would give it, with its sentence index 0."""
    return Figure(article, start, start + 5, f"{value:g}", kind, value, "people" if kind == "count" else "USD",
                  approx, referent=referent, sentence_index=0)


def _corpus(figures: dict[str, tuple[str, str, Figure]], copies: dict[str, str] | None = None,
            ) -> tuple[list[Source], dict[str, ArticleAnalysis], Clustering]:
    """Build sources, analyses and a clustering by hand: article -> (event, date, figure with its sentence)."""
    sentences = {
        "a": "Flood waters forced 400 evacuated residents of Tollbridge and Fenmarket from their homes on Monday.",
        "b": "Some 900 evacuated residents of Tollbridge and Fenmarket spent Monday night away from their homes.",
        "c": "The number of evacuated residents of Tollbridge and Fenmarket rose to 900 on Monday night.",
        "d": "Rescuers reached 900 evacuated residents by boat before dawn.",
    }
    analyses = {
        a: ArticleAnalysis(a, sentences=[Sentence(a, 0, 0, len(sentences[a]), sentences[a])], figures=[f])
        for a, (_, _, f) in figures.items()
    }
    events: dict[str, list[str]] = {}
    for article, (event, _, _) in figures.items():
        events.setdefault(event, []).append(article)
    clustering = Clustering(
        [], [CopyGroup(o, [c]) for c, o in (copies or {}).items()],
        [Event(e, ids, story_id="s1") for e, ids in events.items()], [Story("s1", event_ids=list(events))],
    )
    sources = [Source(a, f"Outlet {a.upper()}", d) for a, (_, d, _) in figures.items()]
    return sources, analyses, clustering


def test_two_outlets_on_one_event_with_different_counts_conflict() -> None:
    found = find_conflicts(*_corpus({
        "a": ("e1", "2025-01-06", _figure(400, "a")),
        "b": ("e1", "2025-01-07", _figure(900, "b")),
    }))
    assert [(c.verdict, texts(c)) for c in found] == [("conflict", ["400", "900"])]


def test_an_update_a_copy_or_another_event_is_not_a_conflict() -> None:
    rose = _corpus({"a": ("e1", "2025-01-06", _figure(400, "a")), "c": ("e1", "2025-01-07", _figure(900, "c"))})
    assert find_conflicts(*rose) == []
    assert [c.verdict for c in find_conflicts(*rose, include_all=True)] == ["updated"]
    later = _corpus({"a": ("e1", "2025-01-06", _figure(400, "a")), "b": ("e2", "2025-01-20", _figure(900, "b"))})
    assert find_conflicts(*later) == []
    copied = _corpus({"a": ("e1", "2025-01-06", _figure(400, "a")), "b": ("e1", "2025-01-06", _figure(900, "b"))},
                     copies={"b": "a"})
    assert find_conflicts(*copied) == []


def test_bounds_and_sentences_about_other_things_are_not_conflicts() -> None:
    bound = _corpus({"a": ("e1", "2025-01-06", _figure(400, "a", approx="at least")),
                     "b": ("e1", "2025-01-06", _figure(900, "b"))})
    assert find_conflicts(*bound, include_all=True) == []
    unrelated = _corpus({"a": ("e1", "2025-01-06", _figure(400, "a")), "d": ("e1", "2025-01-06", _figure(900, "d"))})
    assert [c.verdict for c in find_conflicts(*unrelated, include_all=True)] == ["updated"]


def _wording(text: str) -> str:
    """Normalise a quote as quote_conflicts does: fragments (joined by " … ") kept apart."""
    from dateline.corpus.conflicts import FRAGMENT_MARK
    from dateline.corpus.statements import normalise

    return FRAGMENT_MARK.join(normalise(part) for part in text.split(" … "))


@pytest.mark.parametrize(("first", "second", "reworded"), [
    ("We will reopen the ferry pier by June,", "We'll reopen the ferry pier by June.", True),
    ("The harbour board has our full confidence today.", "The harbour board has our confidence today.", True),
    ("It is a good day, but the work is far from done,", "It is a good day, … the work is far from done.", False),
    ("the water is safe to swim in again", "Officials said the water is safe to swim in again, and so on", False),
    ("we did extensive modeling of the tides", "we did extensive modelling of the tides", False),
    ("the pier needs a new tool kit", "the pier needs a new toolkit", False),
])
def test_a_rewording_is_a_word_changed_inside_the_quote(first: str, second: str, reworded: bool) -> None:
    from dateline.corpus.conflicts import _words_differ

    assert _words_differ(_wording(first), _wording(second)) is reworded
