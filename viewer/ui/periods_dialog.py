"""View ▸ Periods…: name the spans of time that matter ("Istanbul round"); they are shaded
on the timeline, saved with the folder and written into exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.scene.layout import extent
from viewer.core.store.period_edits import EditPeriods
from viewer.core.store.periods import Period
from viewer.ui.date_field import DateField
from viewer.ui.palette import next_period_colour

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

PERIOD = Qt.ItemDataRole.UserRole


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class PeriodsDialog(QDialog):
    """Add and remove periods; `periods()` is the list to keep when accepted."""

    def __init__(self, periods: Sequence[Period], suggested: tuple[dt.date, dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Periods")
        self.list = QListWidget()
        for period in periods:
            self._add(period)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name, e.g. Istanbul round")
        self.start, self.end = DateField(), DateField()  # they take a typed date
        for edit, day in ((self.start, suggested[0]), (self.end, suggested[1])):
            edit.setDate(_qdate(day))
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        add = QPushButton("Add")
        add.clicked.connect(self.add_from_form)
        self.name.returnPressed.connect(self.add_from_form)
        remove = QPushButton("Remove")
        remove.clicked.connect(self._remove)
        form = QFormLayout()
        form.addRow("Name", self.name)
        row = QHBoxLayout()
        row.addWidget(self.start)
        row.addWidget(self.end)
        row.addWidget(add)
        form.addRow("From – to", row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, 360)

    def _add(self, period: Period) -> None:
        item = QListWidgetItem(f"{period.name}   {period.start} – {period.end}")
        item.setData(PERIOD, period)
        self.list.addItem(item)

    def add_from_form(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            return
        start, end = _date(self.start.date()), _date(self.end.date())
        colour = next_period_colour(p.colour for p in self.periods())
        self._add(Period(name, min(start, end), max(start, end), colour))
        self.name.clear()

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def periods(self) -> list[Period]:
        return [self.list.item(i).data(PERIOD) for i in range(self.list.count())]


def edit_periods(window: MainWindow) -> None:
    """View ▸ Periods…: edit, then save with the folder and show."""
    if window.folder is None:
        return
    rows = window.selected_source_rows()
    span = extent(window.model.events, rows) if rows else None
    suggested = ((dt.date.fromordinal(span[0]), dt.date.fromordinal(span[1])) if span
                 else window.timeline.visible_range())
    dialog = PeriodsDialog(window.timeline.periods, suggested, window)
    if not dialog.exec():
        return
    dialog.add_from_form()  # a name typed but not added yet counts too
    edit = EditPeriods.make(window.folder, window.timeline.periods, dialog.periods())
    if edit is not None:  # saved, shown and undoable like every edit (a failure is said)
        window.editor.perform(edit)
