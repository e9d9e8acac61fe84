"""The window at small sizes, resized through the window manager: the filter pane's widgets
fit its width (texts elide with a tooltip, lists scroll), the timeline is at least as wide
as the detail pane, the window cannot be made smaller than what fits, and widths the user
dragged are kept."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import copy_seeds
from tests.display.test_screenshots import make_window
from viewer.ui.eliding_text import ElidingCheckBox, ElidingLabel
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner

SIZES = ((640, 480), (800, 600), (1024, 700), (1600, 1000))
LIST_WIDTH = 60  # pixels: a facet list's viewport shows at least a check box and a word


def resize(qtbot: QtBot, win: MainWindow, width: int, height: int) -> None:
    """Through the window manager, the way a user drags the window's edge."""
    subprocess.run(["xdotool", "windowsize", "--sync", str(int(win.winId())), str(width),
                    str(height)], check=False)
    qtbot.waitUntil(lambda: win.width() == max(width, win.minimumWidth()), timeout=5000)
    qtbot.wait(150)  # the splitter's deferred fit


def cut_sideways(root: QWidget) -> list[str]:
    """The visible widgets under `root` that reach past their parent's left or right edge."""
    cut = []
    for child in root.findChildren(QWidget):
        parent = child.parentWidget()
        if not child.isVisible() or parent is None or child.isWindow():
            continue
        box = child.geometry()
        if box.left() < 0 or box.right() > parent.width() - 1:
            cut.append(f"{type(child).__name__}:{child.objectName()} {box} in {parent.width()}")
    return cut


def check_fits(win: MainWindow) -> None:
    scroll = win.filter_scroll
    assert not scroll.horizontalScrollBar().isVisible()
    assert win.filters.width() <= scroll.viewport().width()
    assert cut_sideways(win.filters) == []
    for facet in win.filters.facets.values():
        if facet.isVisible():
            assert facet.viewport().width() >= LIST_WIDTH, facet.objectName()
    for text in win.filters.findChildren(ElidingCheckBox) + win.filters.findChildren(ElidingLabel):
        whole = text.full_text()
        if text.text() == whole:
            assert text.toolTip() == ""
        else:  # elided, never cut: "…" at its end, the whole text in its tooltip
            assert text.text().endswith("…") and text.toolTip() == whole
        assert text.fontMetrics().horizontalAdvance(text.text()) <= text.width()
    assert win.timeline.width() >= win.detail.width()
    assert win.detail.width() >= win.detail.minimumWidth()


def test_small_sizes_cut_nothing_and_the_timeline_keeps_its_room(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    win = make_window(qtbot, runner, copy_seeds(tmp_path / "seeds"))
    for width, height in SIZES:
        resize(qtbot, win, width, height)
        assert win.width() == width  # a 640 px window is allowed, not held wider
        check_fits(win)
    # The window's minimum is honest: asked for less, it stops where everything still fits.
    resize(qtbot, win, 300, 200)
    least = win.minimumSizeHint()
    assert win.width() >= least.width() and win.height() >= least.height()
    check_fits(win)
    assert win.filter_scroll.width() >= win.filter_scroll.minimumWidth()


def test_widths_the_user_dragged_are_kept(qtbot: QtBot, runner: TaskRunner,
                                          tmp_path: Path) -> None:
    win = make_window(qtbot, runner, copy_seeds(tmp_path / "seeds"))
    resize(qtbot, win, 1400, 880)
    before = win.splitter.sizes()
    handle = win.splitter.handle(2)  # between the timeline and the detail pane
    start = handle.mapToGlobal(handle.rect().center())
    subprocess.run(["xdotool", "mousemove", "--sync", str(start.x()), str(start.y()),
                    "mousedown", "1", "mousemove", "--sync", str(start.x() - 120),
                    str(start.y()), "mouseup", "1"], check=True)
    qtbot.waitUntil(lambda: win.splitter.sizes()[2] > before[2] + 60, timeout=5000)
    assert win.panes_dragged
    dragged = win.splitter.sizes()
    resize(qtbot, win, 1200, 800)  # the window shrinks: the timeline gives way, not the panes
    resize(qtbot, win, 1500, 900)
    sizes = win.splitter.sizes()
    assert (sizes[0], sizes[2]) == (dragged[0], dragged[2])
