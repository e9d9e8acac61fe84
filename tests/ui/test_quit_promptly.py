"""Quitting while a folder loads: the process is gone at once and leaves no worker behind.
The window used to close at once but the process stayed about 9 s, finishing the cancelled
load's folder stage, and a worker launched during the quit waited for tasks forever."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.corpus import write_corpus

ROOT = Path(__file__).resolve().parents[2]
GONE_WITHIN_S = 3.0  # about 0.4 s here on a shared machine; the old way took about 9 s


def _session_members(sid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
# as the workers start; while they work; a moment after a Cancel while they work
@pytest.mark.parametrize("when", ["50", "workers", "cancel"])
def test_quit_during_a_load_ends_the_process_and_its_workers(tmp_path: Path, when: str) -> None:
    folder = tmp_path / "articles"
    write_corpus(folder, 200)
    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.quit_during_load", str(folder), when],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)
    out, err = process.communicate(timeout=120)
    ended = time.time()
    lines = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
    assert lines.get("loading") == "True", out  # the close came while the folder loaded
    # Nothing went wrong on the way out: a Cancel, then a quit, printed the InvalidStateError
    # of the extraction pool's thread, which failed the cancelled tasks once more.
    assert "Traceback" not in err and "Error" not in err, err
    # Leaving without the exit handlers left the pools' semaphores to the resource tracker,
    # which removed them and said so.
    assert "leaked" not in err, err
    assert ended - float(lines["closed"]) < GONE_WITHIN_S
    deadline = time.monotonic() + 2.0  # a terminated worker takes a moment to go
    while _session_members(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _session_members(process.pid) == []
