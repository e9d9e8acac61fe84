"""Every picture names its lanes as the window does: an article's title, a topic's label, a
tag. The HTML report and the picture exports once named document lanes by file name."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.ui import picture
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline_paint import TimelinePainter


@pytest.mark.parametrize("mode", ["document", "topic", "tag", "party"])
def test_exports_name_lanes_as_the_window_does(window: MainWindow, qtbot: QtBot,
                                               tmp_path: Path, mode: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    events = list(window.model.events)
    window.editing.add_tag("key", events[:3])
    window.set_lane_mode(mode)
    assert window.timeline.scene is not None
    shown = [lane.label for lane in window.timeline.scene.lanes]
    if mode == "document":
        assert set(shown) <= set(window.titles().values())  # titles, not file names
    drawn: list[TimelinePainter] = []
    made = picture.picture_painter

    def spy(*args: object, **kwargs: object) -> TimelinePainter:
        painter = made(*args, **kwargs)  # type: ignore[arg-type]
        drawn.append(painter)
        return painter

    monkeypatch.setattr(picture, "picture_painter", spy)
    for fmt in ("svg", "png", "pdf"):
        assert window.exports.export_to(tmp_path / f"timeline.{fmt}", fmt) is None
    task = window.exports.export_to(tmp_path / "report.html", "html")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert len(drawn) == 4
    for painter in drawn:
        assert painter.scene is not None
        assert sorted(lane.label for lane in painter.scene.lanes) == sorted(shown)
