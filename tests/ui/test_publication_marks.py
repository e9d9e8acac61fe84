"""The publication strip: the saw-toothed outline covers exactly the union of the triangles
(a path of overlapping triangles once left holes where two overlapped, under odd-even fill)."""

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


def test_the_outline_is_the_union_of_the_triangles() -> None:
    rng = np.random.default_rng(3)
    xs = np.sort(np.unique(np.round(rng.uniform(0, 200, 60))))
    polygons = strip_outline(xs, BASE)
    assert 1 < len(polygons) < len(xs)  # touching marks merged, far ones apart
    for x in np.arange(-6.0, 207.0, 0.37):
        for y in np.arange(BASE - HEIGHT + 0.05, BASE, 0.41):
            union = any(_inside_triangle(float(a), float(x), float(y)) for a in xs)
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
