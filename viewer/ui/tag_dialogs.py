"""Tag picker (type to filter, Enter creates) and tag manager (rename, recolour, delete)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

TAG_COLOURS = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6",
               "#bfef45", "#469990", "#9a6324", "#800000", "#000075")
_NAME = Qt.ItemDataRole.UserRole + 1


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def next_colour(existing: Mapping[str, str]) -> str:
    used = set(existing.values())
    return next((c for c in TAG_COLOURS if c not in used), TAG_COLOURS[len(used) % 12])


class TagPicker(QDialog):
    """Toggle tags on the selected events; typing filters, Enter on a new name creates it."""

    toggled = Signal(str, bool)  # tag, on
    created = Signal(str)

    def __init__(self, tags: Mapping[str, str], states: Mapping[str, Qt.CheckState],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tags")
        self.tags = dict(tags)
        self.states = dict(states)  # as stored: what a refused click goes back to
        self._refused = False
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type to find a tag, Enter to create it")
        self.list = QListWidget()
        self.hint = QLabel()
        for name in sorted(self.tags, key=str.casefold):
            item = QListWidgetItem(swatch(self.tags[name]), name)
            item.setData(_NAME, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(states.get(name, Qt.CheckState.Unchecked))
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self.enter)
        self.list.itemChanged.connect(self._item_changed)
        self._filter("")

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        exact = False
        for i in range(self.list.count()):
            item = self.list.item(i)
            name = item.data(_NAME)
            item.setHidden(bool(needle) and needle not in name.casefold())
            exact = exact or name.casefold() == needle
        self.hint.setText(f"Enter creates “{text.strip()}”" if needle and not exact else "")

    def _item_changed(self, item: QListWidgetItem) -> None:
        name, state = item.data(_NAME), item.checkState()
        self._refused = False
        self.toggled.emit(name, state == Qt.CheckState.Checked)
        if self._refused:
            self.list.blockSignals(True)
            item.setCheckState(self.states.get(name, Qt.CheckState.Unchecked))
            self.list.blockSignals(False)
        else:
            self.states[name] = state

    def refuse(self) -> None:
        """Called by a slot of `toggled` or `created` whose edit was not saved (a read-only
        store): the list keeps showing what is stored. A refused tag used to stay ticked."""
        self._refused = True

    def enter(self) -> None:
        name = " ".join(self.filter.text().split())
        if not name:
            return
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(_NAME).casefold() == name.casefold():
                state = item.checkState()
                item.setCheckState(Qt.CheckState.Unchecked if state == Qt.CheckState.Checked
                                   else Qt.CheckState.Checked)
                self.filter.clear()
                return
        self._refused = False
        self.created.emit(name)
        if self._refused:
            return
        self.states[name] = Qt.CheckState.Checked
        item = QListWidgetItem(name)
        item.setData(_NAME, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        self.list.blockSignals(True)
        item.setCheckState(Qt.CheckState.Checked)
        self.list.addItem(item)
        self.list.blockSignals(False)
        self.filter.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter()  # Enter never closes the picker
            return
        super().keyPressEvent(event)


class TagManager(QDialog):
    """Rename, recolour and delete tags; each change is one undoable edit."""

    def __init__(self, tags: Callable[[], Mapping[str, str]],
                 rename: Callable[[str, str], None], recolour: Callable[[str, str], None],
                 delete: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Manage tags")
        self.tags, self._rename, self._recolour, self._delete = tags, rename, recolour, delete
        self.list = QListWidget()
        row = QHBoxLayout()
        for text, slot in (("Rename…", self.rename), ("Colour…", self.recolour),
                           ("Delete", self.delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for name, colour in sorted(self.tags().items(), key=lambda kv: kv[0].casefold()):
            item = QListWidgetItem(swatch(colour), name)
            item.setData(_NAME, name)
            self.list.addItem(item)

    def current(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(_NAME)) if item is not None else None

    def rename(self) -> None:
        name = self.current()
        if name is None:
            return
        new, ok = QInputDialog.getText(self, "Rename tag", "New name:", text=name)
        new = " ".join(new.split())
        if ok and new and new != name:
            if new in self.tags():
                QMessageBox.warning(self, "Rename tag", f"A tag “{new}” already exists.")
                return
            self._rename(name, new)
            self.refresh()

    def recolour(self) -> None:
        name = self.current()
        if name is None:
            return
        colour = QColorDialog.getColor(QColor(self.tags()[name]), self, "Tag colour")
        if colour.isValid():
            self._recolour(name, colour.name())
            self.refresh()

    def delete(self) -> None:
        name = self.current()
        if name is not None:
            self._delete(name)
            self.refresh()
