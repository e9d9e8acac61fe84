"""Discovered topics keep who they are when the folder changes a little.

Why: discovery names each topic after its top phrase and colours it by its rank, so one more
article or a three-word edit could rename a topic ("families" became "court"), split it or
reorder the colours; the analyst's rename or colour of it (stored by id in topics.toml), and
every event set to it by hand, then pointed at nothing. Each discovery is remembered in
`FOLDER/.timeline-viewer/discovered-topics.json` (each topic's id, colour and cues, and the
topics no longer found): a newly discovered topic that shares enough cues with a remembered
one takes its id and colour. Pairs are matched best first (most shared cues in proportion,
then by id), so the answer does not depend on any order, and the same memory gives every
engine the same ids; a folder without the file gets the ids and colours discovery gives.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from viewer.core.events.topics import Taxonomy, Topic, discovered_edits
from viewer.core.ingest.safe_read import relative_name
from viewer.core.ingest.sidecar import atomic_write_text
from viewer.core.model import Problem
from viewer.core.resources import FOLDER_DIR, read_folder_text

FILE_NAME = "discovered-topics.json"
SAME = 1 / 3  # shared cues over all cues of the two (Jaccard) that make it the same topic
RETIRED = 16  # topics no longer found that are remembered (besides those the analyst edited)


@dataclass(frozen=True, slots=True)
class Known:
    """A discovered topic as remembered: enough to recognise it and show it as before."""

    id: str
    color: str
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Memory:
    current: tuple[Known, ...] = ()  # the last discovery's topics, biggest first
    retired: tuple[Known, ...] = ()  # topics no longer found, most recently seen first

    def to_text(self) -> str:
        def rows(known: tuple[Known, ...]) -> list[dict[str, object]]:
            return [{"id": k.id, "color": k.color, "cues": list(k.cues)} for k in known]

        return json.dumps({"version": 1, "current": rows(self.current),
                           "retired": rows(self.retired)}, ensure_ascii=False, indent=1) + "\n"


def _parsed(text: str | None) -> Memory:
    """The memory a file holds; an empty one for no file or a damaged one (the topics are
    then discovered as new)."""
    if not text:
        return Memory()
    try:
        data = json.loads(text)
        return Memory(*(tuple(Known(str(row["id"]), str(row["color"]),
                                    tuple(str(c) for c in row["cues"]))
                              for row in data[part]) for part in ("current", "retired")))
    except (ValueError, TypeError, KeyError):
        return Memory()


@dataclass(frozen=True, slots=True)
class TopicMemory:
    """A folder's memory of its discovered topics, and whether this run may update it (a
    command that writes nothing into the folder, such as an extraction without a cache, only
    reads it)."""

    folder: str | None = None
    write: bool = False
    known: Memory = Memory()

    @classmethod
    def of(cls, folder: str | Path | None, write: bool) -> TopicMemory:
        if folder is None:
            return cls()
        return cls(str(folder), write, _parsed(read_folder_text(folder, FILE_NAME)))

    def keep(self, memory: Memory) -> None:
        """Write the new memory (atomically) when it says something new; a folder that
        cannot be written costs the next discovery its memory, never an error."""
        if not self.write or self.folder is None or memory == self.known:
            return
        path = Path(self.folder) / FOLDER_DIR / FILE_NAME
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, memory.to_text())


def similarity(a: Iterable[str], b: Iterable[str]) -> float:
    x, y = set(a), set(b)
    return len(x & y) / len(x | y) if x or y else 0.0


def recognise(found: Sequence[Topic], memory: Memory, taken: Iterable[str],
              palette: Sequence[str], edited: frozenset[str] = frozenset()
              ) -> tuple[list[Topic], Memory]:
    """The found topics (in discovery's order, with its ids and colours) under the ids and
    colours of the remembered topics they match, and the memory to keep. A topic that matches
    none gets discovery's id unless a remembered topic holds it (then a free one), and the
    first colour of `palette` no remembered or matched topic has. `taken`: ids of the other
    topics; `edited`: ids the folder's topics.toml edits, remembered however long ago."""
    taken = set(taken)
    known: dict[str, Known] = {}
    for entry in (*memory.current, *memory.retired):
        if entry.id not in taken:  # (an id the analyst has since given a topic of the folder)
            known.setdefault(entry.id, entry)
    scored = sorted((-similarity(topic.cues, entry.cues), entry.id, topic.id, index)
                    for index, topic in enumerate(found) for entry in known.values())
    matched: dict[int, Known] = {}
    for score, known_id, _, index in scored:
        if -score < SAME:
            break
        if index not in matched and known_id not in {k.id for k in matched.values()}:
            matched[index] = known[known_id]
    used_ids = taken | set(known)
    used_colours = {k.color.lower() for k in memory.current} | {
        k.color.lower() for k in matched.values()}
    out: list[Topic] = []
    for index, topic in enumerate(found):
        match = matched.get(index)
        if match is not None:
            out.append(dataclasses.replace(topic, id=match.id, color=match.color))
            continue
        topic_id = topic.id
        while topic_id in used_ids:
            topic_id += "-2"
        used_ids.add(topic_id)
        free = [c for c in palette if c.lower() not in used_colours]
        color = free[0] if free else palette[index % len(palette)] if palette else topic.color
        used_colours.add(color.lower())
        out.append(dataclasses.replace(topic, id=topic_id, color=color))
    now = {t.id for t in out}
    gone = [k for k in known.values() if k.id not in now]
    retired = [k for n, k in enumerate(gone) if n < RETIRED or k.id in edited]
    return out, Memory(tuple(Known(t.id, t.color, tuple(t.cues)) for t in out), tuple(retired))


def orphaned_edits(folder: str | Path, taxonomy: Taxonomy) -> list[Problem]:
    """The folder's renames and recolours of discovered topics it no longer has (no topic
    was recognised as the one edited), as problems rather than silently unused."""
    where = relative_name(folder, Path(folder) / FOLDER_DIR / "topics.toml")
    problems = []
    for topic_id, label, color in discovered_edits(folder).orphans(taxonomy):
        look = ", ".join(part for part in (label and f"renamed {label!r}",
                                           color and f"coloured {color}") if part)
        problems.append(Problem(where, "orphaned topic edit", (
            f"the discovered topic {topic_id!r} ({look}) is no longer found in the folder: "
            "its edit applies to no topic")))
    return problems
