"""Application start-up: the QApplication, the window, and the headless screenshot mode."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner

ORGANISATION = "Timeline Viewer"
APPLICATION = "timeline-viewer"


_NOISE = ("propagateSizeHints",)


def _message_handler(kind: QtMsgType, _context: object, message: str) -> None:
    """Pass Qt's messages to stderr, minus the offscreen plugin's harmless chatter."""
    if kind == QtMsgType.QtDebugMsg or any(noise in message for noise in _NOISE):
        return
    print(message, file=sys.stderr)


def application() -> QApplication:
    qInstallMessageHandler(_message_handler)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    return app


def run_app(folder: Path) -> int:
    app = application()
    runner = TaskRunner()
    window = MainWindow(runner, QSettings())
    if not window.settings or window.settings.value("window/geometry") is None:
        window.resize(1500, 950)
    window.show()
    window.open_folder(folder)
    code = app.exec()
    runner.cancel_all()
    runner.wait(5000)
    return code


def screenshot(folder: Path, out: Path, size: tuple[int, int], timeout_ms: int = 120_000) -> int:
    """Load `folder`, select the first item, render the window to `out` and return 0."""
    app = application()
    runner = TaskRunner()
    window = MainWindow(runner)
    window.resize(*size)
    window.show()
    loop = QEventLoop()
    window.loaded.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    if os.environ.get("TIMELINE_VIEWER_REPORT_FIRST_PAINT"):
        # For the start-up benchmark: the wall-clock moment the timeline first shows events.
        window.timeline.firstPainted.connect(
            lambda: print(f"first-paint {time.time():.6f}", flush=True))
    window.open_folder(folder)
    loop.exec()
    app.processEvents()
    first = window.first_event_row()
    if first is not None:
        window.select_rows([first], first)
    app.processEvents()
    ok = window.grab().save(str(out), "PNG")
    window.close()
    runner.wait(5000)
    if not ok:
        print(f"timeline-viewer: could not write {out}", file=sys.stderr)
        return 2
    return 0
