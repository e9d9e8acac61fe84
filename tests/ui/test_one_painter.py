"""One painter for the window, every picture and the HTML report: a picture and the report of
a folder with its own topic colours and a coloured tag show those colours and the window's
lane colours, and no hidden timeline widget is made to draw them."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.ui.lane_headers import HEADER_WIDTH
from viewer.ui.main_window import MainWindow
from viewer.ui.picture import LABEL_PAD, last_label_end, picture_painter
from viewer.ui.timeline_view import NO_TAG
from viewer.ui.timeline_widget import TimelineWidget

TOPIC_COLOUR = "#123456"


def _colours(text: str) -> set[str]:
    return {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", text)}


@pytest.fixture
def coloured(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The seeds with the folder's own colour for "strikes" and a coloured tag on events."""
    dialog = window.show_topics()
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        dialog.recolour("strikes", TOPIC_COLOUR)
    dialog.close()
    scene = window.timeline.scene
    assert scene is not None
    marks = [item for item in scene.visible(-math.inf, math.inf) if item.kind != "badge"]
    tagged = [window.model.events[item.first] for item in marks[:3]]  # drawn with a square
    window.editing.add_tag("key", tagged)
    return window


def _expected(window: MainWindow) -> tuple[set[str], str]:
    timeline = window.timeline
    legend = {colour.name() for _label, colour in timeline.legend_entries()}
    assert timeline.scene is not None
    lanes = {timeline.view_colours().lane(timeline.mode, lane.key).name()
             for lane in timeline.scene.lanes}
    tag = timeline.tag_colours["key"].lower()
    assert tag != NO_TAG
    return legend | lanes, tag


def test_svg_picture_and_report_show_the_windows_colours(
        coloured: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = coloured
    expected, tag = _expected(window)
    strikes = window.timeline.view_colours().topic("strikes").name()
    assert strikes in expected  # the folder's own colour is in the window's legend
    made: list[TimelineWidget] = []
    original = TimelineWidget.__init__

    def counting(self: TimelineWidget, *args: object, **kwargs: object) -> None:
        made.append(self)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(TimelineWidget, "__init__", counting)
    svg_path = tmp_path / "timeline.svg"
    assert window.exports.export_to(svg_path, "svg") is None
    task = window.exports.export_to(tmp_path / "report.html", "html")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert made == []  # drawn by the painter alone
    svg = svg_path.read_text(encoding="utf-8")
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    drawn = report[report.index("<svg"):report.index("</svg>")]
    for text in (svg, drawn):
        found = _colours(text)
        assert expected <= found, expected - found
        assert tag in found and strikes in found
    # Inline in the report: well-formed, and loading nothing from anywhere.
    root = ET.fromstring(drawn + "</svg>")
    assert root.tag.endswith("svg")
    assert re.search(r"<[^>]+\s(?:src|href|srcset|data)\s*=", drawn) is None


@pytest.mark.parametrize("width", [900, 1200, 1600])
def test_a_fitted_picture_ends_at_its_last_label(window: MainWindow, width: int) -> None:
    """Pictures once left a third of the width as empty axis after the last event."""
    timeline = picture_painter(list(window.model.events), width)
    assert timeline.scene is not None
    content = width - HEADER_WIDTH
    end = last_label_end(timeline.scene) - timeline.view.scroll[0]
    assert end >= content - 3 * LABEL_PAD  # no empty axis after the last label
    if width >= 1200:
        assert end <= content  # and room for it (narrower ones cut it with "…" at the edge)
