"""The README's pictures, made on the real display: the overview strip, the Undated tray,
the Problems panel and drag-to-redate. Every run makes them (into a temporary folder);
`TIMELINE_SCREENSHOTS=docs python -m tests.display tests/display/test_screenshots.py`
writes them into docs/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ROOT, copy_seeds
from tests.ui.conftest import open_and_wait
from viewer.core.scene.layout import ROW_HEIGHT
from viewer.ui.lane_headers import AXIS_HEIGHT, HEADER_WIDTH
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner

UNDATED = """Talks on a prisoner exchange resumed on Tuesday, Ukrainian officials said.

Russia and Ukraine agreed on Wednesday to swap 150 prisoners each, the Kremlin said.

The next round is set to begin next week in Istanbul, according to Turkish officials.
"""


def save(widget: QWidget, name: str, out: Path, area: QRect | None = None) -> Path:
    picture = widget.grab(area) if area is not None else widget.grab()
    path = out / name
    assert picture.save(str(path), "PNG"), path
    target = os.environ.get("TIMELINE_SCREENSHOTS")
    if target:
        destination = ROOT / target
        destination.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, destination / name)
    return path


def centre_area(window: MainWindow) -> QRect:
    """The overview strip, the timeline and the tray: the middle column above the table."""
    box = window.timeline.parentWidget()
    top_left = box.mapTo(window, QPoint(0, 0))
    return QRect(top_left, box.size())


def make_window(qtbot: QtBot, runner: TaskRunner, folder: Path) -> MainWindow:
    win = MainWindow(runner)
    qtbot.addWidget(win)
    win.resize(1400, 880)
    win.show()
    open_and_wait(qtbot, win, folder)
    qtbot.waitExposed(win)
    return win


def test_screenshots(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    folder = copy_seeds(tmp_path / "seeds")
    (folder / "exchange.txt").write_text(UNDATED, encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02 not text")
    out = tmp_path / "shots"
    out.mkdir()
    win = make_window(qtbot, runner, folder)
    win.centre.setSizes([620, 200])

    # 1. The overview strip: zoomed to the Geneva round, the lens shows where that is.
    row = next(r for r, e in enumerate(win.model.events) if "Geneva" in e.text
               and e.start is not None and e.start.month == 2)
    win.select_rows([row], row)
    win.timeline.zoom_to_selection()
    win.timeline.zoom(0.25)
    qtbot.wait(100)
    assert 0 < win.overview.lens[1] - win.overview.lens[0] < 200
    save(win, "overview-strip.png", out)

    # 2. The Undated tray, opened.
    win.timeline.fit()
    win.undated_tray.set_open(True)
    win.undated_tray.tree.expandAll()
    qtbot.wait(100)
    assert win.undated_tray.count > 0
    save(win, "undated-tray.png", out, centre_area(win))
    win.undated_tray.set_open(False)

    # 3. The Problems panel: a binary file, an undated article and an orphaned edit (a
    # note whose sentence was edited away), grouped by kind.
    vowed = next(e for e in win.model.events if "He vowed" in e.text)
    win.editing.set_note(vowed, "Check against the Kremlin readout.")
    article = folder / vowed.document
    article.write_text(article.read_text(encoding="utf-8").replace(
        vowed.text, "He promised a response."), encoding="utf-8")
    with qtbot.waitSignal(win.loaded, timeout=60_000):
        win.reload()
    win.timeline.fit()
    qtbot.wait(150)
    assert win.problem_dock.isVisible()
    assert {p.kind for p in win.problems} >= {"binary", "undated", "orphaned edit"}
    save(win, "problems-panel.png", out)

    # 4. Drag-to-redate: the current event's end dragged three days on; the dashed preview.
    row = next(r for r in win.proxy.shown_source_rows()
               if "On Wednesday, Russian forces launched" in win.model.events[r].text)
    win.select_rows([row], row)
    win.timeline.zoom_to_selection()
    win.timeline.reveal(row)
    scene = win.timeline.scene
    assert scene is not None
    item = next(i for lane in scene.lanes for i in lane.items if i.events == (row,))
    sx = win.timeline.horizontalScrollBar().value()
    sy = win.timeline.verticalScrollBar().value()
    y = int(scene.item_y(item) + ROW_HEIGHT / 2 + AXIS_HEIGHT - sy)
    x = int(item.x1 - 2 + HEADER_WIDTH - sx)
    to = int(x + 3 * win.timeline.scale.px_per_day)
    viewport = win.timeline.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(x, y))
    QTest.mouseMove(viewport, QPoint((x + to) // 2, y))
    QTest.mouseMove(viewport, QPoint(to, y))
    assert win.timeline.redate.preview is not None
    qtbot.wait(100)
    save(win, "drag-to-redate.png", out, centre_area(win))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(to, y))
    assert win.editor.stack.count() == 2  # the note, then the new dates
    assert len(list(out.glob("*.png"))) == 4
