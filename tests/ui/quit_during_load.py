"""Run the app on a folder and close its window `delay_ms` after the open starts, or with
"workers" as soon as the load's worker processes run, or with "cancel" a moment after the
load is cancelled as they run (as a user presses Cancel, then quits); prints when it closed
and which worker processes were alive then (for test_quit_promptly)."""

from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from viewer.core.pipeline import worker_pools
from viewer.core.session import extracting_load as loading
from viewer.ui import app
from viewer.ui.main_window import MainWindow

CANCEL_TO_QUIT_MS = 20
CANCELLED_STAGE_S = 2.0  # what is left of a cancelled load, held open past the quit
tasks_cancelled = threading.Event()  # set as the load's pool cancels its waiting tasks
_cancel = Future.cancel


def _noted_cancel(future: Future[Any]) -> bool:
    tasks_cancelled.set()
    return _cancel(future)


Future.cancel = _noted_cancel  # type: ignore[method-assign]


def main() -> int:
    folder, when = Path(sys.argv[1]), sys.argv[2]
    opened = MainWindow.open_folder
    if when == "cancel":
        # The quit is to come while the cancelled load still finishes (its folder stage, in
        # this process): on a quick machine that stage of a few cancelled files could end
        # within the 20 ms before the quit, and the load was over when the window closed.
        staged = getattr(loading, "stage_columns")  # noqa: B009 (patched below)

        def slow_stage(*args: Any, **kwargs: Any) -> Any:
            time.sleep(CANCELLED_STAGE_S)
            return staged(*args, **kwargs)

        setattr(loading, "stage_columns", slow_stage)  # noqa: B010 (the load reads it there)

    def open_then_close(window: MainWindow, path: Path) -> None:
        opened(window, path)

        def close() -> None:
            print(f"workers {' '.join(map(str, worker_pids()))}", flush=True)
            print(f"loading {window.task is not None and not window.task.done}", flush=True)
            print(f"closed {time.time():.6f}", flush=True)
            window.close()

        if when not in ("workers", "cancel"):
            QTimer.singleShot(int(when), close)
            return
        closing: list[bool] = []

        def quit_soon(*_: object) -> None:
            if not closing:
                closing.append(True)
                QTimer.singleShot(CANCEL_TO_QUIT_MS, close)

        poll = QTimer(window)
        poll.setInterval(20)

        def check() -> None:
            if worker_pids() or window.task is None or window.task.done:
                poll.stop()
                if when == "cancel" and window.task is not None:
                    # The load stops at its next result (which it reports), cancels the
                    # tasks not begun and waits for those running: the quit comes then.
                    window.cancel_load()
                    watch = QTimer(window)
                    watch.setInterval(5)
                    watch.timeout.connect(lambda: quit_soon() if tasks_cancelled.is_set()
                                          else None)
                    watch.start()
                    window.loaded.connect(quit_soon)  # a load that had nothing left to cancel
                else:
                    close()

        poll.timeout.connect(check)
        poll.start()

    def worker_pids() -> list[int]:
        return worker_pools.worker_pids()

    MainWindow.open_folder = open_then_close  # type: ignore[method-assign]
    return app.run_app(folder)


if __name__ == "__main__":
    sys.exit(main())
