"""The filter proxy over the one source model: the rows the core's filter keeps, sorted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    Qt,
    Signal,
)

from viewer.core.events.document_events import Event
from viewer.core.query import EventIndex, Filter
from viewer.core.session.filtering import ColumnIndex
from viewer.core.session.row_array import Ints, RowArray
from viewer.core.session.row_events import RowEvents
from viewer.ui.column_sorting import (
    KeptOrder,
    column_order,
    read_fields,
    sort_fields,
    sorted_rows,
)
from viewer.ui.event_model import (
    CELL_FLAGS,
    COLUMNS,
    ROLES,
    EventTableModel,
    Index,
)

#: A filter change moves rows only: the horizontal header (the columns) hears nothing of it.
ROWS_ONLY = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
#: The signals' overload that carries the hint (PySide emits the one without arguments).
_WITH_HINT = "QList<QPersistentModelIndex>,QAbstractItemModel::LayoutChangeHint"


#: A filter keeping fewer than one row in this many is read off the rows' places in the order
SPARSE = 8

_Picked = tuple[Filter, npt.NDArray[np.bool_], "npt.NDArray[np.int32] | None",
                npt.NDArray[np.int32], npt.NDArray[np.bool_]]


def with_hint(signal: Any) -> Any:
    """A layout signal's overload with parents and hint (its stubs do not show overloads)."""
    return signal[_WITH_HINT]


