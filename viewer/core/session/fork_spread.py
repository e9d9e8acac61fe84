"""A `Spread` over forked copies of this process: calls shared between the process and
children that inherit everything it holds, each child sending its results back pickled.

Why: with two workers, the `extract` command's folder stage and its JSON ran in the main
process after the workers had finished, one core busy and the other idle for about a
quarter of the command's wall time. Handing that work to the worker pool means pickling its
inputs (the stage's stretches, the folder's columns) to them, which measured a wash; a fork
inherits them for nothing, and only the results travel. A call whose child fails (cannot
fork, exits early, sends nothing) is run again here, so the results never depend on the
children. For a command-line process only: a window's process, with its toolkit's threads,
is not one to fork.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
from collections.abc import Callable
from typing import Any

from viewer.core.pipeline.array_links import Spread, in_process
from viewer.core.pipeline.worker_pools import can_fork

__all__ = ["can_fork", "forked", "forked_call"]


def forked(processes: int) -> Spread:
    """Run the calls in this process and `processes - 1` forked children, the k-th call in
    share k mod `processes` (this process takes share 0); results in call order."""
    if processes < 2 or not can_fork():
        return in_process

    def run(function: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
        if len(calls) < 2:
            return in_process(function, calls)
        shares = [list(range(k, len(calls), processes)) for k in range(processes)]
        children: list[tuple[int, int, list[int]]] = []
        results: list[Any] = [None] * len(calls)
        try:
            for share in shares[1:]:
                if share:
                    child = _start(function, calls, share)
                    if child is None:  # could not fork: done here below
                        shares[0].extend(share)
                    else:
                        children.append((*child, share))
            for k in sorted(shares[0]):
                results[k] = function(*calls[k])
            while children:
                pid, read, share = children.pop(0)
                values = _finish(pid, read, len(share))
                if values is None:  # the child failed: its calls are run here
                    values = [function(*calls[k]) for k in share]
                for k, value in zip(share, values, strict=True):
                    results[k] = value
        finally:
            for pid, read, _ in children:  # only after an error here: no child left behind
                _finish(pid, read, 0)
        return results

    return run


def forked_call(function: Callable[..., Any], *args: Any) -> Callable[[], Any]:
    """Start `function(*args)` in a forked child now; returns what gives its result (waiting
    for the child), or runs the call here when the child cannot be forked or fails.

    Why: some of the `extract` command's text (the documents' list at the head of its JSON)
    does not depend on the folder stage; made by a child while the stage runs, it fills
    the core the stage's serial steps leave idle instead of adding to the writing after it.
    """
    child = _start(function, [args], [0]) if can_fork() else None
    taken: list[Any] = []

    def result() -> Any:
        nonlocal child
        if not taken:
            values = _finish(*child, 1) if child is not None else None
            child = None
            taken.append(values[0] if values is not None else function(*args))
        return taken[0]

    return result


def _start(function: Callable[..., Any], calls: list[tuple[Any, ...]], share: list[int]
           ) -> tuple[int, int] | None:
    """Fork a child that runs the calls of `share` and writes their results to a pipe."""
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the child: never returns
        code = 1
        try:
            os.close(read)
            gc.disable()  # a collection would touch, and so copy, the whole inherited heap
            data = pickle.dumps([function(*calls[k]) for k in share],
                                protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)  # no exit handlers, no flushing of the parent's buffers
    os.close(write)
    return pid, read


def _finish(pid: int, read: int, count: int) -> list[Any] | None:
    """The child's results (None when it failed), once it has exited."""
    values: list[Any] | None = None
    try:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        with contextlib.suppress(Exception):
            found = pickle.loads(data) if data else None
            if isinstance(found, list) and len(found) == count:
                values = found
    finally:
        _, status = os.waitpid(pid, 0)
    return values if status == 0 else None
