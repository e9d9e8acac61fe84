"""`bench.first_search` times the first text search of a snapshot folder through the window,
part by part, and shows the rows the same filter selects over the columns."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from bench.snapshot_folder import make
from viewer.core.query import Filter
from viewer.core.session.filtering import ColumnIndex
from viewer.core.session.loading import load

ROOT = Path(__file__).resolve().parent.parent


def test_the_first_search_is_split_into_its_parts(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    make(folder, 300)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "bench.first_search", str(folder), "talks",
                             "geneva", "talks in", "geneva in"], capture_output=True, text=True,
                            timeout=300, check=True, cwd=ROOT, env=env)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["events"] == 300
    first, second = figures["talks"], figures["geneva"]
    for part in ("total_ms", "set_filter_ms", "repaint_ms", "search_mask_ms", "counts_ms",
                 "filter_applied_ms"):
        assert first[part] >= 0 and second[part] >= 0, part
    # a word maps the saved word index (the first one only) and never the buffer; a needle
    # with a space is scanned for, the buffer mapped by the first such search only
    assert "words_map_ms" in first and "words_map_ms" not in second
    assert not any("map_and_check_ms" in figures[needle] for needle in ("talks", "geneva"))
    assert "map_and_check_ms" in figures["talks in"]
    assert "map_and_check_ms" not in figures["geneva in"]
    columns = load(folder, None, None, workers=1, use_snapshot=True).columns
    for needle, found in (("talks", first), ("geneva", second), ("talks in", figures["talks in"])):
        expected = int(np.count_nonzero(ColumnIndex(columns).select(Filter(search=needle))))
        assert found["shown"] == expected


def test_without_a_folder_it_prints_its_use() -> None:
    result = subprocess.run([sys.executable, "-m", "bench.first_search"], capture_output=True,
                            text=True, timeout=60, cwd=ROOT)
    assert result.returncode != 0
    assert "python -m bench.first_search FOLDER" in result.stderr
