"""What the timeline keeps between filter changes instead of working it out anew: text widths
and cut lane names per font, and crowded bins' shades per colour, background and level. Each
is keyed by what it depends on, so another font, palette or text gets its own answer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from pytestqt.qtbot import QtBot

from viewer.ui import text_widths as widths_module
from viewer.ui.item_batch import bin_shade
from viewer.ui.main_window import MainWindow
from viewer.ui.text_widths import TextWidths, text_widths

TEXTS = ("37", "1.2k", "Delegations met in Geneva on the ceasefire…", "", "Ärger über €", "i")


def test_kept_widths_are_the_fonts_own_and_each_font_has_its_own(qtbot: QtBot) -> None:
    assert TextWidths(QFont())  # an empty one is still a measure, never a false value
    plain, big = QFont(), QFont()
    big.setPointSizeF(plain.pointSizeF() * 2)
    for font in (plain, big):
        kept = text_widths(font)
        assert text_widths(font) is kept  # one per font key
        metrics = QFontMetricsF(font)
        for text in TEXTS * 2:  # measured, then read back
            assert kept(text) == metrics.horizontalAdvance(text)
        for width in (20.0, 60.0, 500.0):
            assert kept.elided(TEXTS[2], width) == metrics.elidedText(
                TEXTS[2], Qt.TextElideMode.ElideRight, width)
    assert text_widths(big)("Geneva") > text_widths(plain)("Geneva")


def test_kept_widths_stay_bounded(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(widths_module, "MAX_TEXTS", 50)
    kept = TextWidths(QFont())
    metrics = QFontMetricsF(QFont())
    for n in range(500):
        assert kept(f"label {n}") == metrics.horizontalAdvance(f"label {n}")
        assert kept.size <= 50


def test_a_kept_shade_is_the_shade_for_its_colour_background_and_level(
        window: MainWindow) -> None:
    builder = window.timeline.painter.batches
    colours = [QColor("#d62728"), QColor("#1f77b4")]
    bases = [QColor("white"), QColor("#202020"), QColor(255, 255, 255, 0)]  # a palette change
    for _ in range(2):  # worked out, then read back
        for colour in colours:
            for base in bases:
                for level in range(-1, 6):
                    fill, dark = builder.shade(colour, base, level)
                    want_fill, want_dark = bin_shade(colour, base, level)
                    assert (fill.rgba(), dark) == (want_fill.rgba(), want_dark)


def test_a_new_font_lays_the_timeline_out_with_its_own_widths(window: MainWindow,
                                                               qtbot: QtBot) -> None:
    timeline = window.timeline
    timeline.fit()
    scene = timeline.scene
    assert scene is not None
    assert scene.measure is text_widths(timeline.font())
    font = QFont(timeline.font())
    font.setPointSizeF(font.pointSizeF() + 3)
    timeline.setFont(font)
    timeline.set_events(timeline.events, timeline.rows)
    assert timeline.scene is not None and timeline.scene is not scene
    assert timeline.scene.measure is text_widths(font)
    assert timeline.scene.measure("Geneva") == QFontMetricsF(font).horizontalAdvance("Geneva")
