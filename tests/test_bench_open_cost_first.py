"""`bench.open_cost --first-open` times the extraction's import inside the open, as the
app's first open pays it; without it the import comes before the timer."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _open(folder: Path, *more: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "bench.open_cost", "--open", str(folder),
                           "--workers", "1", *more], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=True,
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
