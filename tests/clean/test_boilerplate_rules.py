"""Tests of the boilerplate rules on fictional snippets written in the messy style of scraped pages."""

from __future__ import annotations

from dateline.clean.boilerplate import classify_lines, clean_text, line_decisions
from dateline.clean.line_model import TreeEnsemble, ensemble_from_dict
from dateline.clean.lines import feature_names
from dateline.model import OffsetMap, RemovedSpan

LEAD = (
    "The Marlow Bay harbor council on Tuesday approved a dredging plan that had been stalled for two "
    "years, clearing the way for larger ferries to dock at the north pier before the summer season."
)
SECOND = (
    "Opponents said the council had not studied the effect on the oyster beds near the river mouth, "
    "and they asked the state to review the plan before any work begins next spring."
)
THIRD = (
    "The council chair said the first barges would arrive in May and that the work would be finished "
    "before the autumn storms, weather permitting, at a cost of $12 million."
)


def page(*paragraphs: str) -> str:
    """Join paragraphs the way the scraped text files do."""
    return "\n\n".join(paragraphs) + "\n"


def assert_offsets_hold(raw: str, clean: str, offsets: OffsetMap, removed: list[RemovedSpan]) -> None:
    """Check the offset map and the removed spans against the raw text."""
    for c, r, n in offsets.segments:
        assert clean[c : c + n] == raw[r : r + n]
    mapped = {c + k for c, _, n in offsets.segments for k in range(n)}
    assert all(ch in " \n" for i, ch in enumerate(clean) if i not in mapped)
    for span in removed:
        assert raw[span.start : span.end] == span.text


def reasons_of(removed: list[RemovedSpan]) -> dict[str, str]:
    """Map each removed text to its reason."""
    return {span.text: span.reason for span in removed}


def test_inline_read_more_promo_is_cut_where_the_next_sentence_was_glued() -> None:
    raw = page(
        "Harbor council approves dredging plan",
        LEAD + "READ MORE:\u00a0Lighthouse keeper spots ghostly schooner off the capeThe vote was 5 to 2.",
        SECOND,
    )
    clean, offsets, removed = clean_text(raw)
    assert "READ MORE" not in clean and "schooner" not in clean
    assert "north pier before the summer season. The vote was 5 to 2." in clean
    assert reasons_of(removed)["READ MORE:\u00a0Lighthouse keeper spots ghostly schooner off the cape"] == (
        "inline-promo"
    )
    assert_offsets_hold(raw, clean, offsets, removed)


def test_inline_promo_does_not_end_inside_a_camel_case_name() -> None:
    raw = page("Harbor news", LEAD + "READ MORE: McDonald's opens on the YouTube pierThe vote was close.", SECOND)
    clean, _, _ = clean_text(raw)
    assert "Donald" not in clean and "YouTube" not in clean
    assert "The vote was close." in clean


def test_tagged_promo_run_is_cut_after_its_last_tag() -> None:
    raw = page(
        "Harbor news",
        LEAD
        + "DON’T MISS:Easy trick keeps oysters fresh for a month\u00a0 (REVEAL)Mayor's gaffe at the regatta"
        + "\u00a0 (INSIGHT)Ferry fares to rise in June (REVEAL)The plan also includes a new seawall.",
        SECOND,
    )
    clean, offsets, removed = clean_text(raw)
    for fragment in ("DON’T MISS", "(REVEAL)", "(INSIGHT)", "oysters fresh", "regatta", "fares"):
        assert fragment not in clean
    assert "summer season. The plan also includes a new seawall." in clean
    assert_offsets_hold(raw, clean, offsets, removed)


def test_promo_line_on_its_own_is_removed() -> None:
    raw = page("Harbor news", LEAD, "READ MORE: Ten things to do in Marlow Bay this spring", SECOND)
    clean, _, removed = clean_text(raw)
    assert "Ten things" not in clean
    assert reasons_of(removed)["READ MORE: Ten things to do in Marlow Bay this spring"] == "promo"


def test_related_list_goes_with_its_items_and_time_stamps() -> None:
    raw = page(
        "Harbor news",
        LEAD,
        SECOND,
        "Recent Stories",
        "Ferry strike called off after late-night talks ..",
        "5 minutes ago",
        "Oyster festival returns to the north pier",
        "2 hours ago",
        "More Stories From Local",
    )
    clean, _, removed = clean_text(raw)
    assert "Recent Stories" not in clean and "Oyster festival" not in clean and "ago" not in clean
    assert {reasons_of(removed)[t] for t in ("Recent Stories", "5 minutes ago", "More Stories From Local")} == {
        "related-list"
    }
    assert SECOND in clean


def test_prose_after_a_related_list_is_kept() -> None:
    raw = page("Harbor news", LEAD, "Related posts", "Ferry strike called off", SECOND, THIRD)
    clean, _, _ = clean_text(raw)
    assert "Ferry strike" not in clean
    assert SECOND in clean and THIRD in clean


