"""A filter turned off again shows the scene (and the batch) made for those rows before,
the same picture as a scene made anew; a zoom or an edit since makes it anew."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.ui.test_item_batches import _builds
from viewer.core.query import Filter
from viewer.ui.main_window import MainWindow


def _shot(window: MainWindow) -> QImage:
    viewport = window.timeline.viewport()
    viewport.repaint()
    return viewport.grab().toImage()


def _toggle(window: MainWindow, value: Filter) -> None:
    window.proxy.set_filter(value)
    window.timeline.viewport().repaint()
    window.proxy.set_filter(Filter())
    window.timeline.viewport().repaint()


def test_a_filter_turned_off_shows_the_kept_scene_as_a_new_one_would(
        window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.timeline
    party = next(p for p in window.proxy.counts.get("parties", {}) if p)
    one = Filter(parties=frozenset({party}))
    _toggle(window, one)  # the scenes of both filters made and kept
    every = timeline.scene
    window.proxy.set_filter(one)
    timeline.viewport().repaint()
    narrow = timeline.scene
    assert _builds(window, lambda: window.proxy.set_filter(Filter())) == 0  # its batch too
    assert timeline.scene is every
    kept = _shot(window)
    timeline.kept.clear()
    timeline.set_mode(timeline.mode)  # the same rows laid out anew
    assert timeline.scene is not every
    assert _shot(window) == kept  # the same pixels
    window.proxy.set_filter(one)
    assert timeline.scene is not narrow  # dropped with the rest: made anew


def test_a_scene_laid_out_again_or_edited_since_is_made_anew(window: MainWindow,
                                                             qtbot: QtBot) -> None:
    timeline = window.timeline
    party = next(p for p in window.proxy.counts.get("parties", {}) if p)
    one = Filter(parties=frozenset({party}))
    _toggle(window, one)
    every = timeline.scene
    assert every is not None
    version = every.version
    timeline.zoom(1.25)  # the same scene laid out again (the zoom stays through filters)
    assert timeline.scene is every and every.version != version
    _toggle(window, one)
    assert timeline.scene is not every
    every = timeline.scene
    _toggle(window, one)
    assert timeline.scene is every  # untouched since: kept
    rows = window.proxy.shown_source_rows()
    window.editing.add_tag("kept scenes", [window.model.events[rows[0]]])
    _toggle(window, one)
    assert timeline.scene is not every  # the columns were edited: their stamp moved


def test_scenes_made_before_an_edit_are_let_go(window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.timeline
    party = next(p for p in window.proxy.counts.get("parties", {}) if p)
    one = Filter(parties=frozenset({party}))
    _toggle(window, one)
    every = weakref.ref(timeline.scene)
    window.proxy.set_filter(one)
    timeline.viewport().repaint()
    narrow = weakref.ref(timeline.scene)
    rows = window.proxy.shown_source_rows()
    window.editing.add_tag("let go", [window.model.events[rows[0]]])
    window.proxy.set_filter(Filter())  # one new scene: room for one more kept
    timeline.viewport().repaint()
    gc.collect()
    # neither the widget's kept scenes nor the painter's batches hold them
    assert every() is None and narrow() is None
