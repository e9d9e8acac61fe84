"""Run the app on a folder and close its window `delay_ms` after the open starts, or with
"workers" as soon as the load's worker processes run; prints when it closed and which
worker processes were alive then (for test_quit_promptly)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from viewer.core.pipeline import worker_pools
from viewer.ui import app
from viewer.ui.main_window import MainWindow


def main() -> int:
    folder, when = Path(sys.argv[1]), sys.argv[2]
    opened = MainWindow.open_folder

    def open_then_close(window: MainWindow, path: Path) -> None:
        opened(window, path)

        def close() -> None:
            print(f"workers {' '.join(map(str, worker_pids()))}", flush=True)
            print(f"loading {window.task is not None and not window.task.done}", flush=True)
            print(f"closed {time.time():.6f}", flush=True)
            window.close()

        if when != "workers":
            QTimer.singleShot(int(when), close)
            return
        poll = QTimer(window)
        poll.setInterval(20)

        def check() -> None:
            if worker_pids() or window.task is None or window.task.done:
                poll.stop()
                close()

        poll.timeout.connect(check)
        poll.start()

    def worker_pids() -> list[int]:
        return worker_pools.worker_pids()

    MainWindow.open_folder = open_then_close  # type: ignore[method-assign]
    return app.run_app(folder)


if __name__ == "__main__":
    sys.exit(main())
