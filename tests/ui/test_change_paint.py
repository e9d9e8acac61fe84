"""What a filter change paints in the timeline's surroundings, made cheaper without changing a
pixel: the key's colours taken from the painter's per-value colours (worked out anew, each
read the application's palette), and the overview's bars drawn in one call."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from pytestqt.qtbot import QtBot

from viewer.core.query import Filter
from viewer.core.scene.lanes import first_value_counts
from viewer.ui import legend_paint, overview_strip
from viewer.ui import text_widths as text_widths_module
from viewer.ui.main_window import MainWindow
from viewer.ui.overview_strip import OverviewStrip


def _key_colours(window: MainWindow) -> list[tuple[str, int]]:
    return [(label, colour.rgba()) for label, colour in window.timeline.legend_entries()]


def _expected(window: MainWindow) -> list[tuple[str, int]]:
    """The key's colours worked out from the timeline's colours themselves."""
    view = window.timeline.painter.view
    colours = window.timeline.view_colours()
    if view.mode == "topic":
        parties = first_value_counts(view.events, view.rows, "parties")[:10]
        return [(name, colours.party(name).rgba()) for name, _n in parties]
    found = []
    for key, _n in first_value_counts(view.events, view.rows, "topics"):
        topic = colours.taxonomy.get(key)
        found.append((topic.label if topic else key, colours.topic(key).rgba()))
    return found


def test_the_key_takes_the_colours_the_marks_take(window: MainWindow) -> None:
    """By lane mode, filter and palette: each change leaves the key with the colours its
    own colours object gives, never ones kept from before the change."""
    timeline = window.timeline
    assert _key_colours(window), "the seeds' key names some colours"
    assert _key_colours(window) == _expected(window)
    party = next(p for p in window.proxy.counts.get("parties", {}) if p)
    window.proxy.set_filter(Filter(parties=frozenset({party})))
    assert _key_colours(window) == _expected(window)
    window.set_lane_mode("topic")
    assert _key_colours(window), "in topic lanes the key names parties"
    assert _key_colours(window) == _expected(window)
    window.set_lane_mode("party")
    before = _key_colours(window)
    palette = timeline.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    timeline.setPalette(palette)
    timeline.viewport().repaint()
    timeline.set_events(timeline.events, timeline.rows)  # a change under the new palette
    assert _key_colours(window) == _expected(window)
    # new topic colours (a folder's own taxonomy): the key changes with them
    taxonomy = timeline.view_colours().taxonomy
    timeline.taxonomy = dataclasses.replace(taxonomy, topics=tuple(
        dataclasses.replace(t, color="#123456") for t in taxonomy.topics))
    timeline.viewport().repaint()
    timeline.set_events(timeline.events, timeline.rows)
    after = _key_colours(window)
    assert after == _expected(window)
    assert [label for label, _c in before] == [label for label, _c in after]
    assert after != before and QColor("#123456").rgba() in {rgba for _l, rgba in after}


class _OneByOne(QPainter):
    """A painter that draws a list of rectangles one call each, as the strip did."""

    def drawRects(self, rects: object) -> None:  # type: ignore[override]
        assert isinstance(rects, list)
        for rect in rects:
            self.drawRect(rect)


def _strip_image(strip: OverviewStrip) -> QImage:
    image = QImage(strip.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    strip.render(image)
    return image


def test_the_overview_draws_its_bars_in_one_call_as_one_by_one(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    strip = OverviewStrip(150.0)
    qtbot.addWidget(strip)
    strip.resize(1357, 44)  # a fractional bar width: bars at fractional places
    strip.span = (730_000, 731_000)
    strip.counts = [0, 3, 1, 7, 0, 0, 40, 2, 1, 1] * 24 + [5, 0, 9]
    strip.lens = (730_200.0, 730_400.5)
    together = _strip_image(strip)
    monkeypatch.setattr(overview_strip, "QPainter", _OneByOne)
    apart = _strip_image(strip)
    assert together == apart
    assert together.pixelColor(int(150 + 1357 / 2), 30) != QColor(0, 0, 0, 0)
    assert QRectF(together.rect()).width() == 1357



def test_the_overview_sets_its_kept_bars_anew_at_each_paint(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bars' rectangles are kept from one paint to the next and set anew: counts of
    fewer bars, then more, draw what a strip painting them first draws; a paint of as many
    bars as the last makes no rectangle."""
    made = [0]

    class _Counted(QRectF):
        def __init__(self, *args: Any) -> None:
            made[0] += 1
            super().__init__(*args)

    def strip() -> OverviewStrip:
        made = OverviewStrip(150.0)
        qtbot.addWidget(made)
        made.resize(1357, 44)
        _strip_image(made)  # its resize delivered (which bins its events) before the counts
        made.span, made.lens = (730_000, 731_000), (730_200.0, 730_400.5)
        return made

    monkeypatch.setattr(overview_strip, "QRectF", _Counted)
    kept = strip()
    for counts in ([0, 3, 1, 7] * 60, [5] * 10 + [0] * 200 + [9], [1, 2, 0] * 80):
        fresh, bare = strip(), strip()
        kept.counts = fresh.counts = counts
        bare.counts = [0] * len(counts)
        image = _strip_image(kept)
        assert image == _strip_image(fresh)
        assert image != _strip_image(bare)  # bars were drawn
    made[0] = 0
    _strip_image(kept)
    assert made[0] == 3  # the strip's area, its title's and the lens's; none of the 160 bars
    assert len(kept._bars) == 160


