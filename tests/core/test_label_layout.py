"""Where labels crowd a lane row, who gets one follows a priority, stays put while panning,
and costs O(n log n) in the marks of the row."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random

from tests.core.workcount import growth, lines_run
from viewer.core.events.document_events import Event
from viewer.core.scene import label_layout
from viewer.core.scene.layout import Item, Scene, TimeScale

DAY0 = dt.date(2026, 1, 1).toordinal()
TEXT = "A sentence long enough that its label wants far more room than a day has."


def event(day: int, **changes: object) -> Event:
    date = dt.date.fromordinal(DAY0 + day)
    base = Event(id=f"e{day}", document="a.txt", text=TEXT, char_start=0, char_end=10,
                 start=date, end=date, precision="day", date_source="explicit", timex=None,
                 timex_value=None, parties=(), people=(), topics=(), boilerplate=False,
                 sentence=0)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def crowded(changes: dict[int, dict[str, object]], count: int = 12,
            default: dict[str, object] | None = None) -> list[Event]:
    """`count` events a day apart in one lane, 12 px apart: far too close for their labels."""
    return [event(day, **{**(default or {}), **changes.get(day, {})}) for day in range(count)]


def labelled(scene: Scene) -> set[int]:
    return {row for lane in scene.lanes for item in lane.items
            if scene.label(item) for row in item.events}


def scene_of(events: list[Event], current: int | None = None,
             window: tuple[float, float] | None = None) -> Scene:
    return Scene(events, range(len(events)), "single", TimeScale(DAY0 - 2, 12.0),
                 window=window, current=current)


def test_time_order_decides_only_among_equals() -> None:
    assert labelled(scene_of(crowded({}))) == {0}


def test_more_sources_win_the_room() -> None:
    assert labelled(scene_of(crowded({5: {"sources": 3}}))) == {5}


def test_finer_precision_wins_among_equal_sources() -> None:
    events = crowded({6: {"precision": "day"}, 9: {"precision": "week"}},
                     default={"precision": "month"})
    assert labelled(scene_of(events)) == {6}
    # The 90 px left before the winner are enough for the first mark's label, cut short.
    events = crowded({9: {"precision": "week"}}, default={"precision": "month"})
    assert labelled(scene_of(events)) == {0, 9}


def test_an_explicit_date_wins_over_inherited_and_publication_dates() -> None:
    events = crowded({4: {"date_source": "explicit"}, 2: {"date_source": "document"}},
                     default={"date_source": "inherited"})
    assert labelled(scene_of(events)) == {4}


def test_sources_come_before_precision() -> None:
    events = crowded({2: {"sources": 3}, 6: {"precision": "day"}},
                     default={"precision": "month"})
    assert labelled(scene_of(events)) == {2}


def test_the_selected_event_comes_first_and_reselecting_moves_the_label() -> None:
    events = crowded({2: {"sources": 3}})
    scene = scene_of(events, current=8)
    assert labelled(scene) == {0, 8}  # 2 has 54 px before 8, too few; 0 has 78
    scene.set_current(None)
    assert labelled(scene) == {2}


def test_room_before_the_next_mark_is_not_taken_by_priority() -> None:
    """Marks far enough apart each keep a label cut to their own room, whatever their rank."""
    events = [event(day * 20, sources=3 if day == 1 else 1) for day in range(5)]
    scene = scene_of(events)
    assert labelled(scene) == set(range(5))
    assert not any(item.over for lane in scene.lanes for item in lane.items)


def _rows(scene: Scene) -> dict[int, list[Item]]:
    rows: dict[int, list[Item]] = {}
    for lane in scene.lanes:
        for item in lane.items:
            rows.setdefault(item.row, []).append(item)
    return rows


def _random_events(count: int, seed: int = 7) -> list[Event]:
    rng = random.Random(seed)
    out = []
    for n in range(count):
        out.append(event(rng.randrange(count // 2), id=f"r{n}", sources=rng.choice((1, 1, 2, 3)),
                         precision=rng.choice(("day", "week", "month")),
                         date_source=rng.choice(("explicit", "inherited", "document")),
                         text=TEXT[: rng.randrange(10, len(TEXT))]))
    return out


def test_labels_never_overlap_each_other_a_labelled_mark_a_bar_or_a_badge() -> None:
    events = _random_events(600)
    rng = random.Random(9)
    events += [dataclasses.replace(e, id=f"s{n}", end=e.start + dt.timedelta(rng.randrange(1, 6)))
               for n, e in enumerate(events[:150]) if e.start is not None]
    scene = scene_of(events)
    assert {"mark", "bar", "badge"} <= {i.kind for lane in scene.lanes for i in lane.items}
    for items in _rows(scene).values():
        items.sort(key=lambda i: i.x0)
        reach = -math.inf
        for item in items:
            text = scene.label(item)
            if text or item.kind != "mark":
                # No label runs over a labelled mark, a bar or a badge (text would hide it).
                assert item.x0 >= reach
            if text and item.kind == "bar" and item.label_x1 <= item.x1:
                reach = item.x1  # labelled inside
            elif text:
                end = item.x1 + 4 + scene.measure(text)
                assert end <= item.label_x1 + 0.5
                reach = max(reach, end)


def test_a_one_pixel_pan_moves_no_label_to_a_neighbour() -> None:
    events = _random_events(3000)
    width = 1200.0
    for start in (300.0, 2000.0, 5000.0):
        before = scene_of(events, window=(start - 2 * width, start + 3 * width))
        for shift in (1.0, -1.0, 7.0):
            after = scene_of(events, window=(start + shift - 2 * width,
                                             start + shift + 3 * width))
            for scene in (before, after):
                scene.visible_labels = {  # type: ignore[attr-defined]
                    (item.events, scene.label(item))
                    for item in scene.visible(start, start + width)
                    if start <= item.x0 <= start + width}
            assert before.visible_labels == after.visible_labels  # type: ignore[attr-defined]


def test_placing_labels_looks_at_each_mark_a_bounded_number_of_times() -> None:
    """Marks 12 px apart, all crowded: a label looks ahead at most 180 px (15 marks) and
    flags each mark it covers once, so the work is linear in the marks."""
    rng = random.Random(3)
    counts = []
    for n in (1000, 16000):
        ranks = [rng.randrange(12) for _ in range(n)]
        steps: list[int] = []
        ends = label_layout.place([12.0 * i for i in range(n)],
                                  [12.0 * i + 10 for i in range(n)], [False] * n, [False] * n,
                                  ranks.__getitem__, lambda i: 200.0, 420.0, None, steps)
        assert steps[0] <= 2 * 16 * n
        assert sum(end > 12.0 * i + 10 for i, end in enumerate(ends)) > n // 20
        counts.append(steps[0])
    assert counts[1] / counts[0] < 16 * 1.1


def test_laying_out_a_crowded_lane_grows_as_n_log_n() -> None:
    def work(copies: int) -> int:
        events = _random_events(1500 * copies, seed=copies)
        counter = [0]
        lines_run(lambda: scene_of(events), counter)
        return counter[0]

    assert growth(work) < 4 * math.log2(6000) / math.log2(1500) + 0.4


def test_a_bar_too_narrow_for_a_cut_label_inside_labels_beside_itself() -> None:
    """A 65 px bar once took its label inside, where 55 px cannot hold a cut sentence, so it
    showed none."""
    start = dt.date.fromordinal(DAY0)
    bar = event(0, start=start, end=start + dt.timedelta(days=4))
    scene = Scene([bar], [0], "single", TimeScale(DAY0 - 2, 13.0))
    (item,) = scene.lanes[0].items
    assert item.kind == "bar" and 60 <= item.x1 - item.x0 < 72
    assert scene.label(item) and scene.label_end(item) > item.x1


def test_reselecting_relabels_as_a_fresh_layout_would() -> None:
    """Selecting re-places labels only in the lanes of the old and new selection; the result
    must equal a layout made from scratch with that selection."""
    rng = random.Random(5)
    events = [dataclasses.replace(e, parties=tuple(rng.sample(("A", "B", "C"), rng.randint(1, 2))))
              for e in _random_events(400)]
    scale = TimeScale(DAY0 - 2, 12.0)
    scene = Scene(events, range(len(events)), "party", scale)

    def labels(s: Scene) -> list[tuple[tuple[int, ...], float, str]]:
        return [(i.events, i.label_x1, s.label(i)) for lane in s.lanes for i in lane.items]

    for row in (17, 230, None, 5):
        scene.set_current(row)
        fresh = Scene(events, range(len(events)), "party", scale, current=row)
        assert labels(scene) == labels(fresh)


def test_the_selected_label_claims_its_full_width_so_none_collides_with_it() -> None:
    """The selected event's label is drawn in full: it claims up to its whole width (not
    just a crowded label's share), and the next label starts after it."""
    scene = scene_of(crowded({}, count=60), current=3)
    items = sorted((i for lane in scene.lanes for i in lane.items), key=lambda i: i.x0)
    mine = next(i for i in items if i.events == (3,))
    assert mine.label_x1 - mine.x1 - 4 == scene.measure(scene.label_of(scene.events[3]))
    after = [i for i in items if i.x0 > mine.x1 and scene.label(i)]
    assert after and after[0].x0 >= mine.label_x1 + 4
