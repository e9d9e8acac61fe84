"""The analyst's links resolved at scale, in a process of its own: `python -m bench.links N`.

Builds N synthetic events in clusters of three (as `bench.columns` builds them), links one
event at the start with one in the middle, and measures the resolution (`relink`: one pass
over the cluster column, then the joined clusters only) and writing its rows into the
columns. Goal: under the 50 ms an edit may take at a million events. Prints one JSON line.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from bench.columns import BATCH, _documents
from bench.synthetic import events as synthetic_events
from viewer.core.session.columns import EventColumns
from viewer.core.session.filtering import ColumnIndex
from viewer.core.session.happening_merge import Linked, relink


def _best(action: Callable[[], Any]) -> tuple[float, float, Any]:
    """The best of five runs: CPU ms, wall ms, and the last result."""
    cpu = wall = float("inf")
    result = None
    for _ in range(5):
        start, clock = time.process_time(), time.perf_counter()
        result = action()
        cpu = min(cpu, time.process_time() - start)
        wall = min(wall, time.perf_counter() - clock)
    return cpu * 1000, wall * 1000, result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    texts: dict[str, str] = {}

    def text_of(document: str, start: int, end: int) -> str:
        return texts[document][start:end]

    parts = []
    for first in range(0, count, BATCH):
        batch = synthetic_events(min(BATCH, count - first), seed=first)
        batch = [dataclasses.replace(e, id=f"{first + i:012x}") for i, e in enumerate(batch)]
        parts.append(EventColumns.build(_documents(batch, first, texts), text_of))
    columns = EventColumns.concat(parts, text_of)
    columns.arrays["cluster"] = columns.arrays["id"][(np.arange(count) // 3) * 3].copy()
    index = ColumnIndex(columns)
    one, other = columns.event(10), columns.event(count // 2)
    links = {one.id: Linked(frozenset({"k"})), other.id: Linked(frozenset({"k"}))}
    cpu, wall, (updates, covered) = _best(lambda: relink(columns, columns.event, links, (), {}))
    write_cpu, write_wall, _ = _best(lambda: index.edit(updates))
    print(json.dumps({"events": count, "relink_cpu_ms": round(cpu, 2),
                      "relink_wall_ms": round(wall, 2), "rows_covered": len(covered),
                      "rows_changed": len(updates), "write_cpu_ms": round(write_cpu, 2),
                      "write_wall_ms": round(write_wall, 2)}))


if __name__ == "__main__":
    main()