def test_sidebar_header_above_the_article_does_not_swallow_the_headline() -> None:
    lines = [
        "Home",
        "Most Popular",
        "Harbor council approves dredging plan",
        "By Priya Natarajan",
        LEAD,
        SECOND,
    ]
    keep = classify_lines(lines)
    assert keep[lines.index(LEAD)] and keep[lines.index(SECOND)]
    assert not keep[lines.index("Most Popular")]
    decisions = line_decisions(lines, scraped_article=True)
    assert decisions[lines.index("Harbor council approves dredging plan")] is None


def test_comment_form_cookie_share_and_navigation_lines_are_removed() -> None:
    raw = page(
        "date 2025-03-04 Open Menu",
        "Harbor council approves dredging plan",
        "icon-facebook icon-twitter icon-whatsapp",
        LEAD,
        SECOND,
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "This website uses cookies to improve your experience. Accept and close.",
    )
    clean, _, removed = clean_text(raw)
    reasons = reasons_of(removed)
    assert reasons["date 2025-03-04 Open Menu"] == "navigation"
    assert reasons["icon-facebook icon-twitter icon-whatsapp"] == "share-icons"
    assert reasons["Leave a Reply"] == "comment-form"
    assert reasons["This website uses cookies to improve your experience. Accept and close."] == "cookie-notice"
    assert clean.split("\n\n")[0] == "Harbor council approves dredging plan"
    assert LEAD in clean and SECOND in clean


def test_author_bio_and_its_name_line_are_removed() -> None:
    raw = page(
        "Harbor news",
        LEAD,
        SECOND,
        "Priya Natarajan",
        "I'm Priya Natarajan, and I'm passionate about writing stories on coastal towns and ferries.",
    )
    clean, _, removed = clean_text(raw)
    assert "Priya" not in clean
    assert reasons_of(removed)["Priya Natarajan"] == "author-bio"


def test_repeated_title_and_repeated_lead_are_dropped_the_second_time() -> None:
    standfirst = LEAD[:-1]
    raw = page(
        "Harbor Council Approves Dredging Plan",
        "harbor council approves dredging plan",
        standfirst,
        "MARLOW BAY, (Coast Wire - 4th Mar, 2025) " + LEAD,
        SECOND,
    )
    clean, _, removed = clean_text(raw)
    paragraphs = clean.split("\n\n")
    assert paragraphs[0] == "Harbor Council Approves Dredging Plan"
    assert reasons_of(removed)["harbor council approves dredging plan"] == "duplicate-line"
    assert reasons_of(removed)[standfirst] == "duplicate-line"
    assert clean.count("dredging plan that had been stalled") == 1


def test_short_article_paragraphs_are_kept() -> None:
    raw = page("Harbor news", LEAD, '"We have waited long enough," she said.', "- 'A long wait' -", SECOND, THIRD)
    clean, _, _ = clean_text(raw)
    assert '"We have waited long enough," she said.' in clean


def test_advertisement_glued_in_a_paragraph_is_cut() -> None:
    raw = page("Harbor news", LEAD[:-1] + ".ADVERTISEMENTThe vote was close.", SECOND)
    clean, offsets, removed = clean_text(raw)
    assert "ADVERTISEMENT" not in clean
    assert "summer season. The vote was close." in clean
    assert_offsets_hold(raw, clean, offsets, removed)


def test_whitespace_is_collapsed_and_inserted_spaces_are_unmapped() -> None:
    raw = page("Harbor news", "The  pier\u00a0closed.Boats left.   Nobody  complained.", SECOND)
    clean, offsets, removed = clean_text(raw)
    assert "The pier closed. Boats left. Nobody complained." in clean
    assert_offsets_hold(raw, clean, offsets, removed)
    glued_space = clean.index("closed. Boats") + len("closed.")
    assert offsets.to_raw(glued_space) is None
    assert offsets.to_raw(clean.index("Boats")) == raw.index("Boats")


def test_empty_and_blank_pages() -> None:
    assert clean_text("") == ("", OffsetMap(), [])
    assert clean_text("  \n\n \u00a0\n")[0] == ""
    assert classify_lines([]) == []


def test_classify_lines_gives_one_decision_per_line() -> None:
    lines = [
        "Home",
        "News",
        "Sport",
        "Harbor council approves dredging plan",
        LEAD,
        SECOND,
        THIRD,
        "Contact Us",
    ]
    keep = classify_lines(lines)
    assert len(keep) == len(lines)
    assert keep[4] and keep[5] and keep[6]
    assert not keep[0] and not keep[-1]


def reject_everything() -> TreeEnsemble:
    """Return a line model that calls every line boilerplate."""
    leaf = {"feature": [0], "threshold": [0.0], "left": [-1], "right": [-1], "value": [0.0]}
    return ensemble_from_dict({"features": feature_names(), "bias": -10.0, "depth": 0, "trees": [leaf]})


def test_classifier_never_drops_the_title_or_long_prose_of_a_scraped_article() -> None:
    lines = ["Harbor news", LEAD, '"We waited," she said.', SECOND, THIRD]
    decisions = line_decisions(lines, scraped_article=True, model=reject_everything())
    assert decisions == [None, None, "classifier", None, None]
    assert line_decisions(lines, model=reject_everything()) == ["classifier"] * len(lines)
