"""Cold open, warm reopen and reopen-after-one-change of a generated folder, each measured in a
fresh process: `python -m bench.reopen ARTICLES`.

Extraction runs in one process (workers=1) so that its CPU time is all counted: worker
processes started through a fork server are not children whose time `getrusage` sees.

Prints one JSON line. Nothing is extrapolated: the folder has exactly ARTICLES articles.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

_OPEN = """
import json, resource, sys, time
from viewer.core.session import Session
wall, cpu = time.perf_counter(), time.process_time()
session = Session.open(sys.argv[1], with_store=False, workers=1)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({"wall_s": wall, "cpu_s": cpu,
                  "events": session.size, "documents": len(session.documents),
                  "extracted": session.loaded.extracted, "cached": session.loaded.cached,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def open_once(folder: Path) -> dict[str, Any]:
    """One open in a fresh process. `cpu_s` is that process's own CPU time during the open;
    `process_tree_cpu_s` adds interpreter start-up and imports."""
    before = _children_cpu()
    done = subprocess.run([sys.executable, "-c", _OPEN, str(folder)], cwd=ROOT,
                          capture_output=True, text=True, timeout=7200, check=True)
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process_tree_cpu_s"] = _children_cpu() - before
    return figures


def measure(articles: int) -> dict[str, Any]:
    from bench.corpus import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, articles, seed=11)
        text_mb = sum(p.stat().st_size for p in folder.rglob("article-*.txt")) / 1e6
        cold = open_once(folder)
        warm = open_once(folder)
        changed = next(folder.rglob("article-*.txt"))
        time.sleep(0.01)
        with changed.open("a", encoding="utf-8") as fh:
            fh.write("\nTalks resumed in Geneva on 3 March 2026.\n")
        one = open_once(folder)
    return {"articles": articles, "text_mb": text_mb, "cold": cold, "warm": warm,
            "one_changed": one, "warm_vs_cold_wall": cold["wall_s"] / warm["wall_s"],
            "warm_vs_cold_cpu": cold["cpu_s"] / warm["cpu_s"]}


def main() -> None:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    print(json.dumps(measure(articles)))


if __name__ == "__main__":
    main()
