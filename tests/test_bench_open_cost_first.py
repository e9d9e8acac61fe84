"""`bench.open_cost --first-open` times the extraction's import inside the open, as the
app's first open pays it; without it the import comes before the timer; `--later-open` also
finds the rules built and the fork server up."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _open(folder: Path, *more: str, workers: int = 1) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "bench.open_cost", "--open", str(folder),
                           "--workers", str(workers), *more], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_the_first_open_imports_the_extraction_inside_its_timer(tmp_path: Path) -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        shutil.copy(path, tmp_path / path.name)
    first = _open(tmp_path, "--first-open")
    later = _open(tmp_path)
    assert first["first_open"] is True and later["first_open"] is False
    assert first["import_cpu_s"] > 0 and first["import_wall_s"] > 0
    assert later["import_cpu_s"] == later["import_wall_s"] == 0
    assert first["events"] == later["events"]
    assert first["stage_cpu_s"] > 0 and later["stage_cpu_s"] > 0


def test_a_later_open_finds_the_rules_and_the_fork_server_up(tmp_path: Path) -> None:
    """`--later-open`: the open starts as a later open of the app does; with workers (enough
    files for a pool) it gives the same events as an open that starts the server itself."""
    from bench.corpus import write_corpus

    write_corpus(tmp_path, 12, seed=5)
    later = _open(tmp_path, "--later-open", workers=2)
    cold = _open(tmp_path, workers=2)
    assert later["later_open"] is True and cold["later_open"] is False
    assert later["events"] == cold["events"] > 0
    assert later["workers_cpu_s"] >= 0
