"""Per-file extraction cache, so a second open of a folder does no extraction work.

An entry is keyed by the file's bytes, its path, its sidecar entry and a fingerprint of the
extractor (its code and every rule file that applies, as far as extraction reads it), so any
change to any of them misses. Topics' labels and colours are not read by extraction (events
carry topic ids), so a rename or recolour keeps every entry; `looks` gives them to the
folder-wide result's key instead.
Entries live in `FOLDER/.timeline-viewer/cache/` when the folder is writable, otherwise in the
user's cache directory; they are JSON written through a temporary file and a rename.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tomllib
from pathlib import Path
from typing import Any

from viewer.core.ingest.safe_read import read_bounded
from viewer.core.ingest.sidecar import atomic_write_text
from viewer.core.model import Problem
from viewer.core.resources import FOLDER_DIR, resources_dir

_CORE = Path(__file__).resolve().parent
_MAX_ENTRY = 256 * 1024 * 1024


@functools.cache
def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(_CORE.rglob("*.py")):
        digest.update(path.read_bytes())
    for path in sorted(resources_dir().glob("*.toml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


_LOOK_KEYS = frozenset({"label", "color"})


def fingerprint(folder: str | Path) -> str:
    """The extractor's identity for this folder: code, bundled rules, the folder's rules
    (of its topics.toml, what extraction reads: not the topics' looks)."""
    digest = hashlib.sha256(_code_fingerprint().encode())
    local = Path(folder) / FOLDER_DIR
    if local.is_dir():
        for path in sorted(local.glob("*.toml")):
            data = read_bounded(folder, path, 4 * 1024 * 1024)  # never a FIFO or a giant
            if isinstance(data, Problem):
                digest.update(path.name.encode() + data.kind.encode())
            elif path.name == "topics.toml":
                read = without_looks(data)
                if read:  # (a file of looks only reads as none at all)
                    digest.update(path.name.encode() + read)
            else:
                digest.update(path.name.encode() + data)
    return digest.hexdigest()


def without_looks(data: bytes) -> bytes:
    """A topics.toml as extraction reads it: every topic's table without its label and
    colour, and without the tables left empty by that (a renamed or recoloured discovered
    topic's look); empty when nothing is left. Text that is not TOML is taken whole (its
    loader reports it)."""
    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return data
    topics = parsed.get("topic")
    if isinstance(topics, dict):
        kept: dict[str, Any] = {}
        for topic_id, entry in topics.items():
            if isinstance(entry, dict):
                entry = {k: v for k, v in entry.items() if k not in _LOOK_KEYS}
                if not entry or entry == {"discovered": True}:
                    continue
            kept[topic_id] = entry
        parsed["topic"] = kept
        if not kept:
            del parsed["topic"]
    return json.dumps(parsed, sort_keys=True, default=str).encode() if parsed else b""


def looks(folder: str | Path) -> bytes:
    """What `fingerprint` leaves out, for the key of the folder-wide result (whose taxonomy
    carries the looks): the folder's topics.toml as it is (empty without one)."""
    path = Path(folder) / FOLDER_DIR / "topics.toml"
    if not path.is_file():
        return b""
    data = read_bounded(folder, path, 4 * 1024 * 1024)
    return data.kind.encode() if isinstance(data, Problem) else data


def cache_dir(folder: str | Path) -> Path:
    """Where this folder's cache lives: inside it if writable, else the user cache dir."""
    folder = Path(folder).resolve()
    inside = folder / FOLDER_DIR / "cache"
    try:
        inside.mkdir(parents=True, exist_ok=True)
        probe = inside / ".write-test"
        probe.write_text("")
        probe.unlink()
        return inside
    except OSError:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        outside = base / "timeline-viewer" / hashlib.sha256(os.fsencode(folder)).hexdigest()[:16]
        outside.mkdir(parents=True, exist_ok=True)
        return outside


def entry_key(fingerprint_: str, relpath: str | bytes, data: bytes, side: dict[str, str]) -> str:
    """The key of one file's entry; `relpath` as bytes (`os.fsencode`), since a name need not
    be valid UTF-8."""
    digest = hashlib.sha256()
    digest.update(fingerprint_.encode() + b"\x00")
    digest.update(os.fsencode(relpath) + b"\x00")
    digest.update(json.dumps(side, sort_keys=True).encode() + b"\x00")
    digest.update(data)
    return digest.hexdigest()[:32]


class Cache:
    def __init__(self, folder: str | Path) -> None:
        self.dir = cache_dir(folder)
        self.used: set[str] = set()

    def get(self, key: str) -> dict[str, Any] | None:
        self.used.add(key)
        data = read_bounded(self.dir, self.dir / f"{key}.json", _MAX_ENTRY)  # no FIFO, no giant
        if isinstance(data, Problem):
            return None
        try:
            value = json.loads(data)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        self.used.add(key)
        # A cache that cannot be written costs time, never correctness.
        try:
            text = json.dumps(value, ensure_ascii=False)
            text.encode("utf-8")
        except UnicodeEncodeError:  # a path with bytes that are not UTF-8: escape them
            text = json.dumps(value)
        with contextlib.suppress(OSError):
            atomic_write_text(self.dir / f"{key}.json", text)

    def prune(self) -> None:
        """Drop entries this load did not use: files changed, removed or rules updated."""
        for path in self.dir.glob("*.json"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
