"""What opening a folder costs, by process: `python -m bench.open_cost ARTICLES [--workers N]`.

Writes a generated corpus of ARTICLES articles and opens it through the app's own path
(`Session.open`, no snapshot) in a fresh process, once with one process and once with N
worker processes; runs the `extract` command on it (JSON to a file, no cache) the same two
ways; then opens it with a snapshot, changes one file and opens it again. For
each open: wall time, the main process's CPU, the worker processes' CPU (sampled from another
process, `cpu_watch`: they are grandchildren through the fork server, which `getrusage` does
not count), the folder stage's CPU, and peak RSS of the main process and of the whole process
tree (sampled every 0.1 s; the tree's figure counts pages the workers share with the fork
server once per process). For the command, also the main process's CPU step by step (folder
list, extraction, folder stage, writing, start-up...) as a share of every process's CPU.
`--pairs N` runs each of the one-process and the workers' opens (and commands) N times, in
pairs whose order alternates, and reports the pair with the median wall ratio;
`--later-open` starts the two opens without a snapshot as a later open of the app does (the
rules built, the fork server up). The opens
import the extraction before their timer (as a later open of the app finds it);
`--first-open` times that import in the two opens without a snapshot, as the app's first
open pays it (one process imports, then builds the rules; with workers, their fork server
starts first and does both while the open imports).

Prints one JSON line.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.abc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.cpu_watch import watching
from bench.import_hooks import spec_run_by

ROOT = Path(__file__).resolve().parents[1]


LOADING = "viewer.core.session.extracting_load"  # the open's extraction (and its imports)


class _AfterImport(importlib.abc.MetaPathFinder):
    """Runs `then(module)` once `name` is imported, and times that import (the module brings
    the whole extraction with it), so that the open imports it as the app's first does."""

    def __init__(self, name: str, then: Callable[[Any], None]) -> None:
        self.name, self.then = name, then
        self.cpu_s = self.wall_s = 0.0

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        return spec_run_by(name, path, self._timed) if name == self.name else None

    def _timed(self, execute: Callable[[Any], None], module: Any) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        execute(module)
        self.wall_s += time.perf_counter() - wall
        self.cpu_s += time.process_time() - cpu
        self.then(module)


def _as_a_later_open(workers: int) -> None:
    """What an earlier open of the app leaves in its process: the bundled rules built (a
    one-process open builds them in this process) and, with workers, the fork server running
    with them built (it lives as long as the process). Without this, the default open pays
    the fork server's start (about 0.8 s, the workers idle) with the extraction already
    imported: an open the app never makes, its first overlapping the two and a later one
    finding the server up."""
    from viewer.core.pipeline import worker_preload

    worker_preload.warm()
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from viewer.core.pipeline.worker_pools import start_fork_server

        if start_fork_server():  # a worker forked and gone: the server has built its rules
            context = multiprocessing.get_context("forkserver")
            with ProcessPoolExecutor(1, mp_context=context) as pool:
                pool.submit(os.getpid).result()


def open_once(folder: str, workers: int, snapshot: bool, first: bool = False,
              later: bool = False) -> dict[str, Any]:
    """One open, in this process (run it in a fresh one). `first`: as the app's first open,
    which imports the extraction itself (`LOADING`, half a second of CPU; the workers' fork
    server starts before it, so with workers the two overlap); otherwise it is imported
    before the timer starts. `later`: also the rules and the fork server an earlier open
    left (`_as_a_later_open`)."""
    from viewer.core.session import Session

    stage = {"cpu_s": 0.0}

    def patch(loading: Any) -> None:
        staged = loading.stage_columns

        def timed(*args: Any) -> Any:
            started = time.process_time()
            try:
                return staged(*args)
            finally:
                stage["cpu_s"] += time.process_time() - started

        loading.stage_columns = timed

    hook = _AfterImport(LOADING, patch)
    if first and LOADING not in sys.modules:
        sys.meta_path.insert(0, hook)
    else:
        patch(importlib.import_module(LOADING))
    if later and not first:
        _as_a_later_open(workers)
    with watching() as seen:
        wall, cpu = time.perf_counter(), time.process_time()
        session = Session.open(folder, workers=workers, use_snapshot=snapshot, with_store=False)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    workers_cpu = seen.workers_cpu_s
    return {"workers": workers, "events": session.size, "extracted": session.loaded.extracted,
            "wall_s": wall, "main_cpu_s": cpu, "workers_cpu_s": workers_cpu,
            "stage_cpu_s": stage["cpu_s"], "main_share": cpu / max(1e-9, cpu + workers_cpu),
            "peak_main_mb": seen.peak_main_mb, "peak_tree_mb": seen.peak_tree_mb,
            "peak_tree_pss_mb": seen.peak_tree_pss_mb,
            "load_average": os.getloadavg()[0], "first_open": hook in sys.meta_path,
            "import_cpu_s": hook.cpu_s, "import_wall_s": hook.wall_s,
            "later_open": later and not first}


