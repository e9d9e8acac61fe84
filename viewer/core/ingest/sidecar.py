"""The folder's metadata sidecar: a small INI-style file a person can read and edit.

    # comments are kept when the app writes
    [001_139e971882a63250.txt]
    date = 2025-07-22
    title = Ukraine and Russia Prepare for Renewed Peace Talks

Sections are file paths relative to the folder (forward slashes). The app rewrites only the
line it changes, so a user's comments and ordering survive, and it writes through a temporary
file and a rename so that a crash never leaves half a file.
"""

from __future__ import annotations

import re
from pathlib import Path

from viewer.core.ingest.encoding import BinaryContent, decode
from viewer.core.ingest.safe_read import read_bounded
from viewer.core.model import Problem
from viewer.core.store.atomic_write import write_atomic

SIDECAR_NAME = "timeline-viewer.ini"

_SECTION = re.compile(r"^\s*\[(?P<name>[^\]]+)\]\s*$")
_ENTRY = re.compile(r"^\s*(?P<key>[A-Za-z_][\w-]*)\s*[=:]\s*(?P<value>.*?)\s*$")


def sidecar_path(folder: str | Path) -> Path:
    return Path(folder) / SIDECAR_NAME


_SEPARATOR = re.compile(r"\\(?!x[0-9a-f]{2}|u[0-9a-f]{4})")


def section_key(name: str) -> str:
    """A section name as the article's path: Windows separators become slashes, but the
    `\\xNN` / `\\uNNNN` escapes that stand for bytes of a name that is not UTF-8 stay."""
    return _SEPARATOR.sub("/", name.strip())


def parse_sidecar(text: str) -> dict[str, dict[str, str]]:
    """Sections → keys → values; keys are lower-cased, unknown lines ignored."""
    sections: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        section = _SECTION.match(line)
        if section:
            current = sections.setdefault(section_key(section["name"]), {})
            continue
        entry = _ENTRY.match(line)
        if entry and current is not None:
            current[entry["key"].lower()] = entry["value"]
    return sections


_MAX_SIDECAR = 4 * 1024 * 1024


def _read_text(folder: str | Path) -> str | None:
    """The sidecar's text (None if there is none); bytes that are not UTF-8 are read as
    Windows-1252, so one stray Latin-1 byte never hides every date. A sidecar that is not a
    regular file, too large, or a link out of the folder raises OSError."""
    data = read_bounded(folder, sidecar_path(folder), _MAX_SIDECAR)
    if isinstance(data, Problem):
        if data.kind in ("vanished", "empty"):
            return None if data.kind == "vanished" else ""
        raise OSError(f"{SIDECAR_NAME}: {data.message}")
    try:
        return decode(data).text
    except BinaryContent as exc:
        raise OSError(f"{SIDECAR_NAME}: {exc}") from None


def read_sidecar(folder: str | Path) -> dict[str, dict[str, str]]:
    try:
        text = _read_text(folder)
    except OSError:
        return {}
    return parse_sidecar(text) if text else {}


def update_sidecar_text(text: str, section: str, key: str, value: str | None) -> str:
    """Set (or with None, remove) one key of one section, leaving every other line alone."""
    lines = text.splitlines()
    start = end = None
    for index, line in enumerate(lines):
        match = _SECTION.match(line)
        if match:
            if start is not None:
                end = index
                break
            if section_key(match["name"]) == section:
                start = index
    if start is not None and end is None:
        end = len(lines)
    new_line = f"{key} = {value}"
    if start is None or end is None:
        if value is None:
            return text
        while lines and not lines[-1].strip():
            lines.pop()
        lines += ([""] if lines else []) + [f"[{section}]", new_line]
        return "\n".join(lines) + "\n"
    last_entry = start
    for index in range(start + 1, end):
        entry = _ENTRY.match(lines[index])
        if entry and not lines[index].lstrip().startswith(("#", ";")):
            last_entry = index
            if entry["key"].lower() == key.lower():
                if value is None:
                    del lines[index]
                    if not any(line.strip() for line in lines[start + 1:end - 1]):
                        # its last value gone, the section goes too (an undone date left an
                        # empty [article] behind), with the blank line that set it apart
                        del lines[start:end - 1]
                        if start and not lines[start - 1].strip():
                            del lines[start - 1]
                else:
                    lines[index] = new_line
                return "\n".join(lines) + "\n"
    if value is not None:
        lines.insert(last_entry + 1, new_line)
    return "\n".join(lines) + "\n"


def write_sidecar_value(folder: str | Path, section: str, key: str, value: str | None) -> None:
    """Persist one value in the folder's sidecar atomically."""
    old = _read_text(folder)
    if old is None:
        old = "# Timeline Viewer metadata for the articles in this folder.\n"
    atomic_write_text(sidecar_path(folder), update_sidecar_text(old, section, key, value))


def atomic_write_text(path: Path, text: str) -> None:
    """Write through a temporary file and a rename (see `viewer.core.store.atomic_write`)."""
    write_atomic(path, text)
