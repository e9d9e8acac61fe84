"""A crowded mark's label width (its sentence read from the snapshot, then measured) is asked
for only where it can change where labels go."""

from __future__ import annotations

import random
from collections.abc import Callable

from viewer.core.scene import label_layout


def _asking(wants: list[float], asked: list[int]) -> Callable[[int], float]:
    def want(i: int) -> float:
        asked.append(i)
        return wants[i]
    return want


def test_a_mark_short_of_room_before_a_bar_or_a_labelled_mark_asks_no_width() -> None:
    """Marks 10 px apart: one before a bar, or before a mark labelled first, has under 24 px
    whatever its text, so its width is never read."""
    x0, x1 = [0.0, 10.0, 20.0], [9.0, 19.0, 29.0]
    asked: list[int] = []
    ends = label_layout.place(x0, x1, [False] * 3, [False, False, True], lambda i: i,
                              _asking([100.0] * 3, asked), 420.0)
    assert ends == [9.0, 19.0, 453.0] and asked == [0]  # the bar's own label needs none
    asked.clear()
    ends = label_layout.place(x0, x1, [False] * 3, [False] * 3, lambda i: 2 - i,
                              _asking([100.0] * 3, asked), 420.0)
    assert ends[2] > 29.0 and asked == [0]  # mark 1 stops before the labelled mark 2


def test_widths_not_asked_for_change_nothing() -> None:
    """On random rows (marks, bars, fixed marks, a selected one), every width left unasked
    may be anything: the labels end where they did."""
    rng = random.Random(11)
    skipped = 0
    for _ in range(3000):
        n = rng.randint(1, 24)
        x, x0, x1 = 0.0, [], []
        for _ in range(n):
            x += rng.choice((0.5, 2.0, 5.0, 10.0, 30.0, 80.0, 200.0)) * rng.random()
            width = rng.choice((9.0, 9.0, 14.0, 30.0, 100.0))
            x0.append(x)
            x1.append(x + width)
            x += width
        fixed = [rng.random() < 0.1 for _ in range(n)]
        solid = [rng.random() < 0.4 for _ in range(n)]
        ranks = [rng.randrange(6) for _ in range(n)]
        greedy = rng.choice((None, rng.randrange(n)))
        wants = [rng.choice((10.0, 30.0, 50.0, 70.0, 150.0, 400.0)) for _ in range(n)]
        asked: list[int] = []
        ends = label_layout.place(x0, x1, fixed, solid, ranks.__getitem__,
                                  _asking(wants, asked), 420.0, greedy)
        others = [w if i in asked else rng.choice((1.0, 25.0, 61.0, 500.0))
                  for i, w in enumerate(wants)]
        again = label_layout.place(x0, x1, fixed, solid, ranks.__getitem__,
                                   others.__getitem__, 420.0, greedy)
        assert again == ends
        skipped += n - len(set(asked))
    assert skipped > 0
