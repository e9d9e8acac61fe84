"""The Dask engine against the local one, and opening a dataset of a million events.

`python -m bench.dask_engine --mb 64` writes a corpus of about that much text, extracts it
with the local engine (process pool, all cores, no cache) and with `--engine dask` on a
LocalCluster of one worker process per core on the same machine, and prints one JSON line:
wall and CPU seconds of each, their ratio, peak RSS per Dask worker, and the Dask run's
shuffle and intermediate sizes, and the driver's peak RSS (the driver runs in a process of
its own). `--no-local` runs the Dask side alone (to follow the driver's memory across corpus
sizes without the local run's time). `python -m bench.dask_engine --open 1000000` builds a dataset
of that many synthetic events (no extraction) and times a process from start to the
timeline's first paint on it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_BYTES = 1750  # the generated corpus's mean article size


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def peak_rss() -> int:
    """This process's peak resident set (VmHWM). Not ru_maxrss: Linux keeps that across
    exec, so a worker spawned by a big parent would report the parent's peak."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def engines(mb: float, workdir: Path, workers: int, partition_mb: float,
            local: bool = True) -> dict[str, Any]:
    from bench.corpus import write_corpus
    from viewer.core.session import Session

    corpus = workdir / "corpus"
    write_corpus(corpus, max(20, int(mb * 1e6 / ARTICLE_BYTES)), seed=13)
    text = sum(p.stat().st_size for p in corpus.rglob("article-*.txt"))
    out: dict[str, Any] = {"text_mb": text / 1e6, "workers": workers}

    out["load_average_before"] = os.getloadavg()[0]
    if local:
        wall = time.perf_counter()
        # The local engine as the app and the commands run it (the Session's open).
        found = Session.open(corpus, workers=workers, use_snapshot=False, with_store=False)
        out["local_s"] = time.perf_counter() - wall  # the pool's CPU is not ours to measure
        out["events"] = found.size
        found.close()
        del found

    dataset = workdir / "dataset"
    wall = time.perf_counter()
    # The driver runs in a process of its own, so its peak RSS is the driver's alone (not
    # the corpus writer's nor the local engine's).
    result = subprocess.run(
        [sys.executable, "-m", "bench.dask_engine", "--run-dask", str(corpus), str(dataset),
         "--workers", str(workers), "--partition-mb", str(partition_mb)],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=7200)
    out.update(json.loads(result.stdout.splitlines()[-1]))
    out["dask_s"] = time.perf_counter() - wall  # with the cluster's start and stop
    if local:
        out["dask_vs_local_wall_ratio"] = out["dask_s"] / out["local_s"]
    out["bench_process_peak_rss_mb"] = peak_rss() / 1e6  # corpus writer + local engine
    out["dataset_mb"] = (_size(dataset) - _size(dataset / "_work")) / 1e6
    out["intermediate_mb"] = _size(dataset / "_work") / 1e6
    out["dask_mb_per_s"] = text / 1e6 / out["dask_run_s"]
    out["dask_mb_per_cpu_s"] = text / 1e6 / max(out["dask_worker_cpu_s"], 1e-9)
    out["load_average_after"] = os.getloadavg()[0]
    return out


def dask_run(corpus: Path, dataset: Path, workers: int, partition_mb: float) -> dict[str, Any]:
    """One `--engine dask` run on a LocalCluster; the driver's own figures."""
    from viewer.scale import driver

    out: dict[str, Any] = {}
    with driver.connect(None, workers=workers) as client:
        started, driver_cpu = time.perf_counter(), _cpu()
        before = client.run(lambda: time.process_time())
        summary = driver.run([str(corpus)], dataset, client, stream=None,
                             target_bytes=int(partition_mb * 1024 * 1024))
        after = client.run(lambda: time.process_time())
        peaks = client.run(peak_rss)
        out["dask_run_s"] = time.perf_counter() - started
        out["dask_driver_cpu_s"] = _cpu() - driver_cpu
        out["dask_worker_cpu_s"] = sum(after[k] - before.get(k, 0.0) for k in after)
        out["dask_peak_rss_mb_per_worker"] = [round(v / 1e6, 1) for v in peaks.values()]
        out["dask_partitions"] = summary.partitions
        out["dask_extract_cpu_s"] = summary.extract_cpu_s
        out["dask_stage_s"] = summary.stages
        out["dask_stage_worker_cpu_s"] = {k: round(v, 1) for k, v in summary.stages_cpu.items()}
        out["shuffle_mb"] = summary.shuffle_bytes / 1e6
        out["linked_pairs"] = summary.linked
        out["component_rounds"] = summary.rounds
        out["component_files_mb"] = summary.graph_bytes / 1e6  # written over all rounds
        out["dask_events"] = summary.events
    out["driver_peak_rss_mb"] = peak_rss() / 1e6
    return out


def synthetic_dataset(count: int, folder: Path) -> None:
    """A dataset of `count` synthetic events in monthly files, written without extraction."""
    from bench.synthetic import events as synthetic_events
    from viewer.core.dataset.manifest import FORMAT, FORMAT_VERSION, MANIFEST, write_json
    from viewer.core.dataset.tables import documents_table, events_table, month_of, write_table
    from viewer.core.model import DateSource, Document

    events = synthetic_events(count)
    months: dict[str, list[int]] = {}
    for i, event in enumerate(events):
        months.setdefault(month_of(event), []).append(i)
    for month, rows in months.items():
        write_table(events_table([events[i] for i in rows],
                                 {"_partition": ["p0"] * len(rows), "_order": rows}),
                    folder / "events" / f"month={month}" / "part-p0.parquet")
    names = sorted({e.document for e in events})
    write_table(documents_table([Document(n, n, n, None, DateSource.UNDATED, "", (), ())
                                 for n in names], ""), folder / "documents" / "part-p0.parquet")
    write_json(folder / MANIFEST, {"format": FORMAT, "version": FORMAT_VERSION,
                                   "partitions": [{"id": "p0"}], "ignored": 0})


def open_to_first_paint(count: int, workdir: Path) -> dict[str, Any]:
    folder = workdir / f"synthetic-{count}"
    synthetic_dataset(count, folder)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIMELINE_VIEWER_REPORT_FIRST_PAINT="1")
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    result = subprocess.run([sys.executable, "-m", "viewer", "--screenshot",
                             str(workdir / "shot.png"), str(folder)], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - kids.ru_utime - kids.ru_stime
            return {"events": count, "open_to_first_paint_s": float(line.split()[1]) - start,
                    "process_cpu_s": cpu, "load_average": os.getloadavg()[0]}
    return {"events": count, "error": (result.stderr.strip().splitlines() or ["no paint"])[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=None, help="corpus size for the engines")
    parser.add_argument("--partition-mb", type=float, default=4.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-local", action="store_true",
                        help="run the Dask engine only (no local engine to compare with)")
    parser.add_argument("--open", type=int, default=None, metavar="EVENTS",
                        help="time opening a synthetic dataset of this many events")
    parser.add_argument("--run-dask", nargs=2, metavar=("CORPUS", "DATASET"),
                        help=argparse.SUPPRESS)  # the driver's own process (see engines)
    args = parser.parse_args()
    if args.run_dask:
        print(json.dumps(dask_run(Path(args.run_dask[0]), Path(args.run_dask[1]),
                                  args.workers, args.partition_mb)))
        return
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.mb:
            out["engines"] = engines(args.mb, Path(tmp), args.workers, args.partition_mb,
                                     local=not args.no_local)
        if args.open:
            out["dataset_open"] = open_to_first_paint(args.open, Path(tmp))
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
