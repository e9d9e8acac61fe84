"""The rows of a facet list, kept as Python lists and read by its view row by row.

A list widget holds an item object per row, and a filter change that reorders the documents
set some 300 items' texts and values through the bindings (each setter a call into Qt that
told the widget's own model), most of a facet list's part of the change, though its view
paints only the dozen rows it shows. Here a change replaces three Python values (the values
listed, their texts, the checked values) and tells the view once which rows changed; the
view asks `data` only for the rows it paints or measures.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_CHECK = Qt.ItemDataRole.CheckStateRole.value
#: An item's value is its tooltip (the full value, where the text shows its label).
_TIP = Qt.ItemDataRole.ToolTipRole.value
_SIZE = Qt.ItemDataRole.SizeHintRole.value
_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
#: A list widget item's flags: checkable (by click or key), selectable, enabled.
_FLAGS = (Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
          | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDragEnabled)


class FacetModel(QStringListModel):
    """A facet's listed values, each row's text, and which values are checked.

    The rows are served by `data` from the Python lists; the string list underneath holds
    one empty string per row, only so that the row count is Qt's own: the view lays out a
    list by asking for each row's index, and a row count answered in Python made that a
    Python call per row (300 for the documents, some 4 M instructions per layout)."""

    #: A check set from the view (a click or a key), not by `show` or `check`.
    toggled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.values: list[str] = []  # the values listed, in order
        self.texts: list[str] = []  # each row's text
        self.checked: frozenset[str] = frozenset()  # checked values, all of them listed
        #: The last row's size, the one every row takes when the view's item sizes are
        #: uniform (`facet_list_sizes`); None lets the delegate measure that row.
        self.sample: QSize | None = None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.ItemIsDropEnabled

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        """The roles a list widget's item held: its text, check, value (its tooltip) and
        size; nothing for the others (font, colours, icon), as an item left them unset."""
        if role in (_DISPLAY, _EDIT):
            return self.texts[index.row()]
        if role == _CHECK:
            return _CHECKED if self.values[index.row()] in self.checked else _UNCHECKED
        if role == _TIP:
            return self.values[index.row()]
        if role == _SIZE and self.sample is not None and index.row() == len(self.values) - 1:
            return self.sample
        return None

    def setData(self, index: Index, value: object, role: int = _EDIT) -> bool:
        """A check the view set (a click on a box, the space key): the only edit a row
        takes."""
        if role != _CHECK or not index.isValid():
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        row_value = self.values[index.row()]
        if state == _CHECKED.value:
            self.checked = self.checked | {row_value}
        else:
            self.checked = self.checked - {row_value}
        self.dataChanged.emit(index, index, [_CHECK])
        self.toggled.emit()
        return True

    def show(self, values: list[str], texts: list[str], checked: frozenset[str]) -> bool:
        """List `values` with their `texts`, `checked` checked (a subset of `values`);
        the view hears of the rows added or taken away, and of the span of kept rows whose
        value or text changed, at once. Whether any row changed."""
        old_values, old_texts = self.values, self.texts
        kept = min(len(old_values), len(values))
        changed = [row for row, (value, old, text, shown) in enumerate(
            zip(values, old_values, texts, old_texts, strict=False))
            if value != old or text != shown]
        if len(values) < len(old_values):  # the rows are taken away, then forgotten
            self.removeRows(kept, len(old_values) - kept)
        self.values, self.texts, self.checked = values, texts, checked
        if len(values) > len(old_values):  # the rows are known when the view hears of them
            self.insertRows(kept, len(values) - kept)
        if changed:
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))
        return bool(changed) or len(values) != len(old_values)

    def check(self, values: frozenset[str]) -> None:
        """Check the listed values among `values`, uncheck the others."""
        checked = values.intersection(self.values)
        if checked != self.checked:
            self.checked = checked
            self.dataChanged.emit(self.index(0), self.index(len(self.values) - 1), [_CHECK])
