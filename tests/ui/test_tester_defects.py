"""Defects a tester found in the shown window, each with the check that would have caught it."""

from __future__ import annotations

from viewer.ui.main_window import MainWindow


def test_the_selected_event_keeps_its_label_in_every_lane(window: MainWindow) -> None:
    """Lanes by party put one event in several lanes; selecting it drew its bold label in the
    first lane only and left a bare mark in the others."""
    events = window.model.events
    rows = [r for r in window.proxy.rows
            if "Talks between Russia and Ukraine" in events[r].text
            and len(events[r].parties) >= 2]
    assert rows, "the seeds hold the Geneva talks event with several parties"
    window.select_rows([rows[0]], rows[0])
    timeline = window.timeline
    timeline.zoom_to_selection()
    assert not timeline.grab().isNull()
    scene = timeline.scene
    assert scene is not None
    left, right = timeline.painter.labels.visible
    lanes = {i.lane for i in scene.visible(left, right)
             if i.kind != "badge" and rows[0] in i.events}
    assert len(lanes) >= 2, "the event is shown in several lanes"
    assert len(timeline.painter.labels.current_label_boxes) == len(lanes)
