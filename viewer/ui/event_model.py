"""The one source model: a table over the core's events (the filter proxy over it is
`event_proxy`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from viewer.core.events.document_events import Event
from viewer.core.pipeline.conflicts import flag_label
from viewer.core.session.row_events import RowEvents
from viewer.ui.roles import EventIdRole, EventRole, SortRole, SourceRowRole

COLUMNS = ("Date", "Precision", "Parties", "Topics", "Tags", "Sentence", "Document", "Modality",
           "Said by", "Disputed")
TOPICS_COLUMN = COLUMNS.index("Topics")
Index = QModelIndex | QPersistentModelIndex
ORDER_FIELDS = frozenset({"start", "end", "document", "char_start"})  # the date sort's keys
#: What the table draws of a cell: its text (None: none), italic, greyed.
Cell = tuple[str | None, bool, bool]
CELL_ROWS_KEPT = 1024  # rows whose cells are kept (a screen is ~40): beyond, emptied and refilled


def date_text(event: Event) -> str:
    if event.start is None:
        return "undated"
    if event.end is None or event.end == event.start:
        return event.start.isoformat()
    return f"{event.start.isoformat()} – {event.end.isoformat()}"


class IdRows(Mapping[str, int]):
    """Event id → row, read off the Session's columns (binary search over ids sorted once)
    instead of a dictionary of every id."""

    def __init__(self, events: RowEvents) -> None:
        self.events = events

    def __getitem__(self, key: str) -> int:
        return self.events.columns.rows_of([key])[key]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self.events.columns.rows_of([key]))

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[str]:
        return (bytes(raw).decode("utf-8") for raw in self.events.columns.arrays["id"])


#: The roles the table model answers (as ints: a view passes them so); others get None.
ROLES = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole, EventRole, EventIdRole, SourceRowRole, SortRole))

#: What Qt's table model gives every cell; the proxy answers it without asking.
CELL_FLAGS = (Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
              | Qt.ItemFlag.ItemNeverHasChildren)


class EventTableModel(QAbstractTableModel):
    """Events as rows; columns for the table, roles for the timeline and detail pane.

    With a Session the rows are a `RowEvents` view over its columns: `data()` makes the
    event of the asked row only, so a million events cost no Python object each.

    The table's cells are kept per row once made (`cell`): a filter change repaints the
    table, and the rows it shows again (every change back to a wider filter shows the same
    first rows) are drawn from the kept texts, not made again from their event. A row's
    cells are dropped when its data changes (`dataChanged`, which every edit emits for its
    rows), and all of them on new events or new titles."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.events: list[Event] | RowEvents = []
        self.row_of: Mapping[str, int] = {}
        self._titles: dict[str, str] = {}  # document path → title, shown where a person reads
        self._topic_labels: dict[str, str] = {}  # topic id → the label the folder gives it
        self._cells: dict[int, tuple[Cell, ...]] = {}  # a row's cells, by source row
        self.dataChanged.connect(self._forget_cells)  # before any view or proxy hears of it

    @property
    def titles(self) -> dict[str, str]:
        return self._titles

    @titles.setter
    def titles(self, titles: dict[str, str]) -> None:
        self._titles = titles
        self._cells.clear()  # the Document column shows the titles

    @property
    def topic_labels(self) -> dict[str, str]:
        return self._topic_labels

    @topic_labels.setter
    def topic_labels(self, labels: dict[str, str]) -> None:
        self._topic_labels = labels
        self._cells.clear()  # the Topics column shows the labels (a renamed topic's too)

    def _forget_cells(self, top: QModelIndex, bottom: QModelIndex, *_args: Any) -> None:
        """The rows top..bottom changed: their cells are made again when next drawn."""
        cells = self._cells
        if cells:
            for row in range(top.row(), bottom.row() + 1):
                cells.pop(row, None)

    def has_cells(self, row: int) -> bool:
        """Whether the row's cells are kept (its event need not be made to draw it)."""
        return row in self._cells

    # Qt overrides ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ROLES or not index.isValid():
            return None  # a view asks each cell for a dozen roles: most are answered here
        return self.answer(index.row(), index.column(), role)

    def answer(self, row: int, column: int, role: int) -> Any:
        """`data()` for a row and column: the proxy asks here without making a source index
        per cell and role (a repaint of the table asks hundreds of times)."""
        if not 0 <= row < len(self.events):
            return None
        event = self.events[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(event, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return event.text if column == 5 else self._display(event, column)
        if role == Qt.ItemDataRole.ForegroundRole and _muted(event):
            palette = QApplication.palette()
            return palette.color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and _italic(event, column):
            font = QFont()
            font.setItalic(True)
            return font
        if role == EventRole:
            return event
        if role == EventIdRole:
            return event.id
        if role == SourceRowRole:
            return row
        if role == SortRole:
            return self._sort_key(event, column)
        return None

    def cell(self, row: int, column: int) -> Cell | None:
        """What the table draws of a cell, in one call: the text `data()` gives, whether
        the font is italic, whether the row is greyed (`table_cells` asks this instead of
        `data()` per role). A row's cells are made together and kept."""
        cells = self._cells.get(row)
        if cells is None:
            if not 0 <= row < len(self.events):
                return None
            if len(self._cells) >= CELL_ROWS_KEPT:
                self._cells.clear()  # a cheap bound: the rows in sight are made again
            event = self.events[row]
            muted = _muted(event)
            cells = self._cells[row] = tuple(
                (self._text(event, c), _italic(event, c), muted) for c in range(len(COLUMNS)))
        return cells[column] if 0 <= column < len(cells) else None

    def _text(self, event: Event, column: int) -> str:
        """A cell's text: the article's title in the source column, else the field."""
        if column == 6:
            return self.titles.get(event.document) or event.document
        if column == 3:
            labels = self._topic_labels
            return ", ".join(labels.get(t, t) for t in event.topics)
        return self._display(event, column)

    # Data ------------------------------------------------------------------------------------
    @staticmethod
    def _display(event: Event, column: int) -> str:
        if column == 0:
            return date_text(event)
        if column == 1:
            # A date set by hand no longer comes from where it was found.
            if "date" in event.corrected:
                return f"{event.precision} (corrected)"
            return event.precision + ("" if event.date_source == "explicit"
                                      else f" ({event.date_source})")
        if column == 2:
            return ", ".join(event.parties)
        if column == 3:
            return ", ".join(event.topics)
        if column == 4:
            return ", ".join(event.tags)
        if column == 5:
            return event.text
        if column == 7:
            return event.modality
        if column == 8:
            return event.speaker
        if column == 9:
            return ", ".join(flag_label(f) for f in event.conflict)
        return event.document

    def _sort_key(self, event: Event, column: int) -> Any:
        if column in (0, 1):
            return (event.start.toordinal() if event.start else 10**9, event.document,
                    event.char_start)
        return self._text(event, column).casefold()

    def set_events(self, events: Sequence[Event]) -> None:
        self.beginResetModel()
        self._cells.clear()
        if isinstance(events, RowEvents):
            self.events = events
            self.row_of = IdRows(events)
        else:
            self.events = list(events)
            self.row_of = {e.id: i for i, e in enumerate(self.events)}
        self.endResetModel()

    def append(self, events: Sequence[Event]) -> None:
        if not events:
            return
        if not isinstance(self.events, list) or not isinstance(self.row_of, dict):
            raise TypeError("rows over a Session's columns grow with the Session, not here")
        first = len(self.events)
        self.beginInsertRows(QModelIndex(), first, first + len(events) - 1)
        self.events.extend(events)
        for offset, event in enumerate(events):
            self.row_of[event.id] = first + offset
        self.endInsertRows()

    def replace_many(self, updates: dict[int, Event]) -> None:
        """Swap in edited events; one dataChanged per run of adjacent rows, so rows between
        two edited ones are not announced as changed."""
        if not updates:
            return
        for row, event in updates.items():
            self.events[row] = event
        rows = sorted(updates)
        first = previous = rows[0]
        for row in rows[1:]:
            if row == previous + 1:
                previous = row
                continue
            self.dataChanged.emit(self.index(first, 0), self.index(previous, len(COLUMNS) - 1))
            first = previous = row
        self.dataChanged.emit(self.index(first, 0), self.index(previous, len(COLUMNS) - 1))


def _italic(event: Event, column: int) -> bool:
    """A date not stated in the sentence itself (any source but "explicit") is in italics."""
    return column == 0 and event.date_source != "explicit"


def _muted(event: Event) -> bool:
    """Boilerplate and undated events are greyed."""
    return bool(event.boilerplate or event.undated)
