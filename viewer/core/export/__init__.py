"""Writers that turn a filtered set of events into files people use elsewhere.

Each writer takes the documents and the events a filter selected and returns the file's
content; `write` saves it atomically (temporary file, then rename), so an interrupted export
never leaves a truncated file under the target name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from viewer.core.events.document_events import Event
from viewer.core.model import Document
from viewer.core.query import Filter
from viewer.core.store.atomic_write import write_atomic
from viewer.core.store.periods import Period

DATA_FORMATS = ("csv", "json", "jsonl", "md", "html", "ics", "timelinejs")
PICTURE_FORMATS = ("png", "svg", "pdf")
FORMATS = DATA_FORMATS + PICTURE_FORMATS
EXTENSIONS = {"csv": ".csv", "json": ".json", "jsonl": ".jsonl", "md": ".md", "html": ".html",
              "ics": ".ics", "timelinejs": ".json", "png": ".png", "svg": ".svg",
              "pdf": ".pdf"}


@dataclass(frozen=True, slots=True)
class ExportJob:
    """What to export: the events, the articles they cite, and how they were chosen."""

    events: tuple[Event, ...]
    documents: dict[str, Document]
    filter: Filter = field(default_factory=Filter)
    title: str = "Timeline"
    periods: tuple[Period, ...] = ()  # the folder's named spans, written alongside
    group_by: str = "party"  # TimelineJS groups: "party" (first party) or "modality"
    #: Topic id → label, from the folder's full taxonomy (discovered topics too); ids not in
    #: it are written as they are.
    topic_labels: dict[str, str] = field(default_factory=dict)
    #: The timeline drawn as SVG by the app's painter, for the HTML report (the core cannot
    #: draw: it has no Qt); empty leaves the report without a picture.
    timeline_svg: str = ""
    #: The events were selected in the window, not only chosen by the filter.
    selected: bool = False

    def topic_names(self, event: Event) -> list[str]:
        """The event's topics as people read them: labels, not ids."""
        return [self.topic_labels.get(topic, topic) for topic in event.topics]

    def description(self) -> str:
        """How the events were chosen, in words, for report headers."""
        said = describe_filter(self.filter, self.topic_labels)
        if not self.selected:
            return said
        return "selected in the window" + ("" if said == ALL else f" (shown by {said})")

    def heading(self) -> str:
        """A picture's title line: the title, and how its events were chosen when not all
        (a picture of one party's events read only "Timeline: seeds")."""
        said = self.description()
        return self.title if said == ALL else f"{self.title} · {said}"


ALL = "all events"


def describe_filter(f: Filter, topic_labels: Mapping[str, str] | None = None) -> str:
    """The filter in words, for report headers; topics by their labels."""
    labels = topic_labels or {}
    parts = []
    for name, label in (("parties", "parties"), ("topics", "topics"), ("tags", "tags"),
                        ("documents", "documents"), ("review", "review"),
                        ("modality", "modality"), ("conflict", "disputed")):
        values = f.values(name)
        if name == "topics":
            values = frozenset(labels.get(v, v) for v in values)
        if values:
            parts.append(f"{label}: {' or '.join(sorted(values))}")
    if f.date_from or f.date_to:
        parts.append(f"dates: {f.date_from or '…'} to {f.date_to or '…'}")
    if f.search:
        parts.append(f"text contains “{f.search}”")
    if f.min_sources > 1:
        parts.append(f"reported by at least {f.min_sources} sources")
    if f.include_boilerplate:
        parts.append("boilerplate included")
    if not f.include_undated:
        parts.append("undated left out")
    return "; ".join(parts) or ALL


def write(path: str | Path, content: str | bytes) -> None:
    """Write an export atomically: an interrupted export never leaves a truncated file."""
    write_atomic(path, content)
