"""Edit a folder's topics: create, rename, recolour, merge, delete, add and remove cues.

Every edit is written to the folder's own `.timeline-viewer/topics.toml`, which extends the
bundled taxonomy (`resources/topics.toml`), so the bundled file is never touched and the folder
keeps its topics wherever it goes. A bundled topic that is edited gets an entry of its own
there, and so does a discovered one whose cues change (it becomes the folder's own); a
discovered topic renamed or recoloured gets only its look (`discovered = true`, no cues), so
what the folder discovers stays as it was. A deleted topic is kept as `deleted = true` (so it
is not discovered again) and a removed bundled cue as `remove_cues`.

The functions here change the file's data in memory; `topic_changes` turns the difference
into an undoable edit that writes only the entries it touched (`read`, `write` under `locked`),
so undo never puts back an old copy of the whole file over what others wrote since.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from viewer.core.events.topics import Taxonomy, Topic
from viewer.core.resources import FOLDER_DIR, read_folder_text
from viewer.core.store.atomic_write import write_atomic

_HEADER = ("# This folder's topics (they extend the bundled taxonomy). Written by the app;\n"
           "# you may edit it by hand.\n")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


class TopicError(ValueError):
    """An edit that cannot be made (unknown topic, bad id or colour)."""


def topics_path(folder: str | Path) -> Path:
    return Path(folder) / FOLDER_DIR / "topics.toml"


@contextlib.contextmanager
def locked(folder: str | Path) -> Iterator[None]:
    """Hold the folder's topics lock for one read-modify-write of the file, so two writers
    (a window and the command line) never interleave and lose one's entries; where locks
    are not available, the atomic replace still keeps the file whole."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on this platform
        yield
        return
    path = topics_path(folder).with_name("topics.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def read(folder: str | Path) -> dict[str, Any]:
    """The folder's topics file as data ({} when there is none)."""
    path = topics_path(folder)
    if not os.path.lexists(path):
        return {}
    text = read_folder_text(folder, path.name)  # never a FIFO, a giant or a link outside
    if text is None:
        raise TopicError(f"{path.name} in the folder cannot be read; fix or remove it first")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TopicError(f"{path.name} in the folder is not valid TOML ({exc}); fix it "
                         "first") from None


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a valid TOML basic string


def to_toml(data: dict[str, Any]) -> str:
    lines = [_HEADER]
    for key, value in data.items():
        if key != "topic":
            lines.append(f"{key} = {_value(value)}")
    for topic_id, entry in data.get("topic", {}).items():
        lines.append(f"\n[topic.{json.dumps(topic_id)}]")
        lines.extend(f"{key} = {_value(value)}" for key, value in entry.items())
    return "\n".join(lines) + "\n"


def write(folder: str | Path, data: dict[str, Any]) -> None:
    """Replace the file atomically; no file at all when nothing is left in it."""
    path = topics_path(folder)
    if not data or data == {"topic": {}}:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, to_toml(data))


def _entry(data: dict[str, Any], topic: Topic | None, topic_id: str) -> dict[str, Any]:
    """The folder's own entry for a topic, created from the topic as it is now if needed: a
    discovered topic's cues are written into it (it becomes the folder's own)."""
    topics: dict[str, dict[str, Any]] = data.setdefault("topic", {})
    entry = topics.setdefault(topic_id, {})
    if topic is not None and topic.origin == "discovered" and "cues" not in entry:
        entry.update({"label": topic.label, "color": topic.color, "cues": list(topic.cues)})
        entry.pop("discovered", None)
    entry.pop("deleted", None)
    return entry


def _look(data: dict[str, Any], topic: Topic, topic_id: str) -> dict[str, Any]:
    """The entry a new label or colour goes in: for a topic the folder discovers, its look
    alone (see the module's docstring); for any other, its own entry."""
    if topic.origin != "discovered" or "cues" in data.get("topic", {}).get(topic_id, {}):
        return _entry(data, topic, topic_id)
    entry: dict[str, Any] = data.setdefault("topic", {}).setdefault(topic_id, {})
    entry.pop("deleted", None)
    entry["discovered"] = True
    return entry


def _known(taxonomy: Taxonomy, topic_id: str) -> Topic:
    topic = taxonomy.get(topic_id)
    if topic is None:
        known = ", ".join(taxonomy.ids()) or "none"
        raise TopicError(f"no topic {topic_id!r} (topics: {known})")
    return topic


def create(data: dict[str, Any], taxonomy: Taxonomy, topic_id: str, label: str, color: str,
           cues: list[str]) -> None:
    """A new topic of the folder's own."""
    if not _ID.match(topic_id):
        raise TopicError(f"topic id {topic_id!r}: use lower-case letters, digits and '-'")
    if taxonomy.get(topic_id) is not None:
        raise TopicError(f"topic {topic_id!r} exists already")
    if not cues:
        raise TopicError("a topic needs at least one cue")
    if not _COLOR.match(color):
        raise TopicError(f"colour {color!r}: use #rrggbb")
    data.setdefault("topic", {})[topic_id] = {"label": label or topic_id, "color": color,
                                             "cues": list(dict.fromkeys(cues))}


def rename(data: dict[str, Any], taxonomy: Taxonomy, topic_id: str, label: str) -> None:
    topic = _known(taxonomy, topic_id)
    _look(data, topic, topic_id)["label"] = label


def recolour(data: dict[str, Any], taxonomy: Taxonomy, topic_id: str, color: str) -> None:
    if not _COLOR.match(color):
        raise TopicError(f"colour {color!r}: use #rrggbb")
    topic = _known(taxonomy, topic_id)
    _look(data, topic, topic_id)["color"] = color


def edit_cues(data: dict[str, Any], taxonomy: Taxonomy, topic_id: str,
              add: list[str] = [], remove: list[str] = []) -> None:  # noqa: B006
    """Add cues to a topic and take cues away from it."""
    topic = _known(taxonomy, topic_id)
    entry = _entry(data, topic, topic_id)
    own = [c for c in entry.get("cues", []) if c not in remove]
    entry["cues"] = list(dict.fromkeys([*own, *(c for c in add if c not in topic.cues)]))
    gone = [c for c in remove if c in topic.cues and topic.origin == "built-in"]
    if gone:
        entry["remove_cues"] = list(dict.fromkeys([*entry.get("remove_cues", []), *gone]))
    if not entry["cues"]:
        del entry["cues"]


def delete(data: dict[str, Any], taxonomy: Taxonomy, topic_id: str) -> None:
    """Remove a topic; kept as `deleted = true` so it is neither bundled nor found again."""
    _known(taxonomy, topic_id)
    data.setdefault("topic", {})[topic_id] = {"deleted": True}


def merge(data: dict[str, Any], taxonomy: Taxonomy, sources: list[str], into: str) -> None:
    """Fold topics into one: it takes all their cues, and they are deleted."""
    target = _known(taxonomy, into)
    others = [_known(taxonomy, s) for s in sources if s != into]
    if not others:
        raise TopicError("name at least one other topic to merge")
    entry = _entry(data, target, into)
    cues = [c for t in others for c in t.cues if c not in target.cues]
    entry["cues"] = list(dict.fromkeys([*entry.get("cues", []), *cues]))
    for topic in others:
        data["topic"][topic.id] = {"deleted": True}
