"""A check box and a label whose text ends in "…" when their pane is narrower than the text,
with the whole text as their tooltip.

Qt's check boxes and labels ask for their whole text as their minimum width, so a narrow
filter pane could only scroll sideways and showed them cut mid-word at its edge. These ask
for their whole text as their preferred width (a wide pane shows them as before) but may
shrink to a few letters.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QSizePolicy, QWidget

SHORTEST = "Show…"  # the least of a text a narrow pane still shows


class _Elider:
    """The whole text, its widget's preferred size for it, and the room around the text;
    shows the text that fits the widget's width. `whole_hint` is the widget's Qt size hint,
    which is that of the text it shows."""

    def __init__(self, widget: QCheckBox | QLabel, text: str,
                 whole_hint: Callable[[], QSize]) -> None:
        self.widget = widget
        self.text = text
        self.whole_hint = whole_hint
        self.hint = QSize()
        self.chrome = 0  # the widget's width beside its text (a check box's box and gap)
        self.measure()

    def measure(self) -> None:
        """The widget's own preferred size while it shows the whole text."""
        self.hint = self.whole_hint()
        self.chrome = max(0, self.hint.width()
                          - self.widget.fontMetrics().horizontalAdvance(self.text))

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

    def show(self, width: int) -> None:
        text, tip = self.shown(width)
        if text != self.widget.text():
            self.widget.setText(text)
        self.widget.setToolTip(tip)

    def changed(self, event: QEvent) -> None:
        """A new font or style: measured again with the whole text, then cut to fit."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.widget.setText(self.text)
            self.measure()
            self.show(self.widget.width())


class ElidingCheckBox(QCheckBox):
    """A check box whose text elides in a narrow pane (see the module's docstring)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._elider = _Elider(self, text, super().sizeHint)
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
        self._elider.changed(event)
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elider.show(event.size().width())


class ElidingLabel(QLabel):
    """A one-line label whose text elides in a narrow pane (see the module's docstring)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._elider = _Elider(self, text, super().sizeHint)

    def full_text(self) -> str:
        return self._elider.text

    def sizeHint(self) -> QSize:
        return QSize(self._elider.hint)

    def minimumSizeHint(self) -> QSize:
        return self._elider.smallest()

    def changeEvent(self, event: QEvent) -> None:
        self._elider.changed(event)
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elider.show(event.size().width())
