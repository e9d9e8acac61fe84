"""A time expression's precision is read from its value once per value: the same answer as
reading the value's shape each time, and the values kept stay bounded."""

from __future__ import annotations

from viewer.core.events import cues
from viewer.core.events.cues import _period_precision, precision_of
from viewer.core.timex import Timex


def _timex(value: str) -> Timex:
    return Timex(0, 1, "x", "DATE", value)


def test_each_value_as_its_shape_says() -> None:
    values = ["2024-06-01", "2024-06-01T10:00", "2024-W23-WE", "2024-W23", "2024-06",
              "2024-Q2", "2024-SU", "2024-H1", "2024", "202", "20", "PRESENT_REF",
              "FUTURE_REF", "P3D", "XXXX-06-01", ""]
    for _ in range(2):  # computed, then remembered
        for value in values:
            expected = "fuzzy" if value.endswith("_REF") else _period_precision(value)
            assert precision_of(_timex(value)) == expected, value


def test_the_values_kept_stay_bounded() -> None:
    for day in range(10_000):
        assert precision_of(_timex(f"{1000 + day // 12:04d}-{1 + day % 12:02d}")) == "month"
    assert len(cues._PRECISION_BY_VALUE) <= 4096