class EventFilterProxy(QAbstractProxyModel):
    """Rows of the source that the core filter keeps, sorted; one layout change per filter
    change (a reset only when the source's rows are new).

    The filter itself is the open Session's column index (or, for events set without a
    Session, an `EventIndex` built from them), so the table, the timeline and the CLI export
    agree on every event; Qt only sees the resulting row list. An edit never rebuilds it.
    """

    filterApplied = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.filter = Filter()
        self.index_: EventIndex | ColumnIndex | None = None
        self.session_index: ColumnIndex | None = None
        self.rows: Sequence[int] = RowArray()  # shown source rows, in the table's order
        self._proxy_of: npt.NDArray[np.int32] | None = np.zeros(0, dtype=np.int32)
        self._proxy_size = 0  # the source's size when the rows were set
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._counts: Mapping[str, Mapping[str, int]] = {}
        self._order: list[int] | None = None
        self._order_array: npt.NDArray[np.int32] | None = None  # 4 bytes a row
        # each row's place in that order, made at the first few-row filter on it (4 bytes a row)
        self._places: tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]] | None = None
        # the last text column's ascending order (its field, the rows), kept while its field
        # is not edited: the other way round is the same rows reversed
        self._text_order: KeptOrder | None = None
        self._rows_array: Ints = np.zeros(0, dtype=np.int64)
        self._fields: frozenset[str] | None = None  # what the next edit changes, if known
        self.edit_reset = False  # the last edit changed which rows are shown
        self.counts_stale = False  # the last edit kept the rows; counts wait for a refresh
        self._source: EventTableModel | None = None
        # The rows picked for the last filter and the one before it: the filter, the index's
        # scalar mask and the order they were picked with, the rows and the filter's mask.
        self._picked_now: _Picked | None = None
        self._picked_before: _Picked | None = None

    def setSourceModel(self, model: Any) -> None:
        old = self.sourceModel()
        if old is not None:
            for signal in (old.modelReset, old.rowsInserted):
                signal.disconnect(self._source_changed)
            old.dataChanged.disconnect(self._source_edited)
        super().setSourceModel(model)
        self._source = model  # data() asks it for every cell and role: no lookup per call
        model.modelReset.connect(self._source_changed)
        model.rowsInserted.connect(self._source_changed)
        model.dataChanged.connect(self._source_edited)
        self._source_changed()

    def source(self) -> EventTableModel:
        model = self.sourceModel()
        assert isinstance(model, EventTableModel)
        return model

    def use_index(self, index: ColumnIndex | None) -> None:
        """Filter with a Session's index, which the Session keeps up to date on edits."""
        self.session_index = index

    def _source_changed(self, *_args: Any) -> None:
        size = len(self.source().events)
        if self.session_index is not None and self.session_index.columns.size == size:
            self.index_ = self.session_index
        else:  # events set without a Session (benchmarks, tests): index them
            self.index_ = EventIndex.build(self.source().events)
        self._order = self._order_array = self._text_order = self._places = None
        self._picked_now = self._picked_before = None
        self.beginResetModel()  # other rows, or other events: nothing maps across
        self._select()
        self.endResetModel()
        self.filterApplied.emit()

    def set_filter(self, value: Filter) -> None:
        self.filter = value
        self._apply()

    def _apply(self) -> None:
        """Show the filter's rows as a layout change over the same source rows, not a reset:
        the views keep their selection, current row and scroll position through persistent
        indexes, and nothing is reset that a filter does not change (the table's column
        header reads the source, see `EventTable`). A persistent index whose event the
        filter hides becomes invalid."""
        with_hint(self.layoutAboutToBeChanged).emit([], ROWS_ONLY)
        persistent = self.persistentIndexList()
        old_rows = self._rows_array
        self._select()
        if persistent:
            self.changePersistentIndexList(persistent, self._moved(persistent, old_rows))
        with_hint(self.layoutChanged).emit([], ROWS_ONLY)
        self.filterApplied.emit()

    def _select(self) -> None:
        """The filter's rows in the table's order, and its facet counts. A change back to
        the filter before (a toggle undone, a value cleared) shows the rows picked for it
        then, while the index keeps that filter's masks (no edit since) and the table's
        order is the same: picking them again was 0.2-0.5 ms at 100,000 events."""
        index = self.index_
        if isinstance(index, ColumnIndex):
            scalar = index.masks(self.filter)[0]  # a new array after any edit
            kept = self._picked_before
            if (kept is not None and kept[0] == self.filter and kept[1] is scalar
                    and kept[2] is self._order_array and self._order_array is not None):
                rows, mask = kept[3], kept[4]
            else:
                mask = index.select(self.filter)
                rows = self._ordered(mask)
            self._picked_before = self._picked_now
            self._picked_now = (self.filter, scalar, self._order_array, rows, mask)
            self._set_rows(rows, mask)
        else:
            self._set_rows(self._selected_in_order(index.rows(self.filter)) if index else [])
        self._counts = index.counts(self.filter) if index is not None else {}

    def _moved(self, persistent: list[QModelIndex], old_rows: Ints) -> list[QModelIndex]:
        """Where each persistent index (a row of `old_rows`) is now: its event's row in the
        new rows, or an invalid index when the filter no longer shows it. O(persistent)."""
        proxy_of = self.proxy_of
        moved = []
        for index in persistent:
            row = index.row()
            new = (int(proxy_of[old_rows[row]])
                   if index.isValid() and 0 <= row < len(old_rows) else -1)
            moved.append(self.createIndex(new, index.column()) if new >= 0 else QModelIndex())
        return moved

    def _set_rows(self, rows: list[int] | Ints,
                  mask: npt.NDArray[np.bool_] | None = None) -> None:
        """The rows shown, in order; `mask`, when given, is True exactly at them (the
        lanes read it instead of scattering the rows into a mask again)."""
        array: Ints = (rows if isinstance(rows, np.ndarray) and rows.dtype == np.int32
                       else np.asarray(rows, dtype=np.int64))
        self._rows_array = array
        self.rows = RowArray(array, mask)  # read as ints, held as one array: no list
        self._proxy_size = len(self.source().events)
        self._proxy_of = None  # made when first asked for (an edit, a selection)
        self.counts_stale = False

    @property
    def proxy_of(self) -> npt.NDArray[np.int32]:
        """Each source row's row in the proxy, -1 where not shown; made on first use after a
        filter change (a million-row scatter that most filter changes never read)."""
        if self._proxy_of is None:
            proxy_of = np.full(self._proxy_size, -1, dtype=np.int32)
            proxy_of[self._rows_array] = np.arange(len(self._rows_array), dtype=np.int32)
            self._proxy_of = proxy_of
        return self._proxy_of

    def _ordered(self, mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.int32]:
        """The rows a mask keeps, in the table's order: the whole table's order is one
        argsort per sort column, and a filter only picks from it (O(n), vectorised)."""
        if self._order_array is None:
            self._order_array, self._text_order = column_order(
                self.source(), self.sort_column, self.sort_order, self._text_order)
        order = self._order_array
        kept = int(np.count_nonzero(mask))
        if kept * SPARSE < len(order):
            # Few rows (a party, a topic): their places in the order, sorted, read back off
            # it; every row's place is kept with the order (one scatter per sort column).
            # Taking the mask through the whole order was most of a party's `_select`.
            if self._places is None or self._places[0] is not order:
                places = np.empty(len(order), dtype=np.int32)
                places[order] = np.arange(len(order), dtype=np.int32)
                self._places = (order, places)
            rows = np.flatnonzero(mask)
            at = self._places[1].take(rows, mode="wrap")
            at.sort()
            sparse: npt.NDArray[np.int32] = order.take(at, mode="wrap")
            return sparse
        # `take` and `compress` rather than indexing by arrays: the same rows, without
        # NumPy's general indexing (a random third of 100,000 rows: 0.51 -> 0.15 ms).
        # "wrap": the order's rows are in range, and checking each cost a fifth of the take
        picked: npt.NDArray[np.int32] = np.compress(mask.take(order, mode="wrap"), order)
        return picked

    def note_fields(self, fields: frozenset[str]) -> None:
        """The event fields the coming data changes touch (the Session's `Change` says);
        they hold for every run of rows one edit announces."""
        self._fields = frozenset(fields)
        self.edit_reset = False

    def _source_edited(self, top: QModelIndex, bottom: QModelIndex, *_args: Any) -> None:
        """Edited rows: when the filter still shows the same rows in the same order, only
        those rows are announced (no reset, so views keep their selection and scroll);
        otherwise the filter applies again. Whether the edited rows are still shown is asked
        of them alone; the whole order is redone only when an edit changed a sort key."""
        fields = self._fields
        index = self.index_
        if not isinstance(index, ColumnIndex) or len(self.proxy_of) != len(self.source().events):
            self.edit_reset = True
            self._source_changed()
            return
        self._picked_now = self._picked_before = None  # the rows an edit may change
        edited = np.arange(top.row(), bottom.row() + 1, dtype=np.int64)
        kept = self._text_order
        if kept is not None and (fields is None or fields & read_fields(kept[0])):
            self._text_order = None  # (whichever column the table is sorted by now)
        keys = sort_fields(self.sort_column)
        if fields is None or keys is None or fields & keys:
            self._order_array = None
            same = np.array_equal(self._ordered(index.select(self.filter)), self._rows_array)
        else:
            same = np.array_equal(index.keeps(self.filter, edited), self.proxy_of[edited] >= 0)
        if not same:
            self.edit_reset = True
            self._apply()
            return
        self.counts_stale = self.counts_stale or fields is None or bool(fields)
        last = len(COLUMNS) - 1
        for source_row in edited.tolist():
            row = self.proxy_row_of_source(source_row)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    @property
    def counts(self) -> Mapping[str, Mapping[str, int]]:
        """Facet counts for the filter; after an edit that kept the rows they are counted
        when first asked for (the window asks once the edit is painted)."""
        if self.counts_stale and self.index_ is not None:
            self._counts = self.index_.counts(self.filter)
            self.counts_stale = False
        return self._counts

    def _selected_in_order(self, positions: list[int]) -> list[int]:
        """The rows a filter keeps in the table's sort order (events set without a Session).

        Up to a quarter of the rows are sorted directly; a larger selection is read off the
        whole table's order, which is sorted once per sort column rather than per filter.
        """
        size = len(self.source().events)
        if len(positions) * 4 < size:
            return self._sorted(positions)
        if self._order is None:
            self._order = self._sorted(list(range(size)))
        keep = bytearray(size)
        for row in positions:
            keep[row] = 1
        return [row for row in self._order if keep[row]]

    def _sorted(self, rows: list[int]) -> list[int]:
        return sorted_rows(self.source(), rows, self.sort_column, self.sort_order)

    # Qt overrides ----------------------------------------------------------------------------
    def relabelled(self, column: int) -> None:
        """A column's shown texts changed (topics renamed): sorted by it, sort again."""
        self._text_order = None
        if self.sort_column == column:
            self.sort(column, self.sort_order)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self._order = self._order_array = self._places = None
        self.layoutAboutToBeChanged.emit()
        old_rows = self.rows  # immutable: the next rows are a new RowArray
        if isinstance(self.index_, ColumnIndex):
            mask = np.zeros(len(self.source().events), dtype=bool)
            mask[self._rows_array] = True
            self._set_rows(self._ordered(mask), mask)
        else:
            self._set_rows(self._sorted(list(self.rows)))
        self.changePersistentIndexList(
            self.persistentIndexList(),
            [self._remap(p, old_rows) for p in self.persistentIndexList()],
        )
        self.layoutChanged.emit()

    def _remap(self, index: QModelIndex, old_rows: Sequence[int]) -> QModelIndex:
        if not index.isValid() or index.row() >= len(old_rows):
            return QModelIndex()
        return self.index(int(self.proxy_of[old_rows[index.row()]]), index.column())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (
                0 <= row < len(self.rows) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column)

    # Qt overloads parent(): QObject.parent() and QAbstractItemModel.parent(index); a Python
    # override can only be one function, so it answers both shapes and mypy flags the pair.
    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The source's answer; the roles it never answers without mapping the index."""
        if role not in ROLES or not index.isValid():
            return None
        row, rows = index.row(), self._rows_array
        if row >= len(rows) or self._source is None:
            return None
        return self._source.answer(int(rows[row]), index.column(), role)

    def cell(self, row: int, column: int) -> tuple[str | None, bool, bool] | None:
        """The source's `cell` for a proxy row (the table's delegate asks this)."""
        rows = self._rows_array
        if not 0 <= row < len(rows) or self._source is None:
            return None
        return self._source.cell(int(rows[row]), column)

    def prepare(self, first: int, last: int) -> None:
        """Make the events of proxy rows first..last at once, a column at a time: the table
        is about to draw them, and its cells made them one by one (14 rows of a filter not
        shown before: about 1.5 ms one by one, 1.0 ms at once). Rows whose cells the source
        keeps need no event."""
        source = self._source
        events = source.events if source is not None else None
        if source is not None and isinstance(events, RowEvents) and first <= last:
            rows = self._rows_array[max(0, first):last + 1].tolist()
            missing = [row for row in rows if not source.has_cells(row)]
            if missing:
                events.make(missing)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """A table model's flags for a cell (the source keeps Qt's), without the source index
        Qt's proxy makes per cell for them on every repaint."""
        if not index.isValid() or index.row() >= len(self._rows_array):
            return Qt.ItemFlag.NoItemFlags
        return CELL_FLAGS

    def mapToSource(self, proxy: Index) -> QModelIndex:
        if not proxy.isValid() or proxy.row() >= len(self.rows):
            return QModelIndex()
        return self.source().index(self.rows[proxy.row()], proxy.column())

    def mapFromSource(self, source: Index) -> QModelIndex:
        if not source.isValid():
            return QModelIndex()
        row = self.proxy_row_of_source(source.row())
        return QModelIndex() if row is None else self.index(row, source.column())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return None
        return self.source().headerData(section, orientation, role)

    # Helpers for views -------------------------------------------------------------------------
    def event_at(self, proxy_row: int) -> Event:
        return self.source().events[self.rows[proxy_row]]

    def proxy_row_of_source(self, source_row: int) -> int | None:
        if not 0 <= source_row < len(self.proxy_of):
            return None
        row = int(self.proxy_of[source_row])
        return row if row >= 0 else None

    def shown_source_rows(self) -> Sequence[int]:
        return self.rows
