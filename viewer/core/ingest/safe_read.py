"""Read a file of a folder without trusting it: type and size before any byte, capped reads,
links only inside the folder, and names that are safe to show whatever bytes they hold.

A FIFO, a device, a link to `/dev/zero` or to a file outside the opened folder must never be
read: the first would hang, the second fill memory, the third leak another file's text into
an export. So every read goes through `read_bounded`, which looks before it opens.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from viewer.core.model import Problem

LINK_OUTSIDE = "link outside the folder"
_CHUNK = 1 << 20


def display_name(name: str) -> str:
    """`name` as printable text: bytes that are not UTF-8 (which `os.fsdecode` keeps as lone
    surrogates) and control characters become `\\xNN` / `\\uNNNN` escapes."""
    if name.isprintable():
        return name
    out = []
    for char in name:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif char.isprintable() or char == " ":
            out.append(char)
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out)


def relative_name(root: str | Path, path: str | Path) -> str:
    """The path relative to the folder, with forward slashes, safe to show."""
    rel = os.path.relpath(path, root)
    if rel.startswith(".." + os.sep) or rel == "..":
        rel = str(path)
    return display_name(rel.replace(os.sep, "/"))


def inside(root_real: str, target: str) -> bool:
    """Whether the resolved `target` is `root_real` or below it."""
    return target == root_real or target.startswith(root_real.rstrip(os.sep) + os.sep)


def link_problem(root: str | Path, path: str | Path) -> Problem | None:
    """A problem if `path` is a symbolic link whose target leaves the folder (or loops)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISLNK(info.st_mode):
        return None
    rel = relative_name(root, path)
    try:
        target = os.path.realpath(path, strict=True)
    except FileNotFoundError:
        return Problem(rel, "broken-link", "link target missing")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Problem(rel, "symlink-loop", "symbolic link loop")
        return Problem(rel, "unreadable", exc.strerror or str(exc))
    if not inside(os.path.realpath(root), target):
        return Problem(rel, "link-outside", LINK_OUTSIDE)
    return None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _too_large(rel: str, size: int, max_bytes: int) -> Problem:
    return Problem(rel, "too-large",
                   f"{size / 2**20:.1f} MB is over the {max_bytes / 2**20:.0f} MB limit")


def _open(path: str | Path, flags: int) -> int:
    """`os.open`, a seam for tests that need a file to vanish or refuse at this moment."""
    return os.open(path, flags)


def read_bounded(root: str | Path, path: str | Path, max_bytes: int) -> bytes | Problem:
    """The file's bytes, or the reason it is not read. At most `max_bytes` are ever held."""
    rel = relative_name(root, path)
    problem = link_problem(root, path)
    if problem is not None:
        return problem
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return Problem(rel, "vanished", "file is gone")
    except PermissionError:
        return Problem(rel, "permission", "permission denied")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Problem(rel, "symlink-loop", "symbolic link loop")
        return Problem(rel, "unreadable", exc.strerror or str(exc))
    if not stat.S_ISREG(info.st_mode):
        return Problem(rel, "special", f"{_kind(info.st_mode)}, not a regular file: not read")
    if info.st_size > max_bytes:
        return _too_large(rel, info.st_size, max_bytes)
    if info.st_size == 0:
        return Problem(rel, "empty", "file is empty")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = _open(path, flags)
    except FileNotFoundError:
        return Problem(rel, "vanished", "file disappeared while loading")
    except PermissionError:
        return Problem(rel, "permission", "permission denied")
    except OSError as exc:
        return Problem(rel, "unreadable", exc.strerror or str(exc))
    try:
        opened = os.fstat(fd)
        if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
            return Problem(rel, "vanished", "file was replaced while loading")  # a swap race
        if not stat.S_ISREG(opened.st_mode):
            return Problem(rel, "special", f"{_kind(opened.st_mode)}, not a regular file")
        parts: list[bytes] = []
        held = 0
        while held <= max_bytes:
            part = os.read(fd, min(_CHUNK, max_bytes + 1 - held))
            if not part:
                break
            parts.append(part)
            held += len(part)
    except OSError as exc:
        return Problem(rel, "unreadable", exc.strerror or str(exc))
    finally:
        os.close(fd)
    if held > max_bytes:
        return Problem(rel, "too-large", f"grew over the {max_bytes / 2**20:.0f} MB limit")
    return b"".join(parts)
