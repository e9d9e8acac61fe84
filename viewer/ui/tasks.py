"""One task runner for all long work: off the UI thread, with progress, partial results, cancel.

A task is a plain function taking a TaskContext. It reports progress and partial results
through the context and checks `ctx.cancelled`; the runner delivers everything back on the UI
thread through queued signals, so widgets never see another thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal


class TaskContext:
    """What a running task may do: report, hand over partial results, notice a cancel."""

    def __init__(self, signals: _TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def progress(self, done: int, total: int) -> bool:
        """Report progress; returns False once the task should stop."""
        self._signals.progress.emit(done, total)
        return not self._cancel.is_set()

    def partial(self, item: object) -> None:
        self._signals.partial.emit(item)


class _TaskSignals(QObject):
    progress = Signal(int, int)
    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskContext], Any], ctx: TaskContext,
                 signals: _TaskSignals) -> None:
        super().__init__()
        self.fn, self.ctx, self.signals = fn, ctx, signals

    def run(self) -> None:
        try:
            result = self.fn(self.ctx)
        except Exception:  # the UI must hear about every failure, never lose it
            self.signals.failed.emit(traceback.format_exc())
        else:
            self.signals.finished.emit(result)


class Task(QObject):
    """A handle on one submitted task; `shown` fires when progress is worth showing."""

    shown = Signal()
    progress = Signal(int, int)
    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.signals = _TaskSignals()
        self.ctx = TaskContext(self.signals)
        self.done = False
        self.signals.progress.connect(self.progress)
        self.signals.partial.connect(self.partial)
        self.signals.finished.connect(self._finish)
        self.signals.failed.connect(self._fail)

    def cancel(self) -> None:
        self.ctx.cancel()

    def _finish(self, result: object) -> None:
        self.done = True
        self.finished.emit(result)

    def _fail(self, message: str) -> None:
        self.done = True
        self.failed.emit(message)


class TaskRunner(QObject):
    """Runs tasks on a thread pool; progress is shown only for tasks that take a while."""

    SHOW_AFTER_MS = 300

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
        self.tasks: list[Task] = []

    def submit(self, label: str, fn: Callable[[TaskContext], Any]) -> Task:
        task = Task(label, self)
        self.tasks.append(task)
        task.finished.connect(lambda _r, t=task: self._forget(t))
        task.failed.connect(lambda _m, t=task: self._forget(t))
        QTimer.singleShot(self.SHOW_AFTER_MS, task, lambda t=task: t.done or t.shown.emit())
        self.pool.start(_Runnable(fn, task.ctx, task.signals))
        return task

    def _forget(self, task: Task) -> None:
        if task in self.tasks:
            self.tasks.remove(task)

    def cancel_all(self) -> None:
        for task in self.tasks:
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has finished (for shutdown and tests)."""
        return self.pool.waitForDone(msecs)
