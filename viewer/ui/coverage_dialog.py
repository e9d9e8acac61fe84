"""View ▸ Coverage: how densely each party or topic is reported month by month, the gaps in
that reporting, and which outlets carry which lanes. The numbers come from the core
(`viewer.core.pipeline.coverage`) over the events the filters show."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.events.document_events import Event
from viewer.core.pipeline.coverage import Coverage, coverage

MAX_OUTLETS = 3  # per lane, in the lane's tooltip and the outlets column
MAX_GAPS = 8  # gap sentences listed under the table; the rest are counted


class CoverageDialog(QDialog):
    def __init__(self, events: Sequence[Event], outlets: Mapping[str, str],
                 labels: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverage-dialog")
        self.setWindowTitle("Coverage")
        self.events, self.outlets, self.labels = list(events), dict(outlets), dict(labels)
        self.mode = QComboBox()
        self.mode.setObjectName("coverage-mode")
        self.mode.addItem("By party", "party")
        self.mode.addItem("By topic", "topic")
        self.table = QTableWidget()
        self.table.setObjectName("coverage-table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.gaps = QLabel()
        self.gaps.setObjectName("coverage-gaps")
        self.gaps.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.mode)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.gaps)
        layout.addWidget(buttons)
        self.mode.currentIndexChanged.connect(lambda _i: self.refresh())
        self.resize(900, 520)
        self.refresh()

    def refresh(self) -> None:
        mode = str(self.mode.currentData())
        self.data = coverage(self.events, mode, self.outlets)
        self._fill(self.data, mode)

    def _fill(self, data: Coverage, mode: str) -> None:
        headers = [m.strftime("%b %Y") for m in data.months] + ["Outlets"]
        self.table.clear()
        self.table.setRowCount(len(data.lanes))
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setVerticalHeaderLabels([self._label(lane, mode) for lane in data.lanes])
        peak = max((n for row in data.counts for n in row), default=1) or 1
        outlets = dict(data.outlets)
        for r, row in enumerate(data.counts):
            for c, n in enumerate(row):
                cell = QTableWidgetItem(str(n) if n else "")
                shade = QColor(33, 150, 243, 30 + int(200 * n / peak)) if n else QColor(
                    240, 200, 200, 90)
                cell.setBackground(shade)
                self.table.setItem(r, c, cell)
            carried = outlets.get(data.lanes[r], ())
            text = ", ".join(f"{name} ({n})" for name, n in carried[:MAX_OUTLETS])
            if len(carried) > MAX_OUTLETS:
                text += f", +{len(carried) - MAX_OUTLETS} more"
            self.table.setItem(r, len(headers) - 1, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        sentences = [g.sentence(self._label(g.lane, mode)) for g in data.gaps]
        if len(sentences) > MAX_GAPS:  # a long list pushed the table down to a few rows
            sentences = [*sentences[:MAX_GAPS], f"and {len(sentences) - MAX_GAPS} more"]
        text = "<b>Gaps:</b> " + ("; ".join(sentences) if sentences
                                  else "none of two months or more")
        if data.left_out():
            text += f"<br><i>{data.left_out()}</i>"
        self.gaps.setText(text)

    def _label(self, lane: str, mode: str) -> str:
        return self.labels.get(lane, lane) if mode == "topic" else lane
