"""The publication strip: the saw-toothed outline covers exactly the union of the triangles
(a path of overlapping triangles once left holes where two overlapped, under odd-even fill),
with the sub-pixel notch between marks one pixel apart filled."""

from __future__ import annotations

import numpy as np

from viewer.ui.publication_marks import HALF, HEIGHT, strip_outline, strip_path, whole_pixels

BASE = 50.0


def _inside_polygon(points: list[tuple[float, float]], x: float, y: float) -> bool:
    inside = False
    for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1], strict=True):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def _inside_triangle(apex: float, x: float, y: float) -> bool:
    return BASE - HEIGHT < y < BASE and abs(x - apex) < (BASE - y) * HALF / HEIGHT


def _in_filled_notch(xs: set[float], x: float, y: float) -> bool:
    """Under the notch between two marks one pixel apart (filled in the outline)."""
    a = float(np.floor(x))
    return (a in xs and a + 1 in xs and a < x < a + 1 and y < BASE
            and y > BASE - min(x - a, a + 1 - x) * HEIGHT / HALF)


def test_the_outline_is_the_union_of_the_triangles() -> None:
    rng = np.random.default_rng(3)
    xs = np.sort(np.unique(np.round(rng.uniform(0, 200, 60))))
    polygons = strip_outline(xs, BASE)
    assert 1 < len(polygons) < len(xs)  # touching marks merged, far ones apart
    marks = set(xs.tolist())
    assert any(a + 1 in marks for a in marks)  # some marks one pixel apart
    for x in np.arange(-6.0, 207.0, 0.37):
        for y in np.arange(BASE - HEIGHT + 0.05, BASE, 0.41):
            union = any(_inside_triangle(float(a), float(x), float(y)) for a in xs) or (
                _in_filled_notch(marks, float(x), float(y)))
            shown = sum(_inside_polygon(p, float(x), float(y)) for p in polygons)
            assert shown == int(union), (x, y)


def test_one_mark_per_whole_pixel_and_none_when_empty() -> None:
    assert whole_pixels(np.array([10.2, 9.8, 10.4, 30.0])).tolist() == [10.0, 30.0]
    assert strip_outline(np.zeros(0), BASE) == []
    assert strip_path(np.zeros(0), BASE).isEmpty()
    assert not strip_path(np.array([5.0]), BASE).isEmpty()


def test_marks_in_order_or_not_give_the_same_pixels() -> None:
    rng = np.random.default_rng(5)
    xs = rng.uniform(0, 300, 2000)
    assert whole_pixels(np.sort(xs)).tolist() == whole_pixels(xs).tolist() == sorted(
        set(np.round(xs).tolist()))
    assert whole_pixels(np.array([4.4])).tolist() == [4.0]


def test_a_run_of_touching_marks_is_a_few_points_not_two_per_mark() -> None:
    xs = np.arange(100.0, 1100.0)  # a thousand marks, one per pixel: one flat-bottomed run
    (outline,) = strip_outline(xs, BASE)
    assert len(outline) == 4
    spaced = np.arange(100.0, 1100.0, 3.0)  # three pixels apart: every notch kept
    (outline,) = strip_outline(spaced, BASE)
    assert len(outline) == 2 * len(spaced) + 1
