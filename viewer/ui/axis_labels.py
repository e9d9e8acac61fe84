"""Which axis tick labels to draw, so that none runs into the next ("Mon 16 FebTue 17 Feb")."""

from __future__ import annotations

from collections.abc import Sequence

GAP = 6.0  # pixels kept clear between two labels


def spaced_labels(spans: Sequence[tuple[float, float, bool]], gap: float = GAP,
                  limit: float = float("inf")) -> list[int]:
    """Indices of the labels to draw, from (left, width, major) in left-to-right order.

    Every major label that clears the previous major is kept; a minor label is kept only when
    it clears both the label before it and the next major one. A label running past `limit`
    (the view's right edge) is left out rather than cut ("20" of 2035). One pass each way."""
    next_major: list[float] = [float("inf")] * len(spans)
    following = float("inf")
    for index in range(len(spans) - 1, -1, -1):
        next_major[index] = following
        left, _width, major = spans[index]
        if major:
            following = left
    kept: list[int] = []
    right = float("-inf")
    major_right = float("-inf")
    for index, (left, width, major) in enumerate(spans):
        if left + width > limit:
            continue
        if major:
            if left >= major_right + gap:
                kept.append(index)
                right = major_right = left + width
            continue
        if left >= right + gap and left + width + gap <= next_major[index]:
            kept.append(index)
            right = left + width
    return kept
