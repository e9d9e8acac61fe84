"""UI speed with many events: `python -m bench.ui [--events N ...]` (offscreen).

For each size: Qt model build, filter change (party, topic, text), first paint of the
timeline once the events are in memory, a full repaint of the visible timeline at three zoom
levels (rendered into a QImage), and table scrolling. Prints a table; returns the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QTableView

from bench.synthetic import events as synthetic_events
from viewer.core.query import Filter
from viewer.ui.event_model import EventFilterProxy, EventTableModel
from viewer.ui.timeline_widget import TimelineWidget


def _ms(fn: Any, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * min(times)


def measure(count: int) -> dict[str, float]:
    app = QApplication.instance() or QApplication([])
    events = synthetic_events(count)
    figures: dict[str, float] = {"events": count}
    model = EventTableModel()
    proxy = EventFilterProxy()
    start = time.perf_counter()
    model.set_events(events)
    proxy.setSourceModel(model)
    figures["model_build_ms"] = 1000 * (time.perf_counter() - start)
    russia = Filter(parties=frozenset({"Russia"}))
    figures["filter_party_ms"] = _ms(lambda: proxy.set_filter(russia))
    figures["filter_topic_ms"] = _ms(lambda: proxy.set_filter(Filter(topics=frozenset({"energy"}))))
    figures["filter_text_ms"] = _ms(lambda: proxy.set_filter(Filter(search="geneva after")))
    proxy.set_filter(Filter())
    timeline = TimelineWidget()
    timeline.resize(1400, 700)
    image = QImage(1400, 700, QImage.Format.Format_ARGB32_Premultiplied)

    def paint() -> None:
        painter = QPainter(image)
        timeline.paint(painter, QRectF(0, 0, 1400, 700))
        painter.end()

    start = time.perf_counter()
    timeline.set_events(model.events, proxy.shown_source_rows())
    timeline.fit()
    paint()
    figures["first_paint_ms"] = 1000 * (time.perf_counter() - start)
    for name, factor in (("fit", 1.0), ("month", 40.0), ("day", 40.0)):
        if factor != 1.0:
            start = time.perf_counter()
            timeline.zoom(factor)
            figures[f"zoom_{name}_layout_ms"] = 1000 * (time.perf_counter() - start)
        figures[f"repaint_{name}_ms"] = statistics.median(_ms(paint, 1) for _ in range(5))
    table = QTableView()
    table.setModel(proxy)
    table.resize(1200, 600)
    table.show()
    app.processEvents()
    bar = table.verticalScrollBar()
    start = time.perf_counter()
    steps = 50
    for step in range(steps):
        bar.setValue(bar.maximum() * step // steps)
        table.viewport().repaint()
    figures["table_scroll_step_ms"] = 1000 * (time.perf_counter() - start) / steps
    table.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    rows = [measure(n) for n in args.events]
    keys = [k for k in rows[0] if k != "events"]
    print(f"{'measure':28}" + "".join(f"{int(r['events']):>12,}" for r in rows))
    for key in keys:
        print(f"{key:28}" + "".join(f"{r[key]:>12.1f}" for r in rows))


if __name__ == "__main__":
    main()
