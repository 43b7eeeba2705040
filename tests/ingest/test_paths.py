"""Tests for iterating inputs: folders, hidden files, globs, stdin, missing paths, links and laziness."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

import dateline.ingest.reader as reader
from dateline.ingest import count_inputs, iter_documents
from dateline.model import IngestError, RawDocument


def make_tree(root: Path) -> None:
    """Write a folder of articles with nested subfolders, hidden files and a hidden folder."""
    (root / "2025" / "march" / "deep").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "a-first.txt").write_text("The ferry sailed on Monday.\n")
    (root / "2025" / "b-second.html").write_text("<html><body><p>The pier reopened.</p></body></html>")
    (root / "2025" / "march" / "c-records.jsonl").write_text(
        json.dumps({"text": "Record one."}) + "\n" + json.dumps({"text": "Record two."}) + "\n"
    )
    (root / "2025" / "march" / "deep" / "d-last.txt").write_text("The harbor reopened.\n")
    (root / ".hidden.txt").write_text("Never read.\n")
    (root / "2025" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / ".cache" / "e-cached.txt").write_text("Never read either.\n")


def test_folder_is_walked_recursively_in_order_skipping_hidden(tmp_path: Path) -> None:
    make_tree(tmp_path)
    items = list(iter_documents([str(tmp_path)]))
    assert all(isinstance(item, RawDocument) for item in items)
    assert [item.source for item in items] == [
        str(tmp_path / "2025" / "b-second.html"),
        str(tmp_path / "2025" / "march" / "c-records.jsonl") + "#1",
        str(tmp_path / "2025" / "march" / "c-records.jsonl") + "#2",
        str(tmp_path / "2025" / "march" / "deep" / "d-last.txt"),
        str(tmp_path / "a-first.txt"),
    ]
    assert count_inputs([str(tmp_path)]) == 4


def test_glob_pattern_is_expanded_recursively(tmp_path: Path) -> None:
    make_tree(tmp_path)
    items = list(iter_documents([str(tmp_path / "**" / "*.txt")]))
    assert [item.source for item in items] == [
        str(tmp_path / "2025" / "march" / "deep" / "d-last.txt"),
        str(tmp_path / "a-first.txt"),
    ]
    assert count_inputs([str(tmp_path / "**" / "*.txt")]) == 2


def test_glob_over_folders_reads_each_file_once(tmp_path: Path) -> None:
    make_tree(tmp_path)
    sources = [item.source for item in iter_documents([str(tmp_path / "**")])]
    assert len(sources) == len(set(sources)) == 5


def test_glob_without_matches_is_an_error(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.nothing")
    assert list(iter_documents([pattern])) == [IngestError(pattern, "no files match this pattern")]


def test_missing_path_is_an_error_and_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("The ferry sailed.\n")
    missing = str(tmp_path / "missing.txt")
    items = list(iter_documents([missing, str(tmp_path / "ok.txt")]))
    assert items[0] == IngestError(missing, "no such file or directory")
    assert isinstance(items[1], RawDocument) and items[1].text == "The ferry sailed.\n"


def test_stdin_is_read_once() -> None:
    stdin = io.BytesIO(json.dumps({"text": "From a pipe."}).encode() + b"\n")
    items = list(iter_documents(["-", "-"], stdin=stdin))
    assert len(items) == 1
    assert isinstance(items[0], RawDocument)
    assert (items[0].source, items[0].text) == ("<stdin>#1", "From a pipe.")
    assert count_inputs(["-", "-"]) == 1


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "only-hidden").mkdir()
    (tmp_path / "only-hidden" / ".secret.txt").write_text("hidden\n")
    [error] = list(iter_documents([str(tmp_path / "only-hidden")]))
    assert isinstance(error, IngestError)
    assert error.source == str(tmp_path / "only-hidden") and error.reason.startswith("no files to read")


def test_symlink_loop_is_reported_and_walk_finishes(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt").write_text("The ferry sailed.\n")
    (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)
    items = list(iter_documents([str(tmp_path)]))
    assert [item.source for item in items if isinstance(item, RawDocument)] == [
        str(tmp_path / "sub" / "story.txt")
    ]
    [loop] = [item for item in items if isinstance(item, IngestError)]
    assert loop.source == str(tmp_path / "sub" / "back") and "loop" in loop.reason


def test_broken_symlink_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    assert list(iter_documents([str(tmp_path)])) == [
        IngestError(str(tmp_path / "dangling.txt"), "broken symbolic link")
    ]
    assert list(iter_documents([str(tmp_path / "dangling.txt")])) == [
        IngestError(str(tmp_path / "dangling.txt"), "broken symbolic link")
    ]


def test_unopenable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked.txt").write_text("secret\n")
    (tmp_path / "open.txt").write_text("The ferry sailed.\n")
    real_open = open

    def guarded_open(path: Path, mode: str = "r") -> object:
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path, mode)

    monkeypatch.setattr(reader, "open", guarded_open, raising=False)
    items = list(iter_documents([str(tmp_path)]))
    assert items[0] == IngestError(str(tmp_path / "locked.txt"), "cannot open: permission denied")
    assert isinstance(items[1], RawDocument)


def test_unlistable_folder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "inside.txt").write_text("unseen\n")
    (tmp_path / "open.txt").write_text("The ferry sailed.\n")
    real_scandir = os.scandir

    def guarded_scandir(path: str) -> object:
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded_scandir)
    items = list(iter_documents([str(tmp_path)]))
    assert items[0] == IngestError(str(tmp_path / "closed"), "cannot list folder: permission denied")
    assert isinstance(items[1], RawDocument) and items[1].source == str(tmp_path / "open.txt")


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files without permission"
)
def test_unreadable_file_by_permissions(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("secret\n")
    locked.chmod(0)
    try:
        assert list(iter_documents([str(locked)])) == [
            IngestError(str(locked), "cannot open: permission denied")
        ]
    finally:
        locked.chmod(0o600)


def test_ten_thousand_files_are_read_lazily(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(10_000):
        (folder / f"{number:05d}.txt").write_bytes(b"Story %d.\n" % number)
    documents = iter_documents([str(folder)])
    first = next(documents)
    assert isinstance(first, RawDocument) and first.text == "Story 0.\n"
    # Rewritten after the walk began: a lazy reader sees the new text, an eager one the old.
    (folder / "09999.txt").write_bytes(b"Rewritten late.\n")
    rest = list(documents)
    assert len(rest) == 9_999
    assert all(isinstance(item, RawDocument) for item in rest)
    last = rest[-1]
    assert isinstance(last, RawDocument) and last.text == "Rewritten late.\n"
    assert len({item.source for item in rest}) == 9_999
    assert count_inputs([str(folder)]) == 10_000
