"""The CPU of a process's descendants, watched from a process of its own.

Why: worker processes are children of the fork server, so `getrusage(RUSAGE_CHILDREN)` never
counts them, and they have to be sampled while they live. A sampling thread inside the
measured process cost that process about 1.4 s of CPU a minute (listing every process ten
times a second), which the measurements then put down to the main process: a third of what
it was said to spend opening 2,000 articles with two workers. Here a separate process
samples, and the measured process's own CPU is its `time.process_time()`.

`with watching() as seen: ...` then `seen.workers_cpu_s`, `seen.peak_tree_mb`: the CPU of
every descendant (as last seen alive) and the peak RSS of the process with its descendants;
`seen.peak_tree_pss_mb`, the same peak in proportional set size: a page shared by several
processes (the workers' pages inherited from their fork server) counted once in all, in
shares, where the summed RSS counts it in each process that maps it.
`python -m bench.cpu_watch PID` is the sampler: it stops when its standard input closes
and prints one JSON line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

INTERVAL_S = 0.1


@dataclass(slots=True)
class Seen:
    workers_cpu: dict[int, float] = field(default_factory=dict)
    peak_tree_mb: float = 0.0
    peak_main_mb: float = 0.0
    peak_tree_pss_mb: float = 0.0

    @property
    def workers_cpu_s(self) -> float:
        return sum(self.workers_cpu.values())


@contextmanager
def watching() -> Iterator[Seen]:
    """Sample this process's descendants from another process while the block runs."""
    seen = Seen()
    sampler = subprocess.Popen([sys.executable, "-m", "bench.cpu_watch", str(os.getpid())],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        yield seen
    finally:
        # Closes its input: the sampler takes a last sample, then reports.
        out, _ = sampler.communicate(timeout=60)
        found = json.loads(out.strip().splitlines()[-1])
        seen.workers_cpu = {int(k): v for k, v in found["cpu"].items()}
        seen.peak_tree_mb, seen.peak_main_mb = found["peak_tree_mb"], found["peak_main_mb"]
        seen.peak_tree_pss_mb = found["peak_tree_pss_mb"]


def _pss(pid: int) -> int:
    """A process's proportional set size in bytes (0 where the kernel does not say)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def sample(pid: int) -> None:
    import psutil

    me = os.getpid()
    cpu: dict[int, float] = {}
    peaks = {"tree": 0, "main": 0, "pss": 0}
    done = threading.Event()

    def wait_for_close() -> None:
        sys.stdin.read()
        done.set()

    threading.Thread(target=wait_for_close, daemon=True).start()
    watched = psutil.Process(pid)
    while True:
        last = done.is_set()
        try:
            main = watched.memory_info().rss
            total = main
            pss = _pss(pid)
            for child in watched.children(recursive=True):
                if child.pid == me:
                    continue
                try:
                    total += child.memory_info().rss
                    pss += _pss(child.pid)
                    used = child.cpu_times()
                    cpu[child.pid] = used.user + used.system
                except psutil.Error:
                    pass
            peaks["tree"] = max(peaks["tree"], total)
            peaks["main"] = max(peaks["main"], main)
            peaks["pss"] = max(peaks["pss"], pss)
        except psutil.Error:
            break
        if last:
            break
        done.wait(INTERVAL_S)
    print(json.dumps({"cpu": cpu, "peak_tree_mb": peaks["tree"] / 1e6,
                      "peak_main_mb": peaks["main"] / 1e6,
                      "peak_tree_pss_mb": peaks["pss"] / 1e6}))


if __name__ == "__main__":
    sample(int(sys.argv[1]))
