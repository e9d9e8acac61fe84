"""Speed, memory and scale in one command: `python -m bench [--quick]`.

Prints a table with PASS/FAIL against each target and writes bench/results.json. Peers are
measured in the same run on the same texts (dateparser's search_dates for the tagger), since
machines here are noisy and only ratios compare.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {
    "tagger_vs_dateparser_ratio": (">=", 50.0, "tagging throughput ÷ dateparser's"),
    "extract_mb_per_s_per_core": (">=", 1.0, "extraction MB/s per core (CPU time)"),
    "extract_parallel_speedup": (">=", 1.8, "extraction, all cores ÷ one (wall time)"),
    "paragraph_2mb_s": ("<", 3.0, "2 MB one-paragraph article (CPU s)"),
    "sentence_100kb_s": ("<", 1.0, "100 KB sentence without a full stop (CPU s)"),
    "file_16mb_s": ("<", 20.0, "16 MB file (CPU s)"),
    "file_16mb_rss_mb": ("<", 600.0, "16 MB file: peak RSS (MB)"),
    "ratio_4mb_over_1mb_low": (">=", 3.5, "cost of 4 MB ÷ 1 MB of the same text, at least"),
    "ratio_4mb_over_1mb_high": ("<", 4.5, "cost of 4 MB ÷ 1 MB of the same text, below"),
    "warm_reopen_10k_s": ("<", 2.0, "warm reopen of 10,000 articles, measured (s)"),
    "warm_vs_cold_10k": (">=", 20.0, "10,000 articles: cold ÷ warm open (CPU time)"),
    "one_changed_extracted": ("<", 2.0, "reopen after one file changed: files extracted"),
    "columns_filter_1m_ms": ("<", 100.0, "1M events: facet/date filter change (ms CPU)"),
    "columns_search_1m_ms": ("<", 100.0, "1M events: text search filter (ms CPU)"),
    "columns_edit_1m_ms": ("<", 50.0, "1M events: an edit and a re-filter (ms CPU)"),
    "columns_rss_1m_bytes": ("<", 400.0, "1M events: RSS per event beyond text, columns (B)"),
    "columns_filter_100k_ms": ("<", 20.0, "100k events: filter change (ms CPU)"),
    "open_to_paint_1m_s": ("<", 3.0, "1M events, shown window: start to first paint (s)"),
    "filter_1m_ms": ("<", 100.0, "1M events, shown window: filter change (ms)"),
    "repaint_1m_ms": ("<", 16.0, "1M events, shown window: slowest full repaint (ms)"),
    "zoom_step_1m_ms": ("<", 50.0, "1M events, shown window: zoom step (ms)"),
    "edit_1m_ms": ("<", 50.0, "1M events, shown window: an edit until painted (ms)"),
    "rss_per_event_1m_bytes": ("<", 400.0, "1M events: window RSS per event beyond text (B)"),
    "filter_100k_ms": ("<", 20.0, "100k events, shown window: filter change (ms)"),
    "zoom_step_100k_ms": ("<", 30.0, "100k events, shown window: zoom step (ms)"),
    "seeds_first_paint_s": ("<", 1.5, "seeds: process start to first painted timeline (s)"),
    "open_parallel_speedup": (">=", 1.8, "opening a folder: all cores ÷ one process (wall)"),
    "open_main_share": ("<", 0.10, "opening a folder, all cores: main process's share of CPU"),
    "command_parallel_speedup": (">=", 1.8, "`extract` command: all cores ÷ one process (wall)"),
}


def extraction(articles: int, workdir: Path) -> dict[str, float]:
    from bench.corpus import write_corpus
    from bench.cpu_watch import watching
    from viewer.core.pipeline.folder_extraction import extract_folder

    corpus = workdir / "corpus"
    write_corpus(corpus, articles, seed=11)
    text_bytes = sum(p.stat().st_size for p in corpus.rglob("article-*.txt"))
    out: dict[str, float] = {"articles": articles, "text_mb": text_bytes / 1e6}
    start = time.perf_counter()
    cpu = time.process_time()
    single = extract_folder(corpus, workers=1, use_cache=False)
    cpu = time.process_time() - cpu
    seconds = time.perf_counter() - start
    events = len(single.events)
    out.update(events=events, extract_single_s=seconds, extract_single_cpu_s=cpu,
               extract_single_mb_per_s=text_bytes / 1e6 / seconds,
               extract_single_mb_per_cpu_s=text_bytes / 1e6 / cpu,
               extract_single_events_per_s=events / seconds)
    cores = os.cpu_count() or 1
    # Like for like: without the cache, as the one-process run (filling the cache made each
    # worker also encode and write every file's entry, which the one process did not).
    with watching() as seen:
        start = time.perf_counter()
        main_cpu = time.process_time()
        extract_folder(corpus, use_cache=False)  # all cores, cold
        main_cpu = time.process_time() - main_cpu
        seconds = time.perf_counter() - start
    workers_cpu = seen.workers_cpu_s
    out.update(cores=cores, extract_parallel_s=seconds, extract_parallel_main_cpu_s=main_cpu,
               extract_parallel_workers_cpu_s=workers_cpu,
               extract_parallel_mb_per_s=text_bytes / 1e6 / seconds,
               extract_parallel_events_per_s=events / seconds,
               extract_parallel_speedup=out["extract_single_s"] / seconds,
               # the speedup the CPU times allow if the main process's work were all serial
               extract_parallel_cpu_bound=cpu / (main_cpu + workers_cpu / cores),
               load_average=os.getloadavg()[0])
    extract_folder(corpus)  # all cores, cold: fills the cache
    start = time.perf_counter()
    warm = extract_folder(corpus)
    seconds = time.perf_counter() - start
    out.update(warm_s=seconds, warm_extracted=warm.extracted)
    out["extract_mb_per_s_per_core"] = out["extract_single_mb_per_cpu_s"]
    return out


def tagger(documents: int, workdir: Path, rounds: int = 5) -> dict[str, Any]:
    """Ours against dateparser on the corpus's first articles: `bench.tagger.compare`
    (alternating rounds, CPU time, the median ratio and its range)."""
    from bench.tagger import compare

    paths = sorted((workdir / "corpus").rglob("article-*.txt"))[:documents]
    return compare([p.read_text(encoding="utf-8") for p in paths], rounds)


def scale(sizes: list[int]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for size in sizes:
        result = subprocess.run([sys.executable, "-m", "bench.scale", str(size)], cwd=ROOT,
                                capture_output=True, text=True, timeout=3600)
        if result.returncode != 0:
            out[str(size)] = {"error": result.stderr.strip().splitlines()[-1:]}
            continue
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        out[str(size)] = figures  # filter_ms, repaint_ms, zoom_step_ms: bench.ui's worst
    return out


def first_paint() -> float | None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIMELINE_VIEWER_REPORT_FIRST_PAINT="1")
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        shutil.copytree(ROOT / "seeds", seeds, ignore=shutil.ignore_patterns(".timeline-viewer"))
        start = time.time()
        result = subprocess.run([sys.executable, "-m", "viewer", "--screenshot",
                                 str(Path(tmp) / "shot.png"), str(seeds)], env=env, cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - start
    return None


def dask_engine(mb: float, open_events: int) -> dict[str, Any]:
    """The Dask engine against the local one, and a dataset's open-to-first-paint, in a
    process of their own (`bench.dask_engine`); needs the `scale` extra."""
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        return {"error": "not installed (pip install -e '.[scale]')"}
    result = subprocess.run([sys.executable, "-m", "bench.dask_engine", "--mb", str(mb),
                             "--open", str(open_events)], cwd=ROOT, capture_output=True,
                            text=True, timeout=4 * 3600)
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1:]}
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def _child(module: str, argument: int) -> dict[str, Any]:
    result = subprocess.run([sys.executable, "-m", module, str(argument)], cwd=ROOT,
                            capture_output=True, text=True, timeout=7200)
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1:]}
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def open_cost(articles: int) -> dict[str, Any]:
    """A folder opened through the app's path, one process against all cores, the CPU of
    each process, and a reopen after one change (`bench.open_cost`)."""
    return _child("bench.open_cost", articles)


def reopen(articles: int) -> dict[str, Any]:
    """Cold, warm and one-changed opens of a folder of exactly `articles` articles."""
    return _child("bench.reopen", articles)


def columns(sizes: list[int]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for size in sizes:
        figures = _child("bench.columns", size)
        if "error" not in figures:
            figures["filter_ms"] = max(figures["filter_party_ms"], figures["filter_topic_ms"],
                                       figures["filter_dates_ms"])
        out[str(size)] = figures
    return out


def verdicts(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    scale_1m = results["scale"].get("1000000", {})
    scale_100k = results["scale"].get("100000", {})
    col_1m = results.get("columns", {}).get("1000000", {})
    col_100k = results.get("columns", {}).get("100000", {})
    again = results.get("reopen", {})
    at_10k = again.get("articles") == 10_000 and "error" not in again
    odd = results.get("pathological", {})
    opened = results.get("open_cost", {})

    def case(name: str, key: str = "cpu_s") -> float | None:
        value = odd.get(name, {})
        return value.get(key) if isinstance(value, dict) else None

    values = {
        "tagger_vs_dateparser_ratio": results["tagger"].get("tagger_vs_dateparser_ratio"),
        "extract_mb_per_s_per_core": results["extraction"]["extract_mb_per_s_per_core"],
        "extract_parallel_speedup": results["extraction"]["extract_parallel_speedup"],
        "paragraph_2mb_s": case("paragraph_2mb"),
        "sentence_100kb_s": case("sentence_100kb"),
        "file_16mb_s": case("file_16mb"),
        "file_16mb_rss_mb": case("file_16mb", "peak_rss_mb"),
        "ratio_4mb_over_1mb_low": odd.get("ratio_4mb_over_1mb"),
        "ratio_4mb_over_1mb_high": odd.get("ratio_4mb_over_1mb"),
        "warm_reopen_10k_s": again["warm"]["wall_s"] if at_10k else None,
        "warm_vs_cold_10k": again["warm_vs_cold_cpu"] if at_10k else None,
        "one_changed_extracted": again.get("one_changed", {}).get("extracted"),
        "columns_filter_1m_ms": col_1m.get("filter_ms"),
        "columns_search_1m_ms": col_1m.get("filter_text_ms"),
        "columns_edit_1m_ms": col_1m.get("edit_and_refilter_ms"),
        "columns_rss_1m_bytes": col_1m.get("rss_per_event_beyond_text_bytes"),
        "columns_filter_100k_ms": col_100k.get("filter_ms"),
        "open_to_paint_1m_s": scale_1m.get("start_to_first_paint_s"),
        "filter_1m_ms": scale_1m.get("filter_ms"),
        "repaint_1m_ms": scale_1m.get("repaint_ms"),
        "zoom_step_1m_ms": scale_1m.get("zoom_step_ms"),
        "edit_1m_ms": scale_1m.get("edit_visible_ms"),
        "rss_per_event_1m_bytes": scale_1m.get("rss_per_event_beyond_text_bytes"),
        "filter_100k_ms": scale_100k.get("filter_ms"),
        "zoom_step_100k_ms": scale_100k.get("zoom_step_ms"),
        "seeds_first_paint_s": results["first_paint_s"],
        "open_parallel_speedup": opened.get("workers_vs_one_wall"),
        "open_main_share": opened.get("workers", {}).get("main_share"),
        "command_parallel_speedup": opened.get("command_workers_vs_one_wall"),
    }
    out = {}
    for key, (op, target, label) in TARGETS.items():
        value = values[key]
        if value is None:
            status = "SKIP"
        else:
            status = "PASS" if (value >= target if op == ">=" else value < target) else "FAIL"
        out[key] = {"label": label, "value": value, "target": f"{op} {target:g}",
                    "status": status}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="small sizes (200 articles, 10k events): under two minutes")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--events", type=int, nargs="+", default=None)
    parser.add_argument("--dask-mb", type=float, default=64.0,
                        help="corpus size for the local-versus-Dask comparison (full run)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()
    articles = args.articles or (200 if args.quick else 2000)
    sizes = args.events or ([10_000] if args.quick else [10_000, 100_000, 1_000_000])
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        results: dict[str, Any] = {
            "machine": {"python": platform.python_version(), "system": platform.platform(),
                        "cpus": os.cpu_count(), "processor": platform.processor() or "?"},
            "quick": args.quick,
            "extraction": extraction(articles, workdir),
            "tagger": tagger(10 if args.quick else 100, workdir, 3 if args.quick else 5),
        }
    if not args.quick:  # a few minutes; `python -m bench.pathological --quick` alone
        from bench.pathological import measure

        results["pathological"] = measure()
        results["open_cost"] = open_cost(articles)
    results["reopen"] = reopen(100 if args.quick else 10_000)
    results["columns"] = columns([10_000] if args.quick else [100_000, 1_000_000])
    results["scale"] = scale(sizes)
    results["first_paint_s"] = first_paint()
    # The engines' comparison costs minutes of CPU per engine: full runs only.
    results["dask"] = ({"skipped": "full run only"} if args.quick
                       else dask_engine(args.dask_mb, sizes[-1]))
    results["targets"] = verdicts(results)
    results["seconds"] = time.perf_counter() - started
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    print_table(results)
    print(f"\nwrote {args.out} in {results['seconds']:.0f} s")


def print_table(results: dict[str, Any]) -> None:
    ex, tg = results["extraction"], results["tagger"]
    print(f"machine: {results['machine']['cpus']} cores, Python {results['machine']['python']}")
    print(f"extraction: {ex['articles']} articles, {ex['text_mb']:.2f} MB, {ex['events']} events")
    print(f"  one process, cold   {ex['extract_single_mb_per_s']:.2f} MB/s  "
          f"{ex['extract_single_events_per_s']:,.0f} events/s  "
          f"({ex['extract_single_mb_per_cpu_s']:.2f} MB per CPU second)")
    print(f"  {ex['cores']} processes, cold  {ex['extract_parallel_mb_per_s']:.2f} MB/s  "
          f"{ex['extract_parallel_events_per_s']:,.0f} events/s  "
          f"({ex['extract_parallel_speedup']:.2f}x one process; main process CPU "
          f"{ex['extract_parallel_main_cpu_s']:.1f} s, workers "
          f"{ex['extract_parallel_workers_cpu_s']:.1f} s; CPU-bound "
          f"{ex['extract_parallel_cpu_bound']:.2f}x; load {ex['load_average']:.1f})")
    print(f"  warm reopen         {ex['warm_s']:.2f} s ({ex['warm_extracted']} files extracted)")
    from bench.tagger import describe

    print(describe(tg))
    opened = results.get("open_cost")
    if opened and "error" not in opened:
        one, many, changed = opened["one_process"], opened["workers"], opened["one_changed"]
        print(f"open {opened['articles']:,} articles through the app: one process "
              f"{one['wall_s']:.1f} s ({one['main_cpu_s']:.1f} s CPU); {many['workers']} workers "
              f"{many['wall_s']:.1f} s ({opened['workers_vs_one_wall']:.2f}x; main process "
              f"{many['main_cpu_s']:.1f} s CPU of which folder stage {many['stage_cpu_s']:.1f} s, "
              f"workers {many['workers_cpu_s']:.1f} s; peak RSS {many['peak_tree_mb']:.0f} MB "
              f"all processes); one file changed {changed['main_cpu_s']:.2f} s CPU")
        c_one, c_many = opened["command_one_process"], opened["command_workers"]
        print(f"  the extract command (JSON to a file): one process {c_one['wall_s']:.1f} s "
              f"({c_one['main_cpu_s']:.1f} s CPU); {c_many['workers']} workers "
              f"{c_many['wall_s']:.1f} s ({opened['command_workers_vs_one_wall']:.2f}x; "
              f"CPU-bound {opened['command_cpu_bound_workers_vs_one']:.2f}x; main process "
              f"{c_many['main_cpu_s']:.1f} s CPU, workers {c_many['workers_cpu_s']:.1f} s; "
              f"load {c_many['load_average']:.1f})")
    again = results.get("reopen")
    if again and "error" not in again:
        cold, warm, one = again["cold"], again["warm"], again["one_changed"]
        print(f"open {again['articles']:,} articles ({again['text_mb']:.1f} MB, "
              f"{cold['events']:,} events): cold {cold['wall_s']:.1f} s ({cold['cpu_s']:.1f} s "
              f"CPU), warm {warm['wall_s']:.2f} s ({warm['cpu_s']:.2f} s CPU), one file "
              f"changed {one['wall_s']:.1f} s ({one['extracted']} extracted)")
    for size, figures in results.get("columns", {}).items():
        if "error" in figures:
            print(f"columns {int(size):,} events: failed {figures['error']}")
            continue
        print(f"columns {int(size):,} events: filter {figures['filter_ms']:.1f} ms, search "
              f"{figures['filter_text_ms']:.0f} ms, counts {figures['counts_ms']:.0f} ms, edit "
              f"{figures['edit_and_refilter_ms']:.1f} ms, "
              f"{figures['rss_per_event_beyond_text_bytes']:.0f} B/event RSS "
              f"({figures['column_bytes_per_event']:.0f} in columns)")
    for size, figures in results["scale"].items():
        if "error" in figures:
            print(f"{int(size):,} events: failed {figures['error']}")
            continue
        print(f"{int(size):,} events, shown window: start to first paint "
              f"{figures['start_to_first_paint_s']:.1f} s "
              f"({figures['start_to_first_paint_cpu_s']:.1f} s CPU), filter "
              f"{figures['filter_ms']:.0f} ms ({figures['filter_cpu_ms']:.0f} CPU), repaint "
              f"{figures['repaint_fit_ms']:.0f}/{figures['repaint_month_ms']:.0f}/"
              f"{figures['repaint_day_ms']:.0f} ms, zoom step {figures['zoom_step_ms']:.0f} ms, "
              f"edit {figures.get('edit_visible_ms', float('nan')):.0f} ms, "
              f"{figures['rss_per_event_beyond_text_bytes']:.0f} B/event")
    for name, figures in results.get("pathological", {}).items():
        if isinstance(figures, dict) and "cpu_s" in figures:
            print(f"{name}: {figures['mb']:.2f} MB, CPU {figures['cpu_s']:.2f} s, "
                  f"peak RSS {figures['peak_rss_mb']:.0f} MB, {figures['events']} events")
        elif isinstance(figures, dict):
            print(f"{name}: failed {figures.get('error')}")
    dask = results.get("dask", {})
    engines, opened = dask.get("engines"), dask.get("dataset_open")
    if engines:
        print(f"engines on {engines['text_mb']:.1f} MB, {engines['workers']} workers: local "
              f"{engines['local_s']:.1f} s, Dask {engines['dask_s']:.1f} s (ratio "
              f"{engines['dask_vs_local_wall_ratio']:.2f}); Dask worker CPU "
              f"{engines['dask_worker_cpu_s']:.1f} s; peak RSS per worker "
              f"{engines['dask_peak_rss_mb_per_worker']} MB; driver peak RSS "
              f"{engines['driver_peak_rss_mb']:.0f} MB")
    if opened and "open_to_first_paint_s" in opened:
        print(f"dataset of {opened['events']:,} events: open to first paint "
              f"{opened['open_to_first_paint_s']:.1f} s")
    elif dask:
        print(f"dask: {dask}")
    print("\ntargets:")
    for item in results["targets"].values():
        value = item["value"]
        shown = "-" if value is None else f"{value:,.2f}"
        print(f"  {item['status']:4}  {item['label']:52} {shown:>12}  (target {item['target']})")


if __name__ == "__main__":
    main()
