"""The extraction worker pools that are alive, so that quitting can stop them at once.

A cancelled load only stops handing out tasks: the tasks already in a worker run to their
end, and leaving a pool's `with` block waits for them (seconds per task on a busy machine).
A process that is quitting wants none of their results, so `stop_all` ends the workers
instead of waiting, and none is left behind once the process is gone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import weakref
from concurrent.futures import Executor, ProcessPoolExecutor
from multiprocessing.process import BaseProcess
from pathlib import Path

PARALLEL_FROM = 8  # below this many files to extract, worker start-up costs more than it saves
PRELOAD = "viewer.core.pipeline.worker_preload"  # what the fork server imports and builds, once

_live: weakref.WeakSet[ProcessPoolExecutor] = weakref.WeakSet()
_quitting: list[bool] = []  # set by stop_all: the process is on its way out


def can_fork() -> bool:
    """Whether this process may be forked to make workers or share work (Linux only: macOS
    has `fork`, but its system libraries are not safe in a forked child)."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def start_fork_server() -> bool:
    """Start the fork server that extraction workers come from, without waiting for it;
    False where there is none (or the process is quitting).

    Why: it imports the pipeline and builds the bundled rules (`worker_preload`, about 0.9 s
    of CPU) before it forks the first worker, and a pool's first task waited for that with
    the other core idle. Started as soon as an open knows it will extract in parallel, it
    does so while this process imports the extraction's own modules and sorts the folder's
    files. A pool started later uses this server (a process has one)."""
    import multiprocessing
    from multiprocessing import forkserver

    if _quitting or "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    multiprocessing.get_context("forkserver").set_forkserver_preload([PRELOAD])
    try:
        forkserver.ensure_running()
    except (OSError, RuntimeError):  # the pool tries again, and reports what fails
        return False
    return True


class Quitting(RuntimeError):
    """No new worker pool once the process has begun to quit."""


def track(pool: ProcessPoolExecutor) -> ProcessPoolExecutor:
    """Remember `pool` until it is garbage; returns it (raises Quitting, after shutting it
    down unused, once `stop_all` has run)."""
    if _quitting:
        pool.shutdown(wait=False)
        raise Quitting("the process is quitting")
    _live.add(pool)
    return pool


def drop_waiting(pool: Executor) -> None:
    """Cancel the pool's tasks that no worker has begun, and take no more: a cancelled load
    wants none of their results. The pool's own thread cancels them, so it also forgets
    them: cancelled from outside (`Future.cancel`), they stayed in its table, and when a
    quit then ended the workers, that thread failed them once more, which raised
    InvalidStateError and printed its traceback (Python 3.11)."""
    pool.shutdown(wait=False, cancel_futures=True)


def worker_pids() -> list[int]:
    """The process ids of every live pool's workers (for checks that none outlive a quit)."""
    return [pid for pool in list(_live) for pid in _processes(pool)]


def stop_all() -> int:
    """End every live pool's workers without waiting for their tasks; returns how many
    workers were told to stop. A load using such a pool then fails at its next result, and
    no new pool starts after this. Safe to call again: a worker a pool launched since the
    last call (it launches them as tasks are submitted) is ended too. Takes no pool's lock:
    a pool submitting its first task holds one for as long as the fork server takes to start
    (seconds), and a quit must not wait for that."""
    _quitting.append(True)
    stopped = 0
    for pool in list(_live):
        for process in _processes(pool).values():
            with contextlib.suppress(OSError, ValueError, AttributeError):
                process.terminate()
                stopped += 1
    return stopped


def end_forkserver() -> None:
    """End the fork server's children and the server itself (the last step of a quit).
    A worker holds both ends of its task queue, so one the pools never knew of (launched
    while the process was quitting) would wait for tasks forever after the process left."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    pid = getattr(server, "_forkserver_pid", None)
    if not isinstance(pid, int):
        return
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    for child in [*map(int, children), pid]:
        with contextlib.suppress(OSError):
            os.kill(child, signal.SIGTERM)


def _processes(pool: ProcessPoolExecutor) -> dict[int, BaseProcess]:
    # The executor keeps its workers in a private dict (pid -> Process) and has no public
    # way to end them before Python 3.14.
    found = getattr(pool, "_processes", None)
    return dict(found) if isinstance(found, dict) else {}
