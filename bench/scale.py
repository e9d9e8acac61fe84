"""One window measurement at N synthetic events, in processes of their own:
`python -m bench.scale N` writes N events as a folder with a real snapshot
(`bench.snapshot_folder`), then opens it in a fresh process with `bench.ui` (the shown
window, through the app's own loading path) and prints that process's JSON line."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path


def rss_bytes() -> int:
    """Current resident set size (Linux), else the peak."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main() -> None:
    count = int(sys.argv[1])
    from bench.snapshot_folder import make

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / f"events-{count}"
        make(folder, count)
        result = subprocess.run([sys.executable, "-m", "bench.ui", str(folder)],
                                capture_output=True, text=True, check=True, timeout=3600)
    print(json.dumps(json.loads(result.stdout.strip().splitlines()[-1])))


if __name__ == "__main__":
    main()
