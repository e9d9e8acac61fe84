"""Temporal tagger throughput on TimeML files: `python -m bench.tagger DIR_OR_FILE...`.

Reads the text and creation date of each .tml file, tags every document in one process (so
start-up is not counted) and prints characters, words, seconds and MB/s on one core: wall
time and CPU time, each the fastest of the runs (a loaded machine inflates wall time).
"""

from __future__ import annotations

import argparse
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from viewer.core.ingest.written_dates import parse_full_date
from viewer.core.timex import Tagger


def read_timeml(path: Path) -> tuple[str, str | None]:
    root = ET.parse(path).getroot()
    dct = next((t.get("value") for d in root.iter("DCT") for t in d.iter("TIMEX3")), None)
    return "".join(next(root.iter("TEXT")).itertext()), dct


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the fastest is reported")
    args = parser.parse_args()
    files = [f for p in args.paths for f in (sorted(p.rglob("*.tml")) if p.is_dir() else [p])]
    docs = [(text, parse_full_date((dct or "")[:10])) for text, dct in map(read_timeml, files)]
    tagger = Tagger()
    best = best_cpu = float("inf")
    found = 0
    for _ in range(args.repeat):
        start, cpu = time.perf_counter(), time.process_time()
        found = sum(len(tagger.tag(text, dct)) for text, dct in docs)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best = min(best, time.perf_counter() - start)
    chars = sum(len(text) for text, _ in docs)
    words = sum(len(text.split()) for text, _ in docs)
    print(f"{len(docs)} documents, {words} words, {chars} characters, {found} expressions")
    print(f"tagger time {best:.3f} s wall, {best_cpu:.3f} s CPU (fastest of {args.repeat}), "
          f"{chars / best_cpu / 1e6:.2f} MB/s, {words / best_cpu:,.0f} words/s of CPU on one "
          "core")


if __name__ == "__main__":
    main()
