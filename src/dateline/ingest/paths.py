"""Expand the inputs a user names (files, folders, glob patterns, ``-``) into the files to read, lazily.

Folders are walked depth-first in sorted order without recursion (any depth), one folder listing in
memory at a time; hidden files and dot-folders are skipped; a folder reached twice through symbolic
links is read once, and a link back to one of its own ancestors is reported as a loop. Problems are
yielded as ``IngestError`` values in the place of the files, never raised.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator

from dateline.model import IngestError

STDIN = "-"
"""The input name that means standard input; ``iter_inputs`` yields it as is."""
GLOB_CHARS = frozenset("*?[")


def os_reason(exc: OSError) -> str:
    """Return a short human reason for an OS error (``permission denied``)."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    return (exc.strerror or str(exc)).lower()


def is_hidden(name: str) -> bool:
    """Return whether a file or folder name is hidden (starts with a dot)."""
    return name.startswith(".")


def folder_key(path: str) -> tuple[int, int] | None:
    """Return the ``(device, inode)`` identity of a folder, or None when it cannot be read."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def sorted_entries(folder: str) -> list[os.DirEntry[str]] | IngestError:
    """List a folder's visible entries sorted by name, or the IngestError saying why it cannot be listed."""
    try:
        with os.scandir(folder) as scan:
            return sorted(
                (entry for entry in scan if not is_hidden(entry.name)), key=lambda entry: entry.name
            )
    except OSError as exc:
        return IngestError(folder, f"cannot list folder: {os_reason(exc)}")


def entry_kind(entry: os.DirEntry[str]) -> str:
    """Return ``dir``, ``file``, ``broken link`` or ``other`` for a folder entry, following links."""
    try:
        if entry.is_dir():
            return "dir"
        if entry.is_file():
            return "file"
        if entry.is_symlink() and not os.path.exists(entry.path):
            return "broken link"
    except OSError:
        return "broken link"
    return "other"


def walk_folder(root: str, visited: set[tuple[int, int]]) -> Iterator[str | IngestError]:
    """Yield the visible files under a folder, depth-first in sorted order, and errors where they arise."""
    root_key = folder_key(root)
    if root_key is None or root_key in visited:
        return
    visited.add(root_key)
    listing = sorted_entries(root)
    if isinstance(listing, IngestError):
        yield listing
        return
    # Each level keeps its remaining entries and its identity, so loops are told from shared folders.
    stack: list[tuple[Iterator[os.DirEntry[str]], tuple[int, int]]] = [(iter(listing), root_key)]
    while stack:
        entries, _ = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        kind = entry_kind(entry)
        if kind == "file":
            yield entry.path
        elif kind == "dir":
            key = folder_key(entry.path)
            if key is None:
                yield IngestError(entry.path, "cannot read folder")
            elif any(key == ancestor for _, ancestor in stack):
                yield IngestError(entry.path, "symbolic link loop: this folder contains itself; skipped")
            elif key not in visited:
                visited.add(key)
                sub = sorted_entries(entry.path)
                if isinstance(sub, IngestError):
                    yield sub
                else:
                    stack.append((iter(sub), key))
        elif kind == "broken link":
            yield IngestError(entry.path, "broken symbolic link")
        else:
            yield IngestError(entry.path, "not a regular file (device, socket or pipe); skipped")


def expand_path(path: str, visited: set[tuple[int, int]]) -> Iterator[str | IngestError]:
    """Yield the file(s) an existing path stands for: itself, or the files of the folder it names."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if os.path.islink(path):
            reason = "broken symbolic link" if isinstance(exc, FileNotFoundError) else os_reason(exc)
            yield IngestError(path, reason)
        else:
            yield IngestError(path, os_reason(exc))
        return
    if not stat.S_ISDIR(info.st_mode):
        # Named explicitly, a pipe (``<(zcat x.gz)``) is read like a file.
        yield path
        return
    if (info.st_dev, info.st_ino) in visited:
        return
    reported = False
    for item in walk_folder(path, visited):
        reported = True
        yield item
    if not reported:
        yield IngestError(path, "no files to read in this folder (hidden files and folders are skipped)")


def expand_pattern(pattern: str, visited: set[tuple[int, int]]) -> Iterator[str | IngestError]:
    """Yield the files matching a glob pattern (``**`` spans folders), each once, in sorted order."""
    try:
        matches = sorted(glob.iglob(pattern, recursive=True))
    except OSError as exc:
        yield IngestError(pattern, f"cannot expand pattern: {os_reason(exc)}")
        return
    if not matches:
        yield IngestError(pattern, "no files match this pattern")
        return
    seen: set[str] = set()
    for match in matches:
        for item in expand_path(match, visited):
            if isinstance(item, str):
                key = os.path.normpath(item)
                if key in seen:
                    continue
                seen.add(key)
            yield item


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | IngestError]:
    """Yield each file to read (as a path string), ``STDIN`` once for ``-``, and errors for bad inputs."""
    visited: set[tuple[int, int]] = set()
    stdin_seen = False
    for given in paths:
        if isinstance(given, str) and given == STDIN:
            if not stdin_seen:
                stdin_seen = True
                yield STDIN
            continue
        path = os.path.expanduser(os.fspath(given))
        if os.path.lexists(path):
            yield from expand_path(path, visited)
        elif GLOB_CHARS & set(path):
            yield from expand_pattern(path, visited)
        else:
            yield IngestError(str(given), "no such file or directory")


def count_inputs(paths: Iterable[str | os.PathLike[str]]) -> int:
    """Return how many files (``-`` counting as one) ``iter_documents`` will visit, without reading them."""
    return sum(1 for item in iter_inputs(paths) if not isinstance(item, IngestError))
