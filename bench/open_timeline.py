"""When each process of an open is busy: `python -m bench.open_timeline FOLDER [--workers N]`.

Why: on a shared machine the wall time of two workers against one says little, but where the
parallelism is lost does not depend on load: how long each worker takes to start and build
its rules, when it takes and finishes each task, how long one worker waits for the other at
the end (the tail), and what the opening process does while they run and after the last
one. This opens FOLDER in this process (`Session.open`, no snapshot) with the extraction's
and the folder stage's calls wrapped to note their wall and CPU intervals (each process
appends to its own file), then prints one JSON line of derived figures (`--intervals` adds
every interval). The wrapping costs a few microseconds per task.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import importlib.abc
import itertools
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.import_hooks import spec_run_by

# (label, module, function) of the opening process's steps, noted where they run.
MAIN_STEPS = (
    ("pool_start", "viewer.core.session.extracting_load", "pool_for"),
    ("extract", "viewer.core.session.extracting_load", "extract"),
    ("to_columns", "viewer.core.session.extracting_load", "piece_of"),
    ("redate", "viewer.core.session.extracting_load", "redate"),
    ("join", "viewer.core.session.extracting_load", "joined"),
    ("taxonomy", "viewer.core.session.extracting_load", "fitted_taxonomy"),
    ("stage", "viewer.core.session.extracting_load", "stage_columns"),
    ("release", "viewer.core.session.extracting_load", "release"),
)
_ORIGINALS: dict[str, Callable[..., Any]] = {}  # in the opening process (and forked copies)


def _note(folder: str, label: str, started: tuple[float, float], **more: Any) -> None:
    wall, cpu = time.time(), time.process_time()
    row = {"pid": os.getpid(), "label": label, "wall": [started[0], wall],
           "cpu": cpu - started[1], "cpu_at_start": started[1], **more}
    with open(os.path.join(folder, f"{os.getpid()}.jsonl"), "a", encoding="utf-8") as fh:
        fh.write(json.dumps(row) + "\n")


def _original(where: str) -> Callable[..., Any]:
    if where in _ORIGINALS:
        return _ORIGINALS[where]
    module, name = where.split(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return found


def noted(folder: str, label: str, where: str, *args: Any, **kwargs: Any) -> Any:
    """`where` called with the arguments, its interval noted under `label` (picklable by
    reference, so a worker runs it too)."""
    started = time.time(), time.process_time()
    try:
        return _original(where)(*args, **kwargs)
    finally:
        files = len(args[1]) if label == "task" else 0
        _note(folder, label, started, files=files)


def _patch(folder: str, label: str, module: str, name: str) -> None:
    where = f"{module}:{name}"
    target = importlib.import_module(module)
    _ORIGINALS.setdefault(where, getattr(target, name))
    setattr(target, name, functools.partial(noted, folder, label, where))


class _Patcher(importlib.abc.MetaPathFinder):
    """Wraps the steps' functions as their modules are imported, so that the open still
    imports the extraction's modules itself (their cost is part of it, and the fork server's
    start overlaps it)."""

    def __init__(self, wanted: dict[str, list[tuple[str, str]]], notes: str) -> None:
        self.wanted, self.notes = wanted, notes

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        return spec_run_by(name, path, self._patched) if name in self.wanted else None

    def _patched(self, execute: Callable[[Any], None], module: Any) -> None:
        execute(module)
        for label, function in self.wanted[module.__name__]:
            if hasattr(module, function):  # (an older code may lack it)
                _patch(self.notes, label, module.__name__, function)


def open_noted(folder: str, workers: int, notes: str, later: bool = False) -> dict[str, Any]:
    """Open `folder` with every step noted into the directory `notes`; `later`: as a later
    open of the app (`open_cost --later-open`: the rules built, the fork server up)."""
    from viewer.core.session import Session

    steps = [*MAIN_STEPS,
             # In the workers: start-up (the pool's initializer), each extraction task, each
             # of the folder stage's calls.
             ("warm", "viewer.core.pipeline.folder_extraction", "_warm"),
             ("task", "viewer.core.session.cold_open", "extract_files"),
             ("stage_call", "viewer.core.session.cold_open", "released"),
             ("fork_server_start", "viewer.core.pipeline.worker_pools", "start_fork_server")]
    wanted: dict[str, list[tuple[str, str]]] = {}
    for label, module, name in steps:
        if module in sys.modules:
            if hasattr(sys.modules[module], name):
                _patch(notes, label, module, name)
        else:
            wanted.setdefault(module, []).append((label, name))
    sys.meta_path.insert(0, _Patcher(wanted, notes))
    if later:
        from bench.open_cost import _as_a_later_open

        _as_a_later_open(workers)
        for path in Path(notes).glob("*.jsonl"):  # what the earlier open did is not this one's
            path.unlink()
    started = time.time(), time.process_time()
    session = Session.open(folder, workers=workers, use_snapshot=False, with_store=False)
    _note(notes, "open", started, events=session.size)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"children_cpu_s": children.ru_utime + children.ru_stime,
            "fork_server_cpu_s": _fork_server_cpu()}


def _fork_server_cpu() -> float | None:
    """The fork server's own CPU so far (its imports and the bundled rules), from the
    kernel's account of it (it is not this process's waited-for child)."""
    from multiprocessing import forkserver

    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if not isinstance(pid, int):
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The timeline's figures, seconds from the open's start: per worker its start-up, first
    and last task, busy and idle time; the tail (last worker's end of extraction less the
    first's); the opening process's CPU and wall by step, and its wall after extraction.
    Busy fractions and the gaps between tasks say where the workers' parallelism is lost,
    whatever the machine's load."""
    opened = next(r for r in rows if r["label"] == "open")
    t0, t1 = opened["wall"]
    main = opened["pid"]
    tasks = [r for r in rows if r["label"] == "task"]
    workers: dict[int, dict[str, Any]] = {}
    for pid in sorted({r["pid"] for r in rows if r["pid"] != main}):
        own = [r for r in rows if r["pid"] == pid]
        mine = [r for r in tasks if r["pid"] == pid]
        warm = [r for r in own if r["label"] == "warm"]
        calls = [r for r in own if r["label"] == "stage_call"]
        busy = _merged([tuple(r["wall"]) for r in own if r["label"] != "warm"])
        workers[pid] = {
            "warm_at": round(warm[0]["wall"][0] - t0, 3) if warm else None,
            "warm_cpu_s": round(sum(r["cpu"] for r in warm), 3),
            "first_task_at": round(min(r["wall"][0] for r in mine) - t0, 3) if mine else None,
            "last_task_end": round(max(r["wall"][1] for r in mine) - t0, 3) if mine else None,
            "tasks": len(mine), "files": sum(r["files"] for r in mine),
            "task_cpu_s": round(sum(r["cpu"] for r in mine), 3),
            "task_wall_s": round(sum(r["wall"][1] - r["wall"][0] for r in mine), 3),
            "largest_task_wall_s": round(max((r["wall"][1] - r["wall"][0] for r in mine),
                                             default=0.0), 3),
            "stage_calls": len(calls), "stage_cpu_s": round(sum(r["cpu"] for r in calls), 3),
            "busy_wall_s": round(sum(b - a for a, b in busy), 3),
            "idle_wall_s": round((t1 - t0) - sum(b - a for a, b in busy), 3),
            **_gaps(mine),
        }
    ends = [w["last_task_end"] for w in workers.values() if w["last_task_end"] is not None]
    steps: dict[str, dict[str, float]] = {}
    for r in rows:
        if r["pid"] == main and r["label"] != "open":
            step = steps.setdefault(r["label"], {"calls": 0, "cpu_s": 0.0, "wall_s": 0.0})
            step["calls"] += 1
            step["cpu_s"] = round(step["cpu_s"] + r["cpu"], 3)
            step["wall_s"] = round(step["wall_s"] + r["wall"][1] - r["wall"][0], 3)
    extracted = max((r["wall"][1] for r in tasks), default=t0)
    after = [r for r in rows if r["pid"] == main and r["wall"][0] >= extracted
             and r["label"] in {"redate", "join", "taxonomy", "stage", "release"}]
    before = [r for r in rows if r["pid"] == main and r["label"] == "pool_start"]
    def first(label: str) -> float | None:
        at = [r["wall"][0] for r in rows if r["label"] == label]
        return round(min(at) - t0, 3) if at else None

    spans = [(r["wall"][0], r["wall"][1]) for r in tasks]
    span = (max(b for _, b in spans) - min(a for a, _ in spans)) if spans else 0.0
    stage = steps.get("stage", {"cpu_s": 0.0, "wall_s": 0.0})
    return {"events": opened.get("events"), "wall_s": round(t1 - t0, 3),
            # Of the extraction's span (first task's start to last task's end) times the
            # workers, the share spent in tasks: 1.0 means no worker waited for another or
            # between tasks; the rest is the gaps and the wait at the end.
            "extraction_span_s": round(span, 3),
            "busy_fraction": round(sum(b - a for a, b in spans) / (span * len(workers)), 4)
            if span and workers else None,
            # The opening process's stage: wall beyond its own CPU is mostly the wait for
            # the stage's calls in the workers.
            "main_stage_wait_s": round(stage["wall_s"] - stage["cpu_s"], 3),
            "fork_server_start_at": first("fork_server_start"),
            "pool_start_at": first("pool_start"), "first_task_at": first("task"),
            "main_cpu_s": round(opened["cpu"], 3), "workers": workers,
            "tail_s": round(max(ends) - min(ends), 3) if len(ends) > 1 else 0.0,
            "main_after_extraction_wall_s": round(t1 - extracted, 3),
            "worker_idle_s": round(sum(w["idle_wall_s"] for w in workers.values()), 3),
            "main_steps": steps, "load_average": os.getloadavg()[0],
            # CPU, which load distorts less: the opening process's before its pool (what
            # the fork server's start can overlap), after the last task (serial, with the
            # workers' stage calls between), and each worker's extraction.
            "main_cpu_before_pool_s": round(_cpu_until(rows, main, before), 3),
            "main_cpu_after_extraction_s": round(sum(r["cpu"] for r in after), 3),
            "worker_task_cpu_s": [w["task_cpu_s"] for w in workers.values()],
            "worker_stage_cpu_s": [w["stage_cpu_s"] for w in workers.values()]}