# The command's steps in the main process: (label, module, function). The CPU from the
# command's start to its end goes to the innermost step running, the rest to "other".
COMMAND_STEPS = (
    ("folder_list", "viewer.core.session.loading", "scan_folder"),
    ("folder_list", "viewer.core.session.loading", "read_sidecar"),
    ("folder_list", "viewer.core.session.loading", "fingerprint"),
    ("pool_start", "viewer.core.session.extracting_load", "pool_for"),
    ("extraction_wait_receive", "viewer.core.session.extracting_load", "extract"),
    ("results_to_columns", "viewer.core.session.extracting_load", "piece_of"),
    ("join_and_redate", "viewer.core.session.extracting_load", "redate"),
    ("join_and_redate", "viewer.core.session.extracting_load", "joined"),
    ("taxonomy", "viewer.core.session.extracting_load", "fitted_taxonomy"),
    ("folder_stage", "viewer.core.session.extracting_load", "stage_columns"),
    ("write_output", "viewer.commands.extract", "write_atomic_parts"),
)


def _children_cpu() -> float:
    """CPU of this process's children that have ended and been waited for: the extraction
    workers (forked by the command) and the copies that share the stage and the text."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


class _Steps:
    """CPU by step, exclusive: entering a step charges what ran so far to the step it
    interrupts. The children's CPU goes to the step during which they were waited for."""

    def __init__(self) -> None:
        self.main: dict[str, float] = {}
        self.children: dict[str, float] = {}
        self.stack = ["other"]
        self.at = (0.0, 0.0)

    def start(self) -> None:
        self.at = (time.process_time(), _children_cpu())

    def _charge(self) -> None:
        now = (time.process_time(), _children_cpu())
        label = self.stack[-1]
        self.main[label] = self.main.get(label, 0.0) + now[0] - self.at[0]
        self.children[label] = self.children.get(label, 0.0) + now[1] - self.at[1]
        self.at = now

    def wrap(self, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._charge()
            self.stack.append(label)
            try:
                return function(*args, **kwargs)
            finally:
                self._charge()
                self.stack.pop()

        return timed

    def close(self) -> None:
        self._charge()


def command_once(folder: str, workers: int, out: str) -> dict[str, Any]:
    """`timeline-viewer extract FOLDER --no-cache --workers N -o OUT` (JSON), as a user runs
    it, in this process (run it in a fresh one): the open and writing the events.
    `steps_cpu_s`: the main process's CPU by step (`COMMAND_STEPS`), with `start_up` (the
    interpreter and the imports, before the command starts); `steps_share` and
    `largest_step_share`: of all processes' CPU (start-up, the command in this
    process, and every child: `children_cpu_s`, counted by the system when they are waited
    for; `workers_cpu_s` is sampled while they live, and misses their last tenth of a
    second)."""
    import importlib
    from concurrent.futures import ProcessPoolExecutor

    from viewer.cli import main as cli

    steps = _Steps()
    patched = [(importlib.import_module(m), name) for _, m, name in COMMAND_STEPS]
    originals = [getattr(module, name) for module, name in patched]
    shutdown = ProcessPoolExecutor.shutdown
    try:
        for (label, _, _), (module, name), original in zip(COMMAND_STEPS, patched, originals,
                                                           strict=True):
            setattr(module, name, steps.wrap(label, original))
        ProcessPoolExecutor.shutdown = steps.wrap(  # type: ignore[method-assign]
            "pool_end", shutdown)
        start_up = time.process_time()
        with watching() as seen:
            steps.start()
            wall, cpu = time.perf_counter(), time.process_time()
            cli(["extract", folder, "--no-cache", "--workers", str(workers), "-o", out,
                 "--force"])
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            steps.close()
    finally:  # the functions as they were
        for (module, name), original in zip(patched, originals, strict=True):
            setattr(module, name, original)
        ProcessPoolExecutor.shutdown = shutdown  # type: ignore[method-assign]
    workers_cpu = seen.workers_cpu_s
    children = sum(steps.children.values())
    main = {"start_up": start_up, **steps.main}
    total = sum(main.values()) + children  # (the steps' window is the command's, to a few us)
    return {"workers": workers, "wall_s": wall, "main_cpu_s": cpu, "workers_cpu_s": workers_cpu,
            "main_share": cpu / max(1e-9, cpu + workers_cpu),
            "output_mb": os.path.getsize(out) / 1e6,
            "load_average": os.getloadavg()[0],
            "start_up_cpu_s": start_up, "children_cpu_s": children, "all_cpu_s": total,
            "main_with_start_up_share": (start_up + cpu) / max(1e-9, total),
            "steps_cpu_s": main, "steps_children_cpu_s": steps.children,
            "steps_share": {k: v / max(1e-9, total) for k, v in main.items()},
            "largest_step": max(main, key=lambda k: main[k]),
            "largest_step_share": max(main.values()) / max(1e-9, total)}


def _child(folder: Path, workers: int, snapshot: bool, command: str | None = None,
           first: bool = False, later: bool = False) -> dict[str, Any]:
    how = ["--command", command] if command else (["--snapshot"] if snapshot else [])
    how += ["--first-open"] if first and not command else []
    how += ["--later-open"] if later and not command else []
    done = subprocess.run([sys.executable, "-m", "bench.open_cost", "--open", str(folder),
                           "--workers", str(workers), *how],
                          cwd=ROOT, capture_output=True, text=True, timeout=4 * 3600,
                          check=True)
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def _pairs(folder: Path, workers: int, pairs: int, first: bool, command: str | None = None,
           later: bool = False) -> tuple[dict[str, Any], dict[str, Any], list[float]]:
    """`pairs` runs of one process and of `workers` workers, each pair's order the reverse of
    the one before (the machine's speed drifts within minutes, and a single pair's ratio moved
    with it by more than its distance to the target); the pair with the median wall ratio,
    and every pair's ratio."""
    runs = []
    for pair in range(pairs):
        counts = (workers, 1) if pair % 2 else (1, workers)
        got = {n: _child(folder, n, False, command, first=first, later=later) for n in counts}
        runs.append((got[1], got[workers], got[1]["wall_s"] / got[workers]["wall_s"]))
    ratios = [ratio for _one, _many, ratio in runs]
    one, many, _ratio = sorted(runs, key=lambda run: run[2])[(len(runs) - 1) // 2]
    return one, many, ratios


def measure(articles: int, workers: int, first: bool = False, pairs: int = 1,
            later: bool = False) -> dict[str, Any]:
    from bench.corpus import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, articles, seed=7)
        text_mb = sum(p.stat().st_size for p in folder.rglob("article-*.txt")) / 1e6
        one, many, ratios = _pairs(folder, workers, pairs, first, later=later)
        written = str(Path(tmp) / "events.json")
        command_one, command_many, command_ratios = _pairs(folder, workers, pairs, False,
                                                           written)
        _child(folder, workers, True)  # fills the snapshot
        changed = sorted(folder.rglob("article-*.txt"))[articles // 2]
        with changed.open("a", encoding="utf-8") as fh:
            fh.write("\nTalks resumed in Geneva on 3 March 2026, the ministry said.\n")
        again = _child(folder, workers, True)
    return {"articles": articles, "text_mb": text_mb, "one_process": one, "workers": many,
            "one_changed": again, "workers_vs_one_wall": one["wall_s"] / many["wall_s"],
            "workers_vs_one_wall_pairs": ratios,
            "cpu_bound_workers_vs_one": (one["main_cpu_s"]) / (
                many["main_cpu_s"] + many["workers_cpu_s"] / workers),
            "command_one_process": command_one, "command_workers": command_many,
            "command_workers_vs_one_wall": command_one["wall_s"] / command_many["wall_s"],
            "command_workers_vs_one_wall_pairs": command_ratios,
            "command_cpu_bound_workers_vs_one": command_one["main_cpu_s"] / (
                command_many["main_cpu_s"] + command_many["workers_cpu_s"] / workers)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("articles", type=int, nargs="?", default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--open", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--snapshot", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--command", metavar="OUT", help=argparse.SUPPRESS)
    parser.add_argument("--first-open", action="store_true",
                        help="the two opens without a snapshot import the extraction inside "
                        "their timer, as the app's first open does (its CPU and wall: "
                        "import_cpu_s, import_wall_s)")
    parser.add_argument("--later-open", action="store_true",
                        help="the two opens without a snapshot start as a later open of the "
                        "app does: the bundled rules built, the workers' fork server up")
    parser.add_argument("--pairs", type=int, default=1,
                        help="runs of one process and of the workers, in pairs whose order "
                        "alternates; the pair with the median wall ratio is reported, and "
                        "every pair's ratio (workers_vs_one_wall_pairs)")
    args = parser.parse_args()
    if args.open and args.command:
        print(json.dumps(command_once(args.open, args.workers, args.command)))
    elif args.open:
        print(json.dumps(open_once(args.open, args.workers, args.snapshot, args.first_open,
                                   args.later_open)))
    else:
        print(json.dumps(measure(args.articles, args.workers, args.first_open,
                                 max(1, args.pairs), args.later_open)))


if __name__ == "__main__":
    main()
