"""What the timeline painter reads: a view state and a set of colours.

The widget makes these from its scroll bars, zoom, selection and palette; pictures and the
HTML report make them from a requested width, with no widget at all. Both go through the
same `TimelinePainter`, so every picture shows what the window shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QPalette

from viewer.core.events.document_events import Event
from viewer.core.events.topics import Taxonomy, load_taxonomy
from viewer.core.scene.layout import TimeScale
from viewer.core.scene.text_label import TextLabel
from viewer.core.store.periods import Period
from viewer.ui.palette import party_colour, topic_colour

NO_TAG = "#555555"  # a tag with no colour of its own


def first_words(text: str) -> str:
    """A sentence's first nine words. The text is split at most nine times (the rest, if
    any, is one piece): a sentence split into every word cost a first paint's labels far
    more than they show."""
    words = text.split(None, 9)
    return " ".join(words[:9]) + ("…" if len(words) > 9 else "")


# An event's label on the timeline: its sentence's first words (read from the sentence alone).
short_label = TextLabel(first_words)


NO_EVENTS = "No events loaded"


@dataclass(frozen=True, slots=True)
class TimelineView:
    """The part of a timeline to draw: events and rows shown, zoom, scroll, lane mode,
    selection and periods. Collections are shared, not copied: one is made per paint."""

    events: Sequence[Event] = ()
    rows: Sequence[int] = ()
    scale: TimeScale = field(default_factory=lambda: TimeScale(dt.date(2025, 1, 1)
                                                              .toordinal(), 4.0))
    scroll: tuple[float, float] = (0.0, 0.0)  # content x and y at the top-left corner
    mode: str = "party"
    selected: Set[int] = frozenset()
    current: int | None = None
    periods: tuple[Period, ...] = ()
    doc_dates: Sequence[tuple[dt.date, str]] = ()
    show_lag: bool = False
    label_of: Callable[[Event], str] = short_label
    edits: int = 0  # grows with each in-place edit of the events: drawn batches go stale
    empty: str = NO_EVENTS  # what a view without events says ("Loading …" while one loads)


@dataclass(frozen=True, slots=True)
class TimelineColours:
    """The colours the app draws with: the palette's base, text and muted greys, the party
    palette, the folder's taxonomy colours and the folder's tag colours."""

    base: QColor
    text: QColor
    muted: QColor
    taxonomy: Taxonomy
    tags: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, palette: QPalette, taxonomy: Taxonomy | None = None,
           tags: Mapping[str, str] | None = None) -> TimelineColours:
        return cls(palette.color(QPalette.ColorRole.Base),
                   palette.color(QPalette.ColorRole.Text),
                   palette.color(QPalette.ColorRole.PlaceholderText),
                   taxonomy if taxonomy is not None else load_taxonomy(), dict(tags or {}))

    def party(self, key: str) -> QColor:
        return party_colour(key)

    def topic(self, key: str) -> QColor:
        return topic_colour(self.taxonomy, key)

    def tag(self, key: str, default: str = NO_TAG) -> QColor:
        return QColor(self.tags.get(key, default))

    def lane(self, mode: str, key: str) -> QColor:
        """A lane header's swatch: the colour its events are known by in this mode."""
        if mode == "party":
            return self.party(key)
        if mode == "topic":
            return self.topic(key)
        if mode == "tag":
            return self.tag(key, self.muted.name())
        return self.muted
