"""File ▸ Export…: format, scope, file name, boilerplate, a preview count; runs in the
background for data formats and offers to open the folder of the result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from viewer.core.export import EXTENSIONS, FORMATS

LABELS = {
    "csv": "CSV spreadsheet", "json": "JSON (documents and events)", "jsonl": "JSON Lines",
    "md": "Markdown chronology", "html": "HTML report (one file)", "ics": "iCalendar (.ics)",
    "timelinejs": "TimelineJS JSON", "png": "PNG picture", "svg": "SVG picture",
    "pdf": "PDF picture",
}
SCOPES = ("filtered", "selected", "all")


class ExportDialog(QDialog):
    """Collects the choices; the window does the work (`MainWindow.export_to`)."""

    def __init__(self, counts: dict[str, int], folder: Path, parent: QWidget | None = None,
                 boilerplate_counts: dict[str, int] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export timeline")
        self.counts = counts
        self.boilerplate_counts = boilerplate_counts or counts
        self.format = QComboBox()
        for fmt in FORMATS:
            self.format.addItem(LABELS[fmt], fmt)
        self.scope = QButtonGroup(self)
        scope_row = QHBoxLayout()
        for index, scope in enumerate(SCOPES):
            button = QRadioButton(f"{scope.capitalize()} ({counts.get(scope, 0)})")
            button.setEnabled(counts.get(scope, 0) > 0 or scope != "selected")
            self.scope.addButton(button, index)
            scope_row.addWidget(button)
        self.scope.button(0).setChecked(True)
        self.boilerplate = QCheckBox("Include boilerplate (page furniture)")
        self.path = QLineEdit(str(folder / "timeline.csv"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.preview = QLabel()
        form = QFormLayout(self)
        form.addRow("Format", self.format)
        form.addRow("Events", scope_row)
        form.addRow("", self.boilerplate)
        form.addRow("File", path_row)
        form.addRow("", self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.scope.idToggled.connect(lambda _i, _on: self._update())
        self.boilerplate.toggled.connect(lambda _on: self._update())
        self._update()

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def chosen_scope(self) -> str:
        return SCOPES[max(0, self.scope.checkedId())]

    def target(self) -> Path:
        return Path(self.path.text()).expanduser()

    def _format_changed(self) -> None:
        path = self.target()
        self.path.setText(str(path.with_suffix(EXTENSIONS[self.chosen_format()])))
        self._update()

    def _update(self) -> None:
        counts = self.boilerplate_counts if self.boilerplate.isChecked() else self.counts
        n = counts.get(self.chosen_scope(), 0)
        self.preview.setText(f"{n} events will be written.")

    def _browse(self) -> None:
        fmt = self.chosen_format()
        path, _ = QFileDialog.getSaveFileName(
            self, "Export to", str(self.target()), f"{LABELS[fmt]} (*{EXTENSIONS[fmt]})")
        if path:
            self.path.setText(path)
