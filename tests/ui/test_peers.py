"""What peers have that the app now has too: the overview strip, drag-to-redate, periods,
the legend, printing."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.core.scene.density import histogram
from viewer.core.scene.layout import ROW_HEIGHT
from viewer.core.store.periods import Period, load_periods
from viewer.ui.lane_headers import AXIS_HEIGHT, HEADER_WIDTH
from viewer.ui.legend_dialog import legend_pixmap, legend_rows
from viewer.ui.main_window import MainWindow
from viewer.ui.periods_dialog import PeriodsDialog
from viewer.ui.printing import paint_pages


def test_histogram_counts_each_dated_event_once(window: MainWindow) -> None:
    events = window.model.events
    rows = window.proxy.shown_source_rows()
    dated = [r for r in rows if events[r].start is not None]
    first = min(events[r].start for r in dated)  # type: ignore[type-var]
    last = max(events[r].start for r in dated)  # type: ignore[type-var]
    counts = histogram(events, rows, first.toordinal(), last.toordinal(), 50)
    assert sum(counts) == len(dated) and len(counts) == 50
    assert sum(window.overview.counts) == len(dated)


def test_the_lens_follows_the_view_and_moves_it(window: MainWindow) -> None:
    overview, timeline = window.overview, window.timeline
    timeline.zoom(8)
    first, last = timeline.visible_range()
    lens = overview.lens
    assert abs(lens[0] - first.toordinal()) <= 1 and abs(lens[1] - last.toordinal()) <= 2
    # Drag the lens right by a fifth of the strip: the timeline pans, same zoom.
    px = timeline.scale.px_per_day
    a = overview.x_of(lens[0])
    b = overview.x_of(lens[1])
    overview.drag("lens", (a + b) / 2, (a + b) / 2 - overview.width() / 5)
    moved = timeline.visible_range()
    assert moved[0] < first and abs(timeline.scale.px_per_day - px) < px * 0.02
    # Drag the right edge out: the window widens (zooms out).
    width = (moved[1] - moved[0]).days
    right = overview.x_of(overview.lens[1])
    overview.drag("right", right, right + 60)
    now = timeline.visible_range()
    assert (now[1] - now[0]).days > width and abs((now[0] - moved[0]).days) <= 1
    assert isinstance(now[0], dt.date)


def test_dragging_a_marks_end_redates_the_event_undoably(window: MainWindow,
                                                        qtbot: QtBot) -> None:
    timeline = window.timeline
    row = next(r for r in window.proxy.shown_source_rows()
               if "On Wednesday, Russian forces launched" in window.model.events[r].text)
    window.select_rows([row], row)
    timeline.zoom_to_selection()
    timeline.zoom(4)
    timeline.reveal(row)
    scene = timeline.scene
    assert scene is not None
    item = next(i for lane in scene.lanes for i in lane.items if i.events == (row,))
    before = window.model.events[row]
    sx, sy = timeline.horizontalScrollBar().value(), timeline.verticalScrollBar().value()
    y = int(scene.item_y(item) + ROW_HEIGHT / 2 + AXIS_HEIGHT - sy)
    x = int(item.x1 - 2 + HEADER_WIDTH - sx)  # the right half of the mark: its end
    days = 3 * timeline.scale.px_per_day
    viewport = timeline.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(x, y))
    QTest.mouseMove(viewport, QPoint(int(x + days / 2), y))
    assert timeline.redate.preview is not None
    QTest.mouseMove(viewport, QPoint(int(x + days), y))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(int(x + days), y))
    after = window.model.events[window.model.row_of[before.id]]
    assert after.start == before.start and before.end is not None
    assert after.end == before.end + dt.timedelta(days=3)
    assert after.precision == "day" and "date" in after.corrected  # both ends chosen days
    window.editor.stack.undo()
    again = window.model.events[window.model.row_of[before.id]]
    assert (again.start, again.end, again.precision) == (before.start, before.end,
                                                         before.precision)


def test_periods_are_saved_per_folder_shaded_and_exported(window: MainWindow,
                                                          tmp_path: Path) -> None:
    assert window.folder is not None
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PeriodsDialog):
            QTimer.singleShot(20, fill)
            return
        seen.append("PeriodsDialog")
        dialog.name.setText("Istanbul round")
        dialog.start.setDate(QDate(2025, 7, 21))
        dialog.end.setDate(QDate(2025, 7, 25))
        dialog.add_from_form()
        dialog.accept()

    QTimer.singleShot(20, fill)
    window.edit_periods()
    assert seen == ["PeriodsDialog"]
    expected = (Period("Istanbul round", dt.date(2025, 7, 21), dt.date(2025, 7, 25)),)
    assert load_periods(window.folder) == expected == window.timeline.periods
    window.exports.export_to(tmp_path / "t.md", "md")
    wait_for_file(tmp_path / "t.md")
    assert "**Istanbul round**: 2025-07-21 – 2025-07-25" in (tmp_path / "t.md").read_text()
    # An edit like any other: undone and redone from the Edit menu (it never reached Undo)
    assert window.editor.stack.undoText() == "Add period “Istanbul round”"
    window.editor.stack.undo()
    assert load_periods(window.folder) == () == window.timeline.periods
    window.editor.stack.redo()
    assert load_periods(window.folder) == expected == window.timeline.periods


def wait_for_file(path: Path) -> None:
    deadline = time.monotonic() + 20
    while not path.exists() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert path.exists()


def test_print_draws_the_timeline_then_the_chronology(window: MainWindow,
                                                      tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "print.pdf"))
    pages = paint_pages(window, printer)
    assert pages >= 2
    assert (tmp_path / "print.pdf").read_bytes().startswith(b"%PDF")


def test_the_legend_names_every_kind_of_mark(window: MainWindow) -> None:
    meanings = " ".join(meaning for _shape, meaning, _c in legend_rows(window.timeline))
    for word in ("names", "inherited", "publication date", "span", "vague", "too close",
                 "selected", "period"):
        assert word in meanings, word
    assert not legend_pixmap(window.timeline).isNull()


def test_labels_keep_to_their_room(window: MainWindow) -> None:
    """Each label is cut to the room it won (elided with "…", the whole sentence in the
    tooltip); a label that won room over crowded marks is drawn over them on a chip, and the
    current event's label runs further, on a chip on top."""
    scene = window.timeline.scene
    assert scene is not None
    for lane in scene.lanes:
        for item in lane.items:
            text = scene.label(item)
            if text and not (item.kind == "bar" and item.label_x1 <= item.x1):
                assert item.x1 + 4 + scene.measure(text) <= item.label_x1 + 0.5
