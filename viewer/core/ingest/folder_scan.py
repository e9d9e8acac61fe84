"""One walk of a folder: every article's path, size and modification time, and the folders
they are in. The loader keys each file by its size and time and the window's watcher compares
fingerprints of the folder, so both read them from this one walk (at 50,000 articles each
walk of its own cost about 0.3 s of CPU, and the loader stated every file a second time).

Entries are looked at with `lstat` first: a link whose target leaves the folder is a problem
("link outside the folder"), never followed; FIFOs, sockets and devices with an article's
name are problems, never opened. Hidden files and folders (the app's own store among them)
and the sidecar are passed over silently; other unsupported files are counted as ignored.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from viewer.core.ingest.safe_read import display_name, link_problem, relative_name
from viewer.core.ingest.sidecar import SIDECAR_NAME
from viewer.core.model import Problem
from viewer.core.resources import FOLDER_DIR

SUPPORTED = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
             ".htm": "html"}

_ENCODING, _ERRORS = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()  # fsencode's

# Each article's path, size and modification time (and the sidecar's), in the walk's order:
# two equal fingerprints mean nothing the app reads has changed on disk.
Fingerprint = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True, slots=True)
class FolderWalk:
    """The articles under a folder, sorted by their name inside it (as bytes), each with its
    `lstat`-or-target size and time (-1 when it could not be stated)."""

    root: str
    rels: tuple[bytes, ...]  # the name inside root, as the snapshot keys it
    files: tuple[str, ...]  # the full path
    sizes: tuple[int, ...]
    mtimes: tuple[int, ...]
    folders: tuple[str, ...]  # every folder read (root first), for a watcher
    problems: tuple[Problem, ...]
    ignored: int
    sidecar: tuple[int, int] | None  # the sidecar's size and time, when there is one

    def fingerprint(self) -> Fingerprint:
        found = tuple(zip(self.files, self.sizes, self.mtimes, strict=True))
        if self.sidecar is not None:
            found += ((os.path.join(self.root, SIDECAR_NAME), *self.sidecar),)
        return found


def folder_fingerprint(folder: str | Path | None) -> Fingerprint:
    """The fingerprint of the folder as it is now (empty for no folder)."""
    return scan_folder(folder).fingerprint() if folder is not None else ()


def _rel(root: str, path: str) -> str:
    return relative_name(root, path)


def _stated(info: os.stat_result | None) -> tuple[int, int]:
    return (info.st_size, info.st_mtime_ns) if info is not None else (-1, -1)


def scan_folder(root: str | Path) -> FolderWalk:
    """Every supported file under `root`, following links only inside it, never in a loop;
    one `stat` per article (its size and time), none per folder entry otherwise."""
    top = str(Path(root))
    problems: list[Problem] = []
    ignored = 0
    seen_dirs: set[tuple[int, int]] = set()
    try:
        info = os.stat(top)
        seen_dirs.add((info.st_dev, info.st_ino))
    except OSError as exc:
        return FolderWalk(top, (), (), (), (), (), (Problem(display_name(top), "unreadable",
                                                            exc.strerror or str(exc)),), 0, None)
    sidecar: tuple[int, int] | None = None
    stack: list[tuple[str, str]] = [(top, "")]  # a folder, and its name inside root
    folders: list[str] = []
    found: list[tuple[bytes, str, int, int]] = []
    while stack:
        folder, inside = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name.encode(_ENCODING, _ERRORS))
        except PermissionError:
            problems.append(Problem(_rel(top, folder), "permission", "folder cannot be listed"))
            continue
        except OSError as exc:
            problems.append(Problem(_rel(top, folder), "unreadable", exc.strerror or str(exc)))
            continue
        folders.append(folder)
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name in (SIDECAR_NAME, FOLDER_DIR):
                if name == SIDECAR_NAME and not inside:
                    try:
                        sidecar = _stated(entry.stat())
                    except OSError:
                        sidecar = (-1, -1)
                continue
            dot = name.rfind(".")  # the name does not start with one: as `splitext` finds
            supported = dot > 0 and name[dot:].lower() in SUPPORTED
            try:
                link = entry.is_symlink()
                plain = supported and not link and entry.is_file(follow_symlinks=False)
            except OSError:
                link = plain = False
            path = entry.path
            if plain:  # most entries: an article, stated once for its size and time
                try:
                    info = entry.stat()
                    found.append(((inside + name).encode(_ENCODING, _ERRORS), path, info.st_size,
                                  info.st_mtime_ns))
                except OSError:  # vanished since the listing: its reading says so
                    found.append(((inside + name).encode(_ENCODING, _ERRORS), path, -1, -1))
                continue
            target: os.stat_result | None = None
            if link:
                problem = link_problem(top, path)
                if problem is not None:
                    if supported or problem.kind != "broken-link":
                        problems.append(problem)
                    else:
                        ignored += 1
                    continue
            try:
                # Not a link: the directory entry's own type says what it is, with no system
                # call per entry; an article is stated once, below, for its size and time.
                if link:
                    target = os.stat(path)
                    mode = target.st_mode
                else:
                    mode = (stat.S_IFDIR if entry.is_dir(follow_symlinks=False) else stat.S_IFREG
                            if entry.is_file(follow_symlinks=False)
                            else entry.stat(follow_symlinks=False).st_mode)
            except OSError as exc:
                problems.append(Problem(_rel(top, path), "unreadable", exc.strerror or str(exc)))
                continue
            if stat.S_ISDIR(mode):
                try:
                    info = target if target is not None else os.stat(path)
                except OSError as exc:
                    problems.append(Problem(_rel(top, path), "unreadable",
                                            exc.strerror or str(exc)))
                    continue
                key = (info.st_dev, info.st_ino)
                if key in seen_dirs:
                    if link:
                        problems.append(Problem(_rel(top, path), "symlink-loop",
                                                "link points back into a folder already read"))
                    continue
                seen_dirs.add(key)
                subdirs.append((path, inside + name + os.sep))
            elif not supported:
                ignored += 1
            elif stat.S_ISREG(mode):
                if target is None:
                    try:
                        target = entry.stat()
                    except OSError:
                        target = None  # vanished since the listing: its reading says so
                found.append(((inside + name).encode(_ENCODING, _ERRORS), path, *_stated(target)))
            else:
                problems.append(Problem(_rel(top, path), "special",
                                        "not a regular file (FIFO, socket or device): not read"))
        stack.extend(reversed(subdirs))
    found.sort()  # by the name inside root, as bytes (no two are equal)
    rels, files, sizes, mtimes = tuple(zip(*found, strict=True)) or ((), (), (), ())
    return FolderWalk(top, rels, files, sizes, mtimes, tuple(folders), tuple(problems),
                      ignored, sidecar)
