"""A check box and a label whose text ends in "…" when their pane is narrower than the text,
with the whole text as their tooltip.

Qt's check boxes and labels ask for their whole text as their minimum width, so a narrow
filter pane could only scroll sideways and showed them cut mid-word at its edge. These ask
for their whole text as their preferred width (a wide pane shows them as before) but may
shrink to a few letters.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QSizePolicy, QWidget

SHORTEST = "Show…"  # the least of a text a narrow pane still shows


class _Elider:
    """The whole text, its widget's preferred size for it, and the room around the text."""

    def __init__(self, widget: QCheckBox | QLabel, text: str) -> None:
        self.widget = widget
        self.text = text
        self.hint = QSize()
        self.chrome = 0  # the widget's width beside its text (a check box's box and gap)

    def measure(self, hint: QSize) -> None:
        """`hint`: the widget's own preferred size while it shows the whole text."""
        self.hint = hint
        self.chrome = max(0, hint.width() - self.widget.fontMetrics().horizontalAdvance(self.text))

    def smallest(self) -> QSize:
        least = self.chrome + self.widget.fontMetrics().horizontalAdvance(SHORTEST)
        return QSize(min(self.hint.width(), least), self.hint.height())

    def shown(self, width: int) -> tuple[str, str]:
        """The text to show in `width` and the tooltip (empty when the whole text shows)."""
        metrics = self.widget.fontMetrics()
        if metrics.horizontalAdvance(self.text) <= width - self.chrome:
            return self.text, ""
        room = max(0, width - self.chrome)
        return metrics.elidedText(self.text, Qt.TextElideMode.ElideRight, room), self.text


class ElidingCheckBox(QCheckBox):
    """A check box whose text elides in a narrow pane (see the module's docstring)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._elider = _Elider(self, text)
        self._elider.measure(super().sizeHint())
        # A check box's own policy holds it at its whole text's width; this one may shrink.
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)

    def full_text(self) -> str:
        return self._elider.text

    def sizeHint(self) -> QSize:
        return QSize(self._elider.hint)

    def minimumSizeHint(self) -> QSize:
        return self._elider.smallest()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            super().setText(self._elider.text)
            self._elider.measure(super().sizeHint())
            self._show(self.width())
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show(event.size().width())

    def _show(self, width: int) -> None:
        text, tip = self._elider.shown(width)
        if text != self.text():
            super().setText(text)
        self.setToolTip(tip)


class ElidingLabel(QLabel):
    """A one-line label whose text elides in a narrow pane (see the module's docstring)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._elider = _Elider(self, text)
        self._elider.measure(super().sizeHint())

    def full_text(self) -> str:
        return self._elider.text

    def sizeHint(self) -> QSize:
        return QSize(self._elider.hint)

    def minimumSizeHint(self) -> QSize:
        return self._elider.smallest()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            super().setText(self._elider.text)
            self._elider.measure(super().sizeHint())
            self._show(self.width())
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show(event.size().width())

    def _show(self, width: int) -> None:
        text, tip = self._elider.shown(width)
        if text != self.text():
            super().setText(text)
        self.setToolTip(tip)
