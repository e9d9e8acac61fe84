"""A writer killed with SIGKILL at random moments never leaves an inconsistent store, and
every edit it reported as committed is there when the store is opened again."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from viewer.core.store.analyst_store import Store, store_path

CHILD = r"""
import sys
from viewer.core.store import edits
from viewer.core.store.analyst_store import Store
store = Store.for_folder(sys.argv[1])
start = int(sys.argv[2])
edits.CreateTag("", "t", "#ff0000").apply(store)
i = start
while True:
    eid = f"e{i}"
    edits.TagEvents.make(store, "t", [eid], True).apply(store)
    edits.SetNote.make(store, eid, f"note {i}").apply(store)
    edits.SetReview.make(store, [eid], "accepted").apply(store)
    print(f"committed {i}", flush=True)
    i += 1
"""


def _read_now(fd: int) -> str:
    """What the child has written so far, without waiting for more."""
    try:
        return os.read(fd, 1 << 16).decode()
    except BlockingIOError:
        return ""


def test_sigkill_never_loses_a_committed_edit(tmp_path: Path) -> None:
    rnd = random.Random(1234)
    reported: list[int] = []
    start = 0
    for _round in range(6):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path), str(start)],
                                 stdout=subprocess.PIPE)
        assert child.stdout is not None
        os.set_blocking(child.stdout.fileno(), False)
        # Kill at a random moment after the child's first commit, not after a fixed time:
        # on a loaded machine the child may need seconds just to start.
        output = ""
        started = time.monotonic()
        while "committed " not in output and time.monotonic() < started + 120:
            output += _read_now(child.stdout.fileno())
            time.sleep(0.01)
        deadline = time.monotonic() + rnd.uniform(0.05, 0.6)
        while time.monotonic() < deadline:
            output += _read_now(child.stdout.fileno())
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        output += child.stdout.read().decode()
        lines = [line for line in output.splitlines() if line.startswith("committed ")]
        reported += [int(line.split()[1]) for line in lines]
        start = (max(reported) + 1 if reported else start) + 1000
        db = sqlite3.connect(store_path(tmp_path))
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()
        store = Store.for_folder(tmp_path)
        assert store.moved_aside is None
        data = store.load()
        for i in reported:
            eid = f"e{i}"
            assert data.event_tags.get(eid) == {"t"}, eid
            assert data.notes.get(eid) == f"note {i}"
            assert data.reviews.get(eid) == "accepted"
        store.close()
    assert len(reported) >= 6  # the child committed work before every kill
