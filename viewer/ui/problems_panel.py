"""The Problems panel: one line per problem, grouped by kind and collapsible, small by
default; its rows act. Double-click an undated article to set its date, an inferred date to
confirm it (or set another), an orphaned edit to see its old sentence and re-attach or
discard it, any other row to select its article."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.model import Problem
from viewer.core.store.merge_edits import Orphan
from viewer.core.words import plural

KIND_HELP = {
    "undated": "double-click to set the article's date",
    "inferred-date": "double-click to confirm the date or set another",
    "orphaned edit": "double-click to re-attach or discard",
}
INDEX = Qt.ItemDataRole.UserRole


class ProblemsPanel(QTreeWidget):
    dateRequested = Signal(str)  # relpath of an undated article or one with an inferred date
    orphanRequested = Signal(object)  # Orphan
    documentRequested = Signal(str)  # relpath

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        self.problems: list[Problem] = []
        self.orphan_at: dict[int, Orphan] = {}
        self.itemActivated.connect(self._activated)
        self.itemExpanded.connect(lambda _item: self.updateGeometry())
        self.itemCollapsed.connect(lambda _item: self.updateGeometry())

    def sizeHint(self) -> QSize:
        """Room for the lines it shows, up to six: the panel informs, the timeline is the
        work. (Six lines always took some 100 px in a small window for two lines.)"""
        return QSize(400, self._height(min(6, max(1, self._shown_lines()))))

    def minimumSizeHint(self) -> QSize:
        """One line, so the panel gives way before the panes above it."""
        return QSize(100, self._height(1))

    def _height(self, lines: int) -> int:
        row = self.sizeHintForRow(0) if self.topLevelItemCount() else -1
        return lines * max(row, 18, self.fontMetrics().height() + 4) + 2 * self.frameWidth()

    def _shown_lines(self) -> int:
        """The groups and the lines of the open ones: O(groups)."""
        lines = 0
        for g in range(self.topLevelItemCount()):
            group = self.topLevelItem(g)
            if group is not None:
                lines += 1 + (group.childCount() if group.isExpanded() else 0)
        return lines

    def show_problems(self, problems: Sequence[Problem], orphans: Sequence[Orphan],
                      titles: dict[str, str]) -> None:
        self.clear()
        self.problems = list(problems)
        self.orphan_at = {}
        pending = list(orphans)  # the window lists orphan problems in the orphans' order
        groups: dict[str, QTreeWidgetItem] = {}
        counts: dict[str, int] = {}
        for index, problem in enumerate(self.problems):
            group = groups.get(problem.kind)
            if group is None:
                group = groups[problem.kind] = QTreeWidgetItem()
                group.setData(0, INDEX, -1)
                self.addTopLevelItem(group)
            counts[problem.kind] = counts.get(problem.kind, 0) + 1
            if problem.kind == "orphaned edit" and pending:
                self.orphan_at[index] = pending.pop(0)
            title = titles.get(problem.path)
            name = f"{title} ({problem.path})" if title else problem.path
            item = QTreeWidgetItem([f"{name}: {problem.message}"])
            item.setToolTip(0, f"{problem.path}\n{problem.message}")
            item.setData(0, INDEX, index)
            group.addChild(item)
        for kind, group in groups.items():
            hint = KIND_HELP.get(kind)
            group.setText(0, f"{kind} ({counts[kind]})" + (f" — {hint}" if hint else ""))
            group.setExpanded(len(groups) == 1 or counts[kind] <= 3)
        self.updateGeometry()  # the panel's height follows its lines

    def lines(self) -> list[str]:
        """Every problem line as shown, grouped under its kind: "kind › line"."""
        out: list[str] = []
        for g in range(self.topLevelItemCount()):
            group = self.topLevelItem(g)
            if group is None:
                continue
            kind = group.text(0).split(" (", 1)[0]
            children = (group.child(c) for c in range(group.childCount()))
            out += [f"{kind} › {child.text(0)}" for child in children if child is not None]
        return out

    def title(self) -> str:
        return f"Problems ({len(self.problems)})" if self.problems else "Problems"

    def summary(self) -> str:
        return plural(len(self.problems), "problem")

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        index = item.data(0, INDEX)
        if not isinstance(index, int) or index < 0:
            return
        problem = self.problems[index]
        if problem.kind in ("undated", "inferred-date"):
            self.dateRequested.emit(problem.path)
        elif problem.kind == "orphaned edit":
            orphan = self.orphan_at.get(index)
            if orphan is not None:
                self.orphanRequested.emit(orphan)
        else:
            self.documentRequested.emit(problem.path)


class OrphanDialog(QDialog):
    """An orphaned edit's old sentence and what it carried; re-attach it to the selected
    event, or discard it. `choice` is "reattach", "discard" or "" (kept as it is)."""

    def __init__(self, orphan: Orphan, target_text: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Orphaned edit")
        self.choice = ""
        layout = QVBoxLayout(self)
        old = QLabel(f"<b>Its sentence is no longer in {orphan.document}:</b><br>"
                     f"<i>{escape(orphan.text)}</i><br><br>"
                     f"<b>It carried:</b> {escape('; '.join(orphan.what))}")
        old.setWordWrap(True)
        old.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(old)
        target = QLabel(f"<b>Re-attach to the selected event:</b><br><i>{escape(target_text)}"
                        "</i>" if target_text else
                        "Select the event it belongs to (in the table or the timeline) to "
                        "re-attach it there.")
        target.setWordWrap(True)
        layout.addWidget(target)
        buttons = QDialogButtonBox()
        self.reattach = buttons.addButton("Re-attach", QDialogButtonBox.ButtonRole.AcceptRole)
        self.reattach.setEnabled(bool(target_text))
        self.discard = buttons.addButton("Discard", QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.reattach.clicked.connect(lambda: self._choose("reattach"))
        self.discard.clicked.connect(lambda: self._choose("discard"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