def test_the_key_is_laid_out_once_per_what_it_shows(window: MainWindow,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A repaint reuses the key's lines; new names, colours, room or font lay it out again,
    as a painter without the kept lines would."""
    made = [0]
    original = legend_paint.lay_out

    def counted(*args: Any) -> list[list[legend_paint.Key]]:
        made[0] += 1
        return original(*args)

    monkeypatch.setattr(legend_paint, "lay_out", counted)
    legend_paint._LAID_OUT.clear()
    timeline = window.timeline
    viewport = timeline.viewport()

    def lines() -> list[list[tuple[str, int, str]]]:
        made[0] = 0
        viewport.repaint()
        return [[(label, colour.rgba(), shape) for label, colour, shape in row]
                for row in timeline.painter.legend_rows]

    def fresh() -> list[list[tuple[str, int, str]]]:
        legend_paint._LAID_OUT.clear()
        return lines()

    first = lines()
    assert made[0] == 1 and lines() == first and made[0] == 0  # a repaint: kept
    party = next(p for p in window.proxy.counts.get("parties", {}) if p)
    window.proxy.set_filter(Filter(parties=frozenset({party})))
    assert lines() == fresh()
    window.set_lane_mode("topic")  # other names and colours
    topic_lines = lines()
    assert made[0] == 1 and topic_lines != first and topic_lines == fresh()
    window.set_lane_mode("party")
    window.proxy.set_filter(Filter())
    assert lines() == first  # laid out again: the filter change above cleared the kept lines
    timeline.resize(620, timeline.height())  # less room: names cut
    narrow = lines()
    assert made[0] == 1 and narrow == fresh()
    font = timeline.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    timeline.setFont(font)
    bigger = lines()
    assert made[0] == 1 and bigger == fresh()


class _CountedMetrics:
    """A font's metrics that count what they are asked to measure or cut."""

    def __init__(self, metrics: Any) -> None:
        self.metrics, self.asked = metrics, 0

    def horizontalAdvance(self, text: str) -> float:
        self.asked += 1
        return float(self.metrics.horizontalAdvance(text))

    def elidedText(self, text: str, mode: Any, width: float) -> str:
        self.asked += 1
        return str(self.metrics.elidedText(text, mode, width))


def test_the_keys_names_are_measured_and_cut_once_per_font(window: MainWindow,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """A key laid out again (a filter to a value not shown before: new lines, mostly the same
    names) takes each name's width and cuts from the font's kept measures, and lays out the
    same lines as before; a narrower timeline's cut names are cut once."""
    timeline = window.timeline
    viewport = timeline.viewport()
    kept: list[text_widths_module.TextWidths] = []
    original = legend_paint.text_widths

    def captured(font: Any) -> text_widths_module.TextWidths:
        found = original(font)
        kept.append(found)
        return found

    monkeypatch.setattr(legend_paint, "text_widths", captured)
    viewport.repaint()
    widths = kept[-1]
    counted = _CountedMetrics(widths._metrics)
    monkeypatch.setattr(widths, "_metrics", counted)
    first = [list(row) for row in timeline.painter.legend_rows]
    for _ in range(2):
        legend_paint._LAID_OUT.clear()
        viewport.repaint()
        assert counted.asked == 0 and timeline.painter.legend_rows == first
    timeline.resize(620, timeline.height())
    viewport.repaint()
    narrow = [list(row) for row in timeline.painter.legend_rows]
    asked = counted.asked  # (none when an earlier paint in this font cut them already)
    assert narrow != first
    legend_paint._LAID_OUT.clear()
    viewport.repaint()
    assert counted.asked == asked and timeline.painter.legend_rows == narrow
