"""File ▸ Export…: format, scope, file name, boilerplate, a preview count; runs in the
background for data formats and offers to open the folder of the result."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
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
    QMessageBox,
    QPushButton,
    QRadioButton,
    QWidget,
)

from viewer.core.events.document_events import Event
from viewer.core.export import EXTENSIONS, FORMATS, PICTURE_FORMATS, ExportJob, write
from viewer.core.export.formats import render
from viewer.core.query import Filter
from viewer.core.session.row_events import RowEvents
from viewer.core.words import plural
from viewer.ui.picture import picture_svg, render_picture
from viewer.ui.tasks import Task, TaskContext

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

LABELS = {
    "csv": "CSV spreadsheet", "json": "JSON (documents and events)", "jsonl": "JSON Lines",
    "md": "Markdown chronology", "html": "HTML report (one file)", "ics": "iCalendar (.ics)",
    "timelinejs": "TimelineJS JSON", "png": "PNG picture", "svg": "SVG picture",
    "pdf": "PDF picture",
}
SCOPES = ("filtered", "selected", "all")


# Formats that share an extension get a distinct name, so one never proposes to replace the other.
NAME_TAGS = {"timelinejs": "-timelinejs"}


def suggested_path(path: Path, fmt: str) -> Path:
    """`path` renamed for `fmt`: its extension, and a tag when formats share that extension."""
    stem = path.stem
    for tag in NAME_TAGS.values():
        stem = stem.removesuffix(tag)
    return path.with_name(stem + NAME_TAGS.get(fmt, "") + EXTENSIONS[fmt])


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def default_export_dir(folder: Path | None, last: str | None) -> Path:
    """Where an export goes by default: the last export folder, else Documents, else home;
    never the watched folder itself, whose watcher would read the export as an article."""
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (last, documents, str(Path.home())):
        if candidate and Path(candidate).is_dir() and not _inside(Path(candidate), folder):
            return Path(candidate)
    return Path(tempfile.gettempdir())


class ExportDialog(QDialog):
    """Collects the choices; the window does the work (`MainWindow.export_to`)."""

    def __init__(self, counts: dict[str, int], folder: Path, parent: QWidget | None = None,
                 boilerplate_counts: dict[str, int] | None = None,
                 in_view: dict[tuple[str, bool], int] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export timeline")
        self.counts = counts
        self.boilerplate_counts = boilerplate_counts or counts
        #: (scope, boilerplate) → how many of those events the visible time range shows
        self.in_view = in_view or {}
        self.format = QComboBox()
        for fmt in FORMATS:
            self.format.addItem(LABELS[fmt], fmt)
        self.scope = QButtonGroup(self)
        scope_row = QHBoxLayout()
        for index, scope in enumerate(SCOPES):
            # Grouped as the count below and the status bar group theirs ("46,056").
            button = QRadioButton(f"{scope.capitalize()} ({counts.get(scope, 0):,})")
            button.setEnabled(counts.get(scope, 0) > 0 or scope != "selected")
            self.scope.addButton(button, index)
            scope_row.addWidget(button)
        self.scope.button(0).setChecked(True)
        self.boilerplate = QCheckBox("Include boilerplate (page furniture)")
        self.visible_only = QCheckBox("Pictures: only the time range now visible")
        self.path = QLineEdit(str(folder / "timeline.csv"))
        self.path.setObjectName("export-path")
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
        form.addRow("", self.visible_only)
        form.addRow("File", path_row)
        form.addRow("", self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.visible_only.setEnabled(False)
        self.scope.idToggled.connect(lambda _i, _on: self._update())
        self.boilerplate.toggled.connect(lambda _on: self._update())
        self.visible_only.toggled.connect(lambda _on: self._update())
        self._update()

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def chosen_scope(self) -> str:
        return SCOPES[max(0, self.scope.checkedId())]

    def target(self) -> Path:
        return Path(self.path.text()).expanduser()

    def _format_changed(self) -> None:
        self.visible_only.setEnabled(self.chosen_format() in PICTURE_FORMATS)
        self.path.setText(str(suggested_path(self.target(), self.chosen_format())))
        self._update()

    def _update(self) -> None:
        counts = self.boilerplate_counts if self.boilerplate.isChecked() else self.counts
        scope = self.chosen_scope()
        n = counts.get(scope, 0)
        seen = self.in_view.get((scope, self.boilerplate.isChecked()))
        if self.visible_only.isEnabled() and self.visible_only.isChecked() and seen is not None:
            self.preview.setText(f"{plural(seen, 'event')} of {n:,} in the visible range "
                                 "will be drawn.")
        else:
            self.preview.setText(f"{plural(n, 'event')} will be written.")

    def accept(self) -> None:
        """Export, once an existing file may be replaced: No keeps the dialog open with the
        choices made, to name another file (it closed the whole dialog)."""
        target = self.target()
        if target.exists() and QMessageBox.question(
                self, "Export", f"{target.name} exists. Replace it?") != \
                QMessageBox.StandardButton.Yes:
            self.path.setFocus()
            return
        super().accept()

    def _browse(self) -> None:
        fmt = self.chosen_format()
        path, _ = QFileDialog.getSaveFileName(
            self, "Export to", str(self.target()), f"{LABELS[fmt]} (*{EXTENSIONS[fmt]})")
        if path:
            self.path.setText(path)


class ExportController(QObject):
    """File ▸ Export… for a main window: the dialog, the work, the result."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def export(self) -> None:
        """File ▸ Export…: choose, confirm an overwrite, write, offer the folder."""
        w = self.window
        if not w.model.events:
            return
        # Counted by rows: making each event to count it took some 5 s of CPU at 48,000 events.
        # Each scope's rows, with and without boilerplate, picked once for every count.
        rows = {(scope, boilerplate): self.export_rows(scope, boilerplate, ordered=False)
                for scope in SCOPES for boilerplate in (False, True)}
        counts = {"filtered": len(w.proxy.rows), "selected": len(w.selected_source_rows()),
                  "all": len(rows["all", False])}
        with_boilerplate = {scope: len(rows[scope, True]) for scope in counts}
        last = w.settings.value("export/folder") if w.settings is not None else None
        directory = default_export_dir(w.folder, str(last) if last else None)
        dialog = ExportDialog(counts, directory, w, with_boilerplate, self.in_view(rows))
        if not dialog.exec():
            return
        target = dialog.target()
        if w.settings is not None:
            w.settings.setValue("export/folder", str(target.parent))
        fmt, scope = dialog.chosen_format(), dialog.chosen_scope()
        boilerplate = dialog.boilerplate.isChecked()
        task = self.export_to(target, fmt, scope, boilerplate,
                              visible_only=dialog.visible_only.isChecked())
        if task is None:
            self._exported(target, None)
        else:
            task.finished.connect(lambda count: self._exported(target, count))
            task.failed.connect(lambda message: QMessageBox.critical(
                w, "Export failed", message.strip().splitlines()[-1]))

    def in_view(self, rows: Mapping[tuple[str, bool], Sequence[int]]
                ) -> dict[tuple[str, bool], int]:
        """For each (scope, boilerplate) and its rows, how many of those events the visible
        time range shows (what a picture of only that range draws)."""
        w = self.window
        index = w.proxy.index_
        if index is None:
            return {}
        first, last = w.timeline.visible_range()
        shown = np.zeros(len(w.model.events), dtype=bool)
        shown[index.rows(Filter(date_from=first, date_to=last, include_undated=False,
                                include_boilerplate=True, include_hidden=True))] = True
        return {key: int(np.count_nonzero(shown[list(chosen)])) for key, chosen in rows.items()}

    def export_events(self, scope: str, boilerplate: bool) -> list[Event]:
        """The events an export covers: what is shown, what is selected, or everything."""
        events, rows = self.window.model.events, self.export_rows(scope, boilerplate)
        if isinstance(events, RowEvents):
            # A column at a time, as a whole-folder walk does: made one by one, the events of
            # a 48,000-event export held the window some 2 s before its task began.
            return events.columns.events(rows)
        return [events[r] for r in rows]

    def export_rows(self, scope: str, boilerplate: bool, ordered: bool = True) -> list[int]:
        """The model rows of `export_events`; `ordered=False` skips putting the filtered
        ones in the table's order, for a count."""
        w = self.window
        if scope == "selected":
            return list(w.selected_source_rows())
        base = w.proxy.filter if scope == "filtered" else Filter()
        chosen = dataclasses.replace(base, include_boilerplate=boilerplate or
                                     (scope == "filtered" and base.include_boilerplate))
        index = w.proxy.index_
        if index is None:
            return []
        rows = index.rows(chosen)
        if scope == "filtered" and ordered:
            order = {row: i for i, row in enumerate(w.proxy.rows)}
            rows.sort(key=lambda r: order.get(r, len(order)))
        return rows

    def export_to(self, target: Path, fmt: str, scope: str = "filtered",
                  boilerplate: bool = False, visible_only: bool = False) -> Task | None:
        """Write an export; data formats run as a background task (returned), pictures
        are drawn here, on the UI thread, as Qt requires."""
        w = self.window
        title = f"Timeline: {w.folder.name if w.folder else 'events'}"
        job = ExportJob((), dict(w.documents), w.proxy.filter, title,
                        tuple(w.timeline.periods), topic_labels=w.topic_labels(),
                        selected=scope == "selected")
        source = w.model.events
        if fmt not in PICTURE_FORMATS and fmt != "html" and isinstance(source, RowEvents):
            # The events are made in the task from a copy of the columns taken now: made
            # here, 48,000 of them held the window 0.5-0.9 s; the copy takes milliseconds,
            # and an edit made while the task runs does not reach the file.
            rows, columns = self.export_rows(scope, boilerplate), source.columns.frozen()
            return self._write_task(target, fmt, lambda: dataclasses.replace(
                job, events=tuple(columns.events(rows))))
        events = self.export_events(scope, boilerplate)
        job = dataclasses.replace(job, events=tuple(events))
        if fmt in PICTURE_FORMATS:
            visible = w.timeline.visible_range() if visible_only else None
            render_picture(events, fmt, target, job.heading(), mode=w.timeline.mode,
                           taxonomy=w.timeline.taxonomy, visible=visible,
                           periods=tuple(w.timeline.periods), tags=w.timeline.tag_colours,
                           titles=w.titles())
            return None
        if fmt == "html":  # its picture is drawn here, on the UI thread, by the same painter
            job = dataclasses.replace(job, timeline_svg=picture_svg(
                events, title, mode=w.timeline.mode, taxonomy=w.timeline.taxonomy,
                tags=w.timeline.tag_colours, periods=tuple(w.timeline.periods),
                titles=w.titles()))
        return self._write_task(target, fmt, lambda: job)

    def _write_task(self, target: Path, fmt: str, job_of: Callable[[], ExportJob]) -> Task:
        """Write `job_of()` (made in the task) to `target` in the background."""
        w = self.window

        def work(ctx: TaskContext) -> int:
            ctx.progress(0, 1)
            job = job_of()
            write(target, render(job, fmt))
            ctx.progress(1, 1)
            return len(job.events)

        task = w.runner.submit("Exporting", work)
        task.shown.connect(lambda: w._set_busy(True, f"Exporting {target.name}…"))
        task.finished.connect(lambda _n: w._set_busy(False))
        task.failed.connect(lambda _m: w._set_busy(False))
        return task

    def _exported(self, target: Path, count: object) -> None:
        w = self.window
        w.statusBar().showMessage(f"Exported to {target}", 8000)
        answer = QMessageBox.question(w, "Export", f"Wrote {target.name}. Open its folder?")
        if answer == QMessageBox.StandardButton.Yes and not QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(target.parent))):
            # No file manager to hand it to (a bare desktop): Yes did nothing at all.
            w.statusBar().showMessage(
                f"No program here opens folders: {target.name} is in {target.parent}", 15000)