def _gaps(tasks: list[dict[str, Any]]) -> dict[str, Any]:
    """One worker's tasks: the share of its span (first task's start to last one's end)
    spent in them, and the idle gaps between one task's end and the next one's start (its
    result sent, the next task received)."""
    spans = sorted((r["wall"][0], r["wall"][1]) for r in tasks)
    gaps = [max(0.0, b[0] - a[1]) for a, b in itertools.pairwise(spans)]
    span = spans[-1][1] - spans[0][0] if spans else 0.0
    return {"busy_fraction": round(sum(b - a for a, b in spans) / span, 4) if span else None,
            "gaps": len(gaps), "gap_sum_s": round(sum(gaps), 3),
            "gap_max_s": round(max(gaps, default=0.0), 3)}


def _cpu_until(rows: list[dict[str, Any]], main: int, marks: list[dict[str, Any]]) -> float:
    """The opening process's CPU from the open's start to the first of `marks`."""
    opened = next(r for r in rows if r["label"] == "open")
    if not marks or "cpu_at_start" not in marks[0]:
        return float("nan")
    value: float = marks[0]["cpu_at_start"] - opened["cpu_at_start"]
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--intervals", action="store_true", help="print every interval too")
    parser.add_argument("--later-open", action="store_true",
                        help="start as a later open of the app: the rules built, the fork "
                        "server up")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as notes:
        extra = open_noted(args.folder, args.workers, notes, args.later_open)
        rows = [json.loads(line) for path in Path(notes).glob("*.jsonl")
                for line in path.read_text(encoding="utf-8").splitlines()]
    found = {**figures(rows), **extra}
    if args.intervals:
        found["intervals"] = rows
    print(json.dumps(found))


if __name__ == "__main__":
    main()
