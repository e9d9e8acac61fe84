"""A static SVG timeline for reports: lanes by party, one mark per event, a time axis.

Built from the same core scene as the app (scale, ticks, lanes, clusters), so the report
shows what the app shows; every string is escaped and nothing refers outside the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from viewer.core.events import Event
from viewer.core.scene import LANE_PAD, ROW_HEIGHT, Scene, extent, fit_scale, ticks

WIDTH = 1000.0
HEADER = 130.0
AXIS = 30.0
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
           "#e377c2", "#bcbd22", "#7f7f7f")


def timeline_svg(events: Sequence[Event], mode: str = "party") -> str:
    rows = [i for i, e in enumerate(events) if e.start is not None]
    span = extent(events, rows)
    if span is None:
        return "<p><i>No dated events to draw.</i></p>"
    scale = fit_scale(span[0], span[1], WIDTH - HEADER, right=40)
    scene = Scene(events, rows, mode, scale,
                  measure=lambda text: 6.2 * len(text), label_of=lambda e: "")
    height = scene.height + AXIS + 10
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {WIDTH:.0f} {height:.0f}' "
           f"role='img' aria-label='Timeline of {len(rows)} events' font-family='sans-serif' "
           "font-size='11'>", f"<rect width='{WIDTH:.0f}' height='{height:.0f}' fill='white'/>"]
    _, marks = ticks(scale.ordinal(0), scale.ordinal(WIDTH - HEADER), scale.px_per_day)
    for tick in marks:
        x = HEADER + scale.x(tick.ordinal)
        if HEADER <= x <= WIDTH:
            out.append(f"<line x1='{x:.1f}' y1='{AXIS - (8 if tick.major else 4)}' "
                       f"x2='{x:.1f}' y2='{height:.0f}' stroke='#ddd'/>")
            out.append(f"<text x='{x + 2:.1f}' y='{AXIS - 12}' fill='#555'>"
                       f"{escape(tick.label)}</text>")
    for index, lane in enumerate(scene.lanes):
        colour = COLOURS[index % len(COLOURS)]
        top = AXIS + lane.y
        out.append(f"<line x1='0' y1='{top + lane.height:.1f}' x2='{WIDTH:.0f}' "
                   f"y2='{top + lane.height:.1f}' stroke='#eee'/>")
        out.append(f"<text x='6' y='{top + LANE_PAD + 12:.1f}' fill='#222'>"
                   f"{escape(lane.label[:20])} ({lane.count})</text>")
        for item in lane.items:
            y = top + LANE_PAD + item.row * ROW_HEIGHT + ROW_HEIGHT / 2
            x0, x1 = HEADER + item.x0, HEADER + item.x1
            first = events[item.events[0]]
            tip = escape(f"{first.start}: {first.text[:140]}")
            if item.kind == "badge":
                out.append(f"<g><title>{len(item.events)} events</title>"
                           f"<rect x='{x0:.1f}' y='{y - 7:.1f}' width='{x1 - x0:.1f}' "
                           f"height='14' rx='7' fill='{colour}'/>"
                           f"<text x='{(x0 + x1) / 2:.1f}' y='{y + 4:.1f}' fill='white' "
                           f"text-anchor='middle'>{len(item.events)}</text></g>")
            elif item.kind == "bar":
                out.append(f"<rect x='{x0:.1f}' y='{y - 5:.1f}' width='{x1 - x0:.1f}' "
                           f"height='10' rx='3' fill='{colour}' fill-opacity='0.35' "
                           f"stroke='{colour}'><title>{tip}</title></rect>")
            else:
                fill = colour if first.date_source == "explicit" else "white"
                out.append(f"<circle cx='{(x0 + x1) / 2:.1f}' cy='{y:.1f}' r='5' "
                           f"fill='{fill}' stroke='{colour}' stroke-width='1.5'>"
                           f"<title>{tip}</title></circle>")
    out.append("</svg>")
    return "\n".join(out)
