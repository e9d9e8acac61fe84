"""Where zoom gestures land, without a widget."""

from __future__ import annotations

import numpy as np

from tests.core.workcount import growth, lines_run
from viewer.core.scene.lane_packing import BADGE_MIN
from viewer.core.scene.zoom_targets import (
    MAX_PX_PER_DAY,
    MIN_PX_PER_DAY,
    badge_px,
    clamp_px,
    clicked_rows,
    fit_days,
    selection_view,
)


def test_scale_stays_within_the_zoom_limits() -> None:
    assert clamp_px(1e9) == MAX_PX_PER_DAY
    assert clamp_px(0.0) == MIN_PX_PER_DAY
    assert clamp_px(3.0) == 3.0


def test_a_badge_parts_its_two_nearest_days() -> None:
    # Days 0, 1 and 30 in an 800 px view: spreading 31 days over 60 % of it would leave the
    # two first a badge's width from each other only if the nearest-pair rule applies.
    px = badge_px([0, 1, 30], px_per_day=1.0, width=800.0, is_bin=False)
    assert px >= BADGE_MIN / 1
    assert px >= 800.0 * 0.6 / 31


def test_a_badge_always_zooms_in_at_least_four_times() -> None:
    assert badge_px([5, 5, 5], px_per_day=50.0, width=800.0, is_bin=False) >= 200.0


def test_a_bin_opens_to_its_days_across_the_view() -> None:
    px = badge_px(list(range(100, 131)), px_per_day=0.1, width=1000.0, is_bin=True)
    assert px == 1000.0 * 0.9 / 31
    assert badge_px([0], px_per_day=MAX_PX_PER_DAY, width=1000.0, is_bin=True) == MAX_PX_PER_DAY


def test_a_selection_takes_a_little_over_half_the_width_from_near_the_left() -> None:
    px, first = selection_view(1000, 1099, 1100.0)
    shown = 100 / 0.55
    assert abs(px - 1100.0 / shown) < 1e-9
    assert first < 1000 and 1000 - first < 0.1 * shown
    # A single day is shown as at least a week, so its label has room.
    assert selection_view(5, 5, 700.0)[0] == clamp_px(700.0 / (7 / 0.55))


def test_clicks_select_toggle_and_extend() -> None:
    assert clicked_rows({1, 2}, [2, 3], toggle=False, extend=False) == [2, 3]
    assert clicked_rows({1, 2}, [2, 3], toggle=True, extend=False) == [1, 3]
    assert clicked_rows({1, 2}, [2, 3], toggle=False, extend=True) == [1, 2, 3]


def _days(*spans: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    return (np.array([a for a, _ in spans], dtype=np.int64),
            np.array([b for _, b in spans], dtype=np.int64))


def test_a_fit_leaves_out_far_off_years_at_either_end() -> None:
    # As in a story of one election: two background years a decade and more before it, a
    # plan a year after, and 60 events over four months.
    bulk = [(1000 + d * 2, 1000 + d * 2) for d in range(60)]
    starts, ends = _days((-5000, -4636), (-3000, -2636), *bulk, (1400, 1430))
    assert fit_days(starts, ends) == (1000, 1118)


def test_a_fit_keeps_every_event_when_none_lies_far_off() -> None:
    spread = [(d * 37, d * 37 + 3) for d in range(100)]  # evenly over ten years
    assert fit_days(*_days(*spread)) == (0, 99 * 37 + 3)
    # a long bar ending in the bulk is part of it: its start is no outlier
    seeds_like = [(0, 200), *[(155 + d * 4, 155 + d * 4) for d in range(70)]]
    assert fit_days(*_days(*seeds_like)) == (0, 155 + 69 * 4)


def test_a_fit_of_few_events_keeps_them_all_but_one_far_off() -> None:
    assert fit_days(*_days((5, 5))) == (5, 5)
    assert fit_days(*_days((5, 5), (9000, 9000))) == (5, 9000)
    assert fit_days(*_days((5, 5), (10, 10), (12, 12), (9000, 9000))) == (5, 12)
    assert fit_days(*_days()) is None


def test_a_fit_measures_in_linear_work() -> None:
    """Two partial sorts and a loop over at most OUTLIER_CAP days, whatever the count."""
    rng = np.random.default_rng(3)

    def work(copies: int) -> int:
        starts = rng.integers(0, 3650, 20_000 * copies).astype(np.int64)
        counter = [0]
        lines_run(lambda: fit_days(starts, starts + 1), counter)
        return counter[0]

    assert growth(work) < 1.5  # the Python lines run do not grow with the events


def test_a_fit_finds_its_ends_as_a_full_sort_does() -> None:
    """The ends are found by bounding the smallest values with block minima: the same days
    as sorting everything, with ties, negative gaps and any order."""
    from viewer.core.scene.zoom_targets import _smallest

    rng = np.random.default_rng(7)
    for size in (1, 5, 300, 20_000, 70_001):
        for spread in (1, 40, 100_000):
            values = rng.integers(730_000, 730_000 + spread, size).astype(np.int32)
            for count in {1, min(size, 3), min(size, 257)}:
                assert _smallest(values, count).tolist() == sorted(values.tolist())[:count]
                assert (-_smallest(-values, count)).tolist() == sorted(
                    values.tolist(), reverse=True)[:count]
