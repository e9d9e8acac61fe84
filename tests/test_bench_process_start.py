"""`bench.ui` times the first paint from the process's start as the kernel recorded it; that
start must be when the process was launched, to the kernel's clock tick, not up to a second
before it (the boot time the kernel lists is rounded down to whole seconds)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

TICK = 0.011  # the kernel counts a process's start in clock ticks (100 per second)


def test_process_start_is_when_the_process_was_launched() -> None:
    code = "import bench.ui; print(repr(bench.ui._process_start()))"
    root = Path(__file__).resolve().parent.parent
    for _ in range(3):
        launched = time.time()
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                cwd=root, check=True, timeout=120)
        ended = time.time()
        started = float(result.stdout.strip())
        assert launched - TICK <= started <= ended


def test_a_flag_or_a_missing_folder_prints_the_usage_at_once() -> None:
    """`--help` was taken for a folder: five first paints of it ran before any failure."""
    root = Path(__file__).resolve().parent.parent
    for argument in ("--help", str(root / "no such folder")):
        result = subprocess.run([sys.executable, "-m", "bench.ui", argument],
                                capture_output=True, text=True, cwd=root, timeout=60)
        assert result.returncode != 0
        assert "python -m bench.ui FOLDER" in result.stderr
