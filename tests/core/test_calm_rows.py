"""A lane row where no mark is short of room before a dot it might run over is placed with
array work (`label_layout.calm_rooms`); its label ends are the ones `place` gives, mark by
mark, and only the other rows go through `place`."""

from __future__ import annotations

import numpy as np
import pytest

from bench.synthetic import events as synthetic_events
from tests.core.test_lane_order import _columns
from viewer.core.scene import label_layout
from viewer.core.scene.layout import Scene, TimeScale
from viewer.core.scene.row_group import rows_array


def _ends(events: object, rows: object, px: float, current: int | None) -> list[tuple]:
    scene = Scene(events, rows, "party", TimeScale(730_000.0, px),  # type: ignore[arg-type]
                  measure=lambda text: 5.5 * len(text), current=current)
    return [(item.lane, item.row, item.x0, item.label_x1, item.over,
             rows_array(item.events).tolist()) for lane in scene.lanes for item in lane.items]


@pytest.mark.parametrize("px", [0.05, 0.4, 3.0, 25.0])
def test_calm_rows_end_their_labels_where_place_ends_them(
        px: float, monkeypatch: pytest.MonkeyPatch) -> None:
    events = _columns(synthetic_events(1500, seed=21))
    rows = np.arange(0, 1500, 2)
    for current in (None, 40, 1001):
        found = _ends(events, rows, px, current)
        with monkeypatch.context() as patched:  # every row through `place`, as before
            patched.setattr(label_layout, "calm_rooms", _never_calm)
            assert _ends(events, rows, px, current) == found


def _never_calm(x0: np.ndarray, x1: np.ndarray, solid: np.ndarray, starts: np.ndarray,
                most: float) -> tuple[np.ndarray, np.ndarray]:
    room, calm = _calm_rooms(x0, x1, solid, starts, most)
    return room, np.zeros_like(calm)


_calm_rooms = label_layout.calm_rooms


def test_only_crowded_rows_go_through_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """At fit zoom most of a lane's rows are calm: `place` runs for the rest only."""
    events = _columns(synthetic_events(20_000, seed=4))
    placed = [0]
    real = label_layout.place

    def counted(*args: object, **kwargs: object) -> list[float]:
        placed[0] += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(label_layout, "place", counted)
    scene = Scene(events, np.arange(0, 20_000, 10), "party", TimeScale(736_000.0, 0.1))
    rows = {(lane.key, item.row) for lane in scene.lanes for item in lane.items}
    assert placed[0] < len(rows) / 2
