"""Topics from a taxonomy of cue words (`resources/topics.toml`, overridable per folder)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.resources import load_data


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    label: str
    color: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    topics: tuple[Topic, ...]

    def classify(self, text: str) -> tuple[str, ...]:
        """The ids of every topic whose cues occur in `text`, in taxonomy order."""
        return tuple(topic.id for topic in self.topics if topic.pattern.search(text))

    def ids(self) -> tuple[str, ...]:
        return tuple(topic.id for topic in self.topics)

    def get(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)


def _cue(cue: str) -> str:
    stem = cue.rstrip("*")
    body = re.escape(stem).replace(r"\ ", r"[\s-]+")
    tail = r"[\w-]*" if cue.endswith("*") else ""
    return rf"(?<![\w-]){body}{tail}(?![\w])"


def build(data: dict[str, Any]) -> Taxonomy:
    topics = []
    for topic_id, entry in data.get("topic", {}).items():
        cues = entry.get("cues", [])
        if not cues:
            continue
        pattern = re.compile("|".join(_cue(c) for c in cues), re.IGNORECASE)
        topics.append(Topic(topic_id, entry.get("label", topic_id),
                            entry.get("color", "#888888"), pattern))
    return Taxonomy(tuple(topics))


@functools.cache
def _bundled() -> Taxonomy:
    return build(load_data("topics.toml"))


def load_taxonomy(folder: str | Path | None = None) -> Taxonomy:
    """The bundled taxonomy, extended or replaced by the folder's own topics.toml."""
    if folder is None or not (Path(folder) / ".timeline-viewer" / "topics.toml").is_file():
        return _bundled()
    return build(load_data("topics.toml", folder))
