"""Labels prepared for many items at once (badges' representatives scored together, their
events made in one pass) are the labels found one item at a time."""

from __future__ import annotations

import math

import pytest

from tests.core.test_column_lanes import _sample
from tests.core.workcount import lines_run
from viewer.core.scene.lanes import extent
from viewer.core.scene.layout import Scene, TimeScale


@pytest.mark.parametrize("px", [0.05, 0.4, 3.0])
def test_prepared_labels_equal_labels_found_one_by_one(px: float) -> None:
    events, columns, rows = _sample(3000)
    span = extent(events, rows)
    assert span is not None
    scale = TimeScale(span[0], px)
    window = (0.0, 3000.0)
    plain = Scene(columns, rows, "party", scale, window=window, dense=False)
    prepared = Scene(columns, rows, "party", scale, window=window, dense=False)
    items = plain.visible(*window)
    badges = [i for i in items if i.kind == "badge" and i.label_x1 - i.x1 - 4 >= 24]
    assert badges  # the case the preparing is for
    prepared.prepare_labels(prepared.visible(*window))
    assert [prepared.label(i) for i in prepared.visible(*window)] == [
        plain.label(i) for i in items]
    assert all(prepared._representatives[(i.lane, i.events[0], len(i.events))]
               == plain.representative(i.events) for i in badges)


def test_preparing_labels_costs_fixed_lines_per_item() -> None:
    """One scoring for all the badges: the Python work follows the items, not their rows."""
    def work(copies: int) -> int:
        events, columns, rows = _sample(1500 * copies)
        span = extent(events, rows)
        assert span is not None
        scene = Scene(columns, rows, "single", TimeScale(span[0], 0.05), dense=False)
        items = scene.visible(-math.inf, math.inf)
        counter = [0]
        lines_run(lambda: scene.prepare_labels(items), counter)
        return counter[0] // max(1, len(items))

    assert work(4) <= work(1) + 2
