"""One UI scale measurement in a process of its own, so its peak memory is its own:
`python -m bench.scale N` prints a JSON line of figures."""

from __future__ import annotations

import json
import os
import resource
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_bytes() -> int:
    """Current resident set size (Linux), else the peak."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main() -> None:
    count = int(sys.argv[1])
    from PySide6.QtWidgets import QApplication

    from bench.synthetic import events as synthetic_events
    from bench.ui import measure

    QApplication.instance() or QApplication([])
    before = rss_bytes()
    events = synthetic_events(count)
    text_bytes = sum(sys.getsizeof(e.text) for e in events)
    del events
    figures = measure(count)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    figures["peak_rss_mb"] = after / 1e6
    figures["rss_per_event_beyond_text_bytes"] = max(0.0, (after - before - text_bytes) / count)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
