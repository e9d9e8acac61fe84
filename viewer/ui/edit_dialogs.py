"""Small dialogs for corrections: an event's date, its parties or topics, an article's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.date_field import DateField

# Every precision the extraction gives a date (`cues.RANK`), finest first: an event's own
# precision is always offered, so OK on an unchanged date never turns a weekend into a day.
PRECISIONS = ("day", "time", "weekend", "week", "month", "quarter", "season", "half", "year",
              "decade", "century", "fuzzy")


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date_field(value: dt.date) -> DateField:
    """A date box that takes a typed date (`date_field`)."""
    field = DateField()
    field.setDate(_qdate(value))
    return field


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


TITLE_BAR_ROOM = 140  # the window frame's icon and buttons beside the title, at most


def fit_title(dialog: QDialog) -> None:
    """Wide enough that the window manager shows the whole title (a small form is narrower)."""
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    dialog.setMinimumWidth(min(title + TITLE_BAR_ROOM, 900))


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class DateDialog(QDialog):
    """The interval and precision of an event's date."""

    def __init__(self, start: dt.date, end: dt.date, precision: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Correct the event's date")
        self.start, self.end = _date_field(start), _date_field(end)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.precision = QComboBox()
        self.precision.addItems(PRECISIONS)
        self.precision.setCurrentText(precision if precision in PRECISIONS else "day")
        # Said, and OK held back, while To is before From: such an OK used to store From
        # alone (or nothing), silently.
        self.order = QLabel("To is before From: move one of them.")
        self.order.setStyleSheet("color: #b00020")
        self.order.hide()
        self.buttons = _buttons(self)
        form = QFormLayout(self)
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        form.addRow("Precision", self.precision)
        form.addRow(self.order)
        form.addRow(self.buttons)
        fit_title(self)
        self._from = self.start.date()
        self.start.dateChanged.connect(self._moved)
        self.end.dateChanged.connect(self._checked)

    def _moved(self, start: QDate) -> None:
        """From moved: To moves by as much, so the interval keeps its length. Typing a new
        year into From used to leave To in the old year, and To was then raised to From:
        a month became one day still called a month."""
        self.end.setDate(self.end.date().addDays(self._from.daysTo(start)))
        self._from = start
        self._checked()

    def _checked(self, *_: object) -> None:
        backwards = self.end.date() < self.start.date()
        self.order.setVisible(backwards)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not backwards)

    def values(self) -> tuple[dt.date, dt.date, str]:
        start, end = _date(self.start.date()), _date(self.end.date())
        return start, max(start, end), self.precision.currentText()


class SetDialog(QDialog):
    """Choose the parties (or topics) of an event from known values, or add a new one."""

    def __init__(self, title: str, known: Iterable[str], chosen: Iterable[str],
                 labels: dict[str, str] | None = None, allow_new: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.labels = labels or {}
        self.list = QListWidget()
        chosen_set = set(chosen)
        for value in sorted(set(known) | chosen_set, key=str.casefold):
            self._add(value, value in chosen_set)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        self.new = QLineEdit()
        self.new.setPlaceholderText("Add another and press Enter")
        self._added = False  # the last Enter in `new` added a value
        self.new.returnPressed.connect(self._add_new)
        if allow_new:
            layout.addWidget(self.new)
        layout.addWidget(_buttons(self))

    def _add(self, value: str, checked: bool) -> None:
        item = QListWidgetItem(self.labels.get(value, value))
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def _add_new(self) -> None:
        value = " ".join(self.new.text().split())
        self._added = bool(value)
        if value:
            self._add(value, True)
            self.new.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the new-value field adds the value and keeps the dialog open (it also
        pressed OK, closing the dialog before the choice could be checked); Enter in an empty
        field is OK, as anywhere else."""
        added, self._added = self._added, False
        if added and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def values(self) -> set[str]:
        return {self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked}


class DocumentDateDialog(QDialog):
    """An article's publication date, or none. An inferred date comes with its `evidence`:
    the analyst confirms what they can see the date rests on."""

    def __init__(self, title: str, current: dt.date | None,
                 parent: QWidget | None = None, relpath: str = "", evidence: str = "") -> None:
        super().__init__(parent)
        # An untitled article's title is its first sentence: the file name says which article it is.
        self.setWindowTitle(f"Publication date — {relpath}" if relpath else "Publication date")
        self.date = _date_field(current or dt.date.today())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.undated = QCheckBox("Undated")
        self.undated.setChecked(current is None)
        self.undated.toggled.connect(lambda on: self.date.setEnabled(not on))
        self.date.setEnabled(current is not None)
        form = QFormLayout(self)
        heading = QLabel(title)
        heading.setWordWrap(True)
        if relpath:
            file_label = QLabel(relpath)
            file_label.setObjectName("document-file")
            file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow("Article", file_label)
        form.addRow(heading)
        form.addRow("Published", self.date)
        if evidence:
            inferred = QLabel(f"This date was inferred from the article's {evidence}. OK "
                              "confirms it; or set another.")
            inferred.setObjectName("date-evidence")
            inferred.setWordWrap(True)
            form.addRow(inferred)
        form.addRow(self.undated)
        form.addRow(_buttons(self))
        fit_title(self)

    def value(self) -> dt.date | None:
        return None if self.undated.isChecked() else _date(self.date.date())
