"""What opening a folder costs, by process: `python -m bench.open_cost ARTICLES [--workers N]`.

Writes a generated corpus of ARTICLES articles and opens it through the app's own path
(`Session.open`, no snapshot) in a fresh process, once with one process and once with N
worker processes; runs the `extract` command on it (JSON to a file, no cache) the same two
ways; then opens it with a snapshot, changes one file and opens it again. For
each open: wall time, the main process's CPU, the worker processes' CPU (sampled from another
process, `cpu_watch`: they are grandchildren through the fork server, which `getrusage` does
not count), the folder stage's CPU, and peak RSS of the main process and of the whole process
tree (sampled every 0.1 s; the tree's figure counts pages the workers share with the fork
server once per process).

Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.cpu_watch import watching

ROOT = Path(__file__).resolve().parents[1]


def open_once(folder: str, workers: int, snapshot: bool) -> dict[str, Any]:
    """One open, in this process (run it in a fresh one)."""
    from viewer.core.session import Session, loading

    stage = {"cpu_s": 0.0}
    staged = loading.stage_columns

    def timed(*args: Any) -> Any:
        started = time.process_time()
        try:
            return staged(*args)
        finally:
            stage["cpu_s"] += time.process_time() - started

    loading.stage_columns = timed  # type: ignore[assignment]
    with watching() as seen:
        wall, cpu = time.perf_counter(), time.process_time()
        session = Session.open(folder, workers=workers, use_snapshot=snapshot, with_store=False)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    workers_cpu = seen.workers_cpu_s
    return {"workers": workers, "events": session.size, "extracted": session.loaded.extracted,
            "wall_s": wall, "main_cpu_s": cpu, "workers_cpu_s": workers_cpu,
            "stage_cpu_s": stage["cpu_s"], "main_share": cpu / max(1e-9, cpu + workers_cpu),
            "peak_main_mb": seen.peak_main_mb, "peak_tree_mb": seen.peak_tree_mb,
            "load_average": os.getloadavg()[0]}


def command_once(folder: str, workers: int, out: str) -> dict[str, Any]:
    """`timeline-viewer extract FOLDER --no-cache --workers N -o OUT` (JSON), as a user runs
    it, in this process (run it in a fresh one): the open and writing the events."""
    from viewer.cli import main as cli

    with watching() as seen:
        wall, cpu = time.perf_counter(), time.process_time()
        cli(["extract", folder, "--no-cache", "--workers", str(workers), "-o", out, "--force"])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    workers_cpu = seen.workers_cpu_s
    return {"workers": workers, "wall_s": wall, "main_cpu_s": cpu, "workers_cpu_s": workers_cpu,
            "main_share": cpu / max(1e-9, cpu + workers_cpu),
            "output_mb": os.path.getsize(out) / 1e6,
            "load_average": os.getloadavg()[0]}


def _child(folder: Path, workers: int, snapshot: bool, command: str | None = None
           ) -> dict[str, Any]:
    how = ["--command", command] if command else (["--snapshot"] if snapshot else [])
    done = subprocess.run([sys.executable, "-m", "bench.open_cost", "--open", str(folder),
                           "--workers", str(workers), *how],
                          cwd=ROOT, capture_output=True, text=True, timeout=4 * 3600,
                          check=True)
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def measure(articles: int, workers: int) -> dict[str, Any]:
    from bench.corpus import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, articles, seed=7)
        text_mb = sum(p.stat().st_size for p in folder.rglob("article-*.txt")) / 1e6
        one = _child(folder, 1, False)
        many = _child(folder, workers, False)
        written = str(Path(tmp) / "events.json")
        command_one = _child(folder, 1, False, written)
        command_many = _child(folder, workers, False, written)
        _child(folder, workers, True)  # fills the snapshot
        changed = sorted(folder.rglob("article-*.txt"))[articles // 2]
        with changed.open("a", encoding="utf-8") as fh:
            fh.write("\nTalks resumed in Geneva on 3 March 2026, the ministry said.\n")
        again = _child(folder, workers, True)
    return {"articles": articles, "text_mb": text_mb, "one_process": one, "workers": many,
            "one_changed": again, "workers_vs_one_wall": one["wall_s"] / many["wall_s"],
            "cpu_bound_workers_vs_one": (one["main_cpu_s"]) / (
                many["main_cpu_s"] + many["workers_cpu_s"] / workers),
            "command_one_process": command_one, "command_workers": command_many,
            "command_workers_vs_one_wall": command_one["wall_s"] / command_many["wall_s"],
            "command_cpu_bound_workers_vs_one": command_one["main_cpu_s"] / (
                command_many["main_cpu_s"] + command_many["workers_cpu_s"] / workers)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("articles", type=int, nargs="?", default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--open", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--snapshot", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--command", metavar="OUT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.open and args.command:
        print(json.dumps(command_once(args.open, args.workers, args.command)))
    elif args.open:
        print(json.dumps(open_once(args.open, args.workers, args.snapshot)))
    else:
        print(json.dumps(measure(args.articles, args.workers)))


if __name__ == "__main__":
    main()
