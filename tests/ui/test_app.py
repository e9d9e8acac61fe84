"""The real widgets, offscreen: open the seeds, select, filter, zoom, lanes, keys, problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from viewer.core.query import Filter
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner


def find_item(window: MainWindow, fragment: str):  # type: ignore[no-untyped-def]
    scene = window.timeline.scene
    assert scene is not None
    for lane in scene.lanes:
        for item in lane.items:
            if any(fragment in window.model.events[r].text for r in item.events):
                return item
    raise AssertionError(fragment)


def test_opening_seeds_fills_every_view(window: MainWindow) -> None:
    total = len(window.model.events)
    shown = window.proxy.rowCount()
    assert total > 100 and 50 < shown < total  # boilerplate hidden by default
    assert window.status_label.text().startswith(f"{shown} of {total} events")
    assert window.timeline.scene is not None
    assert [lane.label for lane in window.timeline.scene.lanes][:3] == [
        "Ukraine", "Russia", "United States"]
    assert window.problem_dock.isHidden()


def test_selecting_in_the_timeline_highlights_the_sentence(window: MainWindow,
                                                           qtbot: QtBot) -> None:
    window.timeline.zoom_to_selection()
    window.timeline.zoom(30)  # zoom in until the late-January events are separate marks
    target = "On Wednesday, Russian forces launched an attack"
    row = next(r for r, e in enumerate(window.model.events) if target in e.text)
    window.timeline.reveal(row)
    item = find_item(window, target)
    window.timeline.click_item(item)
    assert window.detail.current_event is not None
    assert window.detail.highlighted_text() == window.detail.current_event.text
    assert window.detail.current_event.start == dt.date(2026, 1, 28) or len(item.events) > 1
    selected = window.selected_source_rows()
    assert selected and set(selected) == set(item.events)
    header = window.detail.header.text()
    assert "Parties:" in header and "Source:" in header


def test_selecting_in_the_table_shows_the_detail(window: MainWindow) -> None:
    row = next(r for r, e in enumerate(window.model.events)
               if "Rustem Umerov, said the first day of talks" in e.text)
    window.select_rows([row], row)
    assert window.detail.current_event == window.model.events[row]
    assert "Umerov" in window.detail.highlighted_text()
    assert window.timeline.current == row and window.timeline.selected == {row}
    assert "2026-02-17" in window.detail.header.text()


def test_clicking_another_event_in_the_article(window: MainWindow) -> None:
    first = next(r for r, e in enumerate(window.model.events) if e.document.startswith("000"))
    window.select_rows([first], first)
    other = next(e for e in window.model.events
                 if e.document.startswith("000") and "He vowed" in e.text)
    window.detail.eventActivated.emit(other.id)
    assert window.detail.current_event == other


def test_filter_by_party_updates_counts_and_table(window: MainWindow) -> None:
    counts = window.proxy.counts["parties"]
    turkey = counts["Turkey"]
    window.filters.facets["parties"].check(frozenset({"Turkey"}))
    window.filters.emit_filter()
    assert window.proxy.rowCount() == turkey
    assert all("Turkey" in window.proxy.event_at(i).parties for i in range(turkey))
    assert window.status_label.text().startswith(f"{turkey} of ")
    # Faceted: the topic counts now count only Turkey's events.
    assert sum(window.proxy.counts["topics"].values()) >= turkey
    assert window.proxy.counts["topics"].get("negotiations", 0) <= turkey
    assert [lane.label for lane in window.timeline.scene.lanes] == ["Turkey"]  # type: ignore[union-attr]


def test_filter_by_topic_and_search(window: MainWindow, qtbot: QtBot) -> None:
    window.filters.facets["topics"].check(frozenset({"strikes"}))
    window.filters.emit_filter()
    shown = window.proxy.rowCount()
    assert shown and all("strikes" in window.proxy.event_at(i).topics for i in range(shown))
    window.filters.search.setText("Zaporizhzhia")
    qtbot.waitUntil(lambda: window.proxy.filter.search == "Zaporizhzhia", timeout=3000)
    assert window.proxy.rowCount() >= 1
    assert all("zaporizhzhia" in window.proxy.event_at(i).text.lower()
               for i in range(window.proxy.rowCount()))
    window.filters.reset()
    assert window.proxy.filter == Filter()


def test_zoom_and_lane_modes(window: MainWindow) -> None:
    timeline = window.timeline
    before = timeline.scale.px_per_day
    timeline.zoom(2.0)
    assert abs(timeline.scale.px_per_day - 2 * before) < 1e-9
    timeline.fit()
    assert abs(timeline.scale.px_per_day - before) < before * 0.05
    window.set_lane_mode("topic")
    labels = [lane.label for lane in timeline.scene.lanes]  # type: ignore[union-attr]
    assert "Negotiations" in labels and "Ukraine" not in labels  # labels, not topic ids
    window.set_lane_mode("document")
    assert len(timeline.scene.lanes) == 5  # type: ignore[union-attr]
    window.set_lane_mode("single")
    assert len(timeline.scene.lanes) == 1  # type: ignore[union-attr]


def test_keyboard_navigation(window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.timeline
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    first = timeline.current
    assert first is not None
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    second = timeline.current
    assert second is not None and second != first
    events = window.model.events
    assert events[first].start <= events[second].start  # type: ignore[operator]
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert timeline.current == first
    px = timeline.scale.px_per_day
    qtbot.keyClick(timeline, Qt.Key.Key_Plus)
    assert timeline.scale.px_per_day > px


def test_show_boilerplate_toggle(window: MainWindow) -> None:
    shown = window.proxy.rowCount()
    window.boilerplate_action.trigger()
    assert window.proxy.rowCount() > shown
    assert window.filters.boilerplate.isChecked()


def test_problems_panel_lists_bad_files(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("date 2026-02-17 Talks resumed in Geneva on Monday.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary")
    (tmp_path / "undated.txt").write_text("Talks resumed on Tuesday in Geneva, officials said.")
    win = MainWindow(runner)
    qtbot.addWidget(win)
    open_and_wait(qtbot, win, tmp_path)
    rows = sorted(win.problem_list.lines())
    assert rows[0].startswith("binary › bad.txt:")
    assert rows[1].startswith("undated › ") and "(undated.txt)" in rows[1]  # title (file)
    assert not win.problem_dock.isHidden()


def test_models_pass_the_model_tester(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.proxy)


def test_loading_can_be_cancelled(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    for index in range(40):
        (tmp_path / f"{index:03}.txt").write_text(
            f"date 2025-03-01 Talks resumed on Monday. Officials met {index} times. " * 20)
    win = MainWindow(runner)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded, timeout=60_000):
        win.open_folder(tmp_path)
        win.cancel_load()
    assert "(cancelled)" in win.status_label.text()


def test_task_runner_reports_failures(qtbot: QtBot, runner: TaskRunner) -> None:
    def boom(ctx: object) -> None:
        raise RuntimeError("disk on fire")

    task = runner.submit("Boom", boom)
    with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
        pass
    assert "disk on fire" in blocker.args[0]
