"""Application start-up: the QApplication, the window, and the headless screenshot mode."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
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
    return quit_now(runner, window, code)


POOLS = "viewer.core.pipeline.worker_pools"
QUIT_GRACE_MS = 300  # how long a quit waits for a cancelled load before leaving it


def _stop_pools(*, end_forkserver: bool) -> None:
    """End the extraction's worker processes, if any open started them: the pools' module
    (and multiprocessing with it) is imported only by an open that extracts, so a window that
    opened folders from their snapshots does not import it to find no pools at its quit."""
    if POOLS not in sys.modules:
        return
    from viewer.core.pipeline import worker_pools

    worker_pools.stop_all()
    if end_forkserver:
        worker_pools.end_forkserver()


def quit_now(runner: TaskRunner, window: MainWindow, code: int) -> int:
    """Leave at once after the window closed. The window's close already saved the edits,
    the note and the settings; a load still running is of no use now, so its workers are
    ended, and if its thread does not stop within a moment the process exits without it
    (a cancelled load used to finish its folder stage first: about 9 s after the window
    closed, with worker processes still running)."""
    runner.cancel_all()
    _stop_pools(end_forkserver=False)
    if runner.wait(QUIT_GRACE_MS):
        return code
    _stop_pools(end_forkserver=True)  # any pool the thread started meanwhile
    if window.settings is not None:
        window.settings.sync()
    release_semaphores()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def release_semaphores() -> None:
    """Remove the worker pools' named semaphores, as a normal exit does before it ends.
    `os._exit` skips that step, so the resource tracker found them still registered when the
    process was gone, removed them itself, and printed "leaked semaphore objects" on stderr.
    The standard library's own exit handler runs these finalizers (priority 0 and up: the
    queues' closing and the semaphores' removal), with no waiting on any process."""
    from multiprocessing import util

    run: Callable[[int], None] | None = getattr(util, "_run_finalizers", None)  # no public way
    if run is not None:
        run(0)


def screenshot(folder: Path, out: Path, size: tuple[int, int], timeout_ms: int = 120_000) -> int:
    """Load `folder`, select an event of the view, render the window to `out` and return 0."""
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
    select_in_view(window)
    app.processEvents()
    ok = window.grab().save(str(out), "PNG")
    window.close()
    runner.wait(5000)
    if not ok:
        print(f"timeline-viewer: could not write {out}", file=sys.stderr)
        return 2
    return 0


def select_in_view(window: MainWindow) -> None:
    """Select the table's first event among those the opening (fitted) view shows, and keep
    that view: the picture is the window as it opens, with its detail pane filled. (The
    first row outright was a background sentence years before the story, which a fit
    leaves out, and selecting it scrolled the picture there.)"""
    timeline = window.timeline
    fitted = timeline.fitted_days()
    events = window.model.events
    rows = window.proxy.rows
    # The table lists by date, and a fit leaves out at most a few hundred events at an
    # end: the first match is near the top.
    row = window.first_event_row() if fitted is None else next(
        (r for r in rows if (day := events[r].start) is not None
         and fitted[0] <= day.toordinal() <= fitted[1]), window.first_event_row())
    if row is None:
        return
    across, down = timeline.horizontalScrollBar(), timeline.verticalScrollBar()
    kept = across.value(), down.value()
    window.select_rows([row], row)
    across.setValue(kept[0])  # the selection reveals its event: not away from the view
    down.setValue(kept[1])
