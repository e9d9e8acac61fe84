"""A lane's overflow row: badges count what did not fit, and never say "1"."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random

from viewer.core.events.document_events import Event
from viewer.core.scene.layout import MAX_ROWS, Scene, TimeScale

DAY0 = dt.date(2026, 1, 1).toordinal()


def event(first: int, last: int, **changes: object) -> Event:
    base = Event(id=f"e{first}-{last}-{random.random()}", document="a.txt", text="Talks.",
                 char_start=0, char_end=6, start=dt.date.fromordinal(DAY0 + first),
                 end=dt.date.fromordinal(DAY0 + last), precision="day",
                 date_source="explicit", timex=None, timex_value=None, parties=("Ukraine",),
                 people=(), topics=(), boilerplate=False, sentence=0)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def scene_of(events: list[Event], px_per_day: float = 12.0) -> Scene:
    return Scene(events, range(len(events)), "party", TimeScale(DAY0 - 2, px_per_day))


def test_one_event_past_the_rows_is_its_own_bar_not_a_badge_of_one() -> None:
    # MAX_ROWS bars fill the rows; one more bar over the same days overflows alone.
    events = [event(0, 10) for _ in range(MAX_ROWS + 1)]
    scene = scene_of(events)  # a lane makes its items while its scene is alive
    (lane,) = scene.lanes
    overflow = [item for item in lane.items if item.row == MAX_ROWS]
    assert [(item.kind, len(item.events)) for item in overflow] == [("bar", 1)]
    assert overflow[0].x1 > overflow[0].x0 + 100  # the bar keeps its length


def test_one_day_past_the_rows_is_its_own_mark() -> None:
    events = [event(0, 10) for _ in range(MAX_ROWS)] + [event(5, 5)]
    scene = scene_of(events)
    (lane,) = scene.lanes
    overflow = [item for item in lane.items if item.row == MAX_ROWS]
    assert [(item.kind, tuple(item.events)) for item in overflow] == [("mark", (MAX_ROWS,))]
    scene = scene_of(events)
    (lane,) = scene.lanes
    (mark,) = [item for item in lane.items if item.row == MAX_ROWS]
    assert scene.label(mark) == "Talks."  # nothing after it in that row: room for its label


def test_no_badge_says_one_and_every_event_is_shown_once_at_every_zoom() -> None:
    rng = random.Random(3)
    events = []
    for _ in range(400):
        first = rng.randrange(0, 300)
        events.append(event(first, first + rng.choice([0, 0, 0, 1, 5, 40])))
    for px in (0.5, 2.0, 12.0, 60.0):
        scene = scene_of(events, px)
        (lane,) = scene.lanes
        shown = [row for item in lane.items for row in item.events]
        assert sorted(shown) == list(range(len(events))), px
        assert all(len(item.events) > 1 for item in lane.items if item.kind == "badge"), px
        last = sorted((item for item in lane.items if item.row == lane.max_rows - 1),
                      key=lambda item: item.x0)
        for item, after in itertools.pairwise(last):
            assert item.label_x1 < after.x0, px  # an overflow label stops short of the next
