"""A date box that takes a typed date: digits replace the section they are typed into.

Qt's `QDateEdit` inserts a typed digit at the cursor, and a section already holding all its
digits (the four of a year) refuses one more: after Ctrl+A, or a click into the year, typing
`2026-01-01` silently kept the old year while the month and day went in. Here a digit typed
into a full section, or over a selection wider than one section, first selects the section
it lands in, so typing replaces it, as Qt already does once a section is selected. Any
separator moves on to the next section, except just after a section was filled: Qt has
already moved on, and the separator moved on once more, past the month.
"""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

Section = QDateTimeEdit.Section
DIGITS = {Section.YearSection: 4}  # the digits a section holds; the others take two


class DateField(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._moved_on = False  # the last digit filled its section and Qt moved to the next

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        moved_on, self._moved_on = self._moved_on, False
        if text.isdigit():
            self._select_section_typed_into()
            before = self.currentSection()
            super().keyPressEvent(event)
            self._moved_on = self.currentSection() != before
            return
        if text and not text.isalnum() and not text.isspace() and text.isprintable():
            event.accept()
            if not moved_on:  # after a full section Qt has already moved on
                self._next_section()
            return
        super().keyPressEvent(event)

    def _next_section(self) -> None:
        """Any separator ends a section ("2026/1/5" as well as "2026-1-5")."""
        at = self.currentSectionIndex()
        if at + 1 < self.sectionCount():
            self.setCurrentSectionIndex(at + 1)
            self.setSelectedSection(self.currentSection())

    def _select_section_typed_into(self) -> None:
        line = self.lineEdit()
        section = self.currentSection()
        if line.hasSelectedText():
            if line.selectedText() == self.sectionText(section):
                return  # one section selected: Qt replaces it
            line.setCursorPosition(line.selectionStart())  # from where the selection starts
            section = self.currentSection()
        elif len(self.sectionText(section)) < DIGITS.get(section, 2):
            return  # room for the digit: the user is typing the section
        self.setSelectedSection(section)
