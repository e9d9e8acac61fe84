"""Periods round-trip through the folder and reach the data exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.core.test_export import job  # noqa: F401  (fixture)
from viewer.core.export import ExportJob
from viewer.core.export.formats import render
from viewer.core.store.periods import Period, load_periods, periods_path, save_periods

ISTANBUL = Period("Istanbul round", dt.date(2025, 7, 21), dt.date(2025, 7, 25))
GENEVA = Period("Geneva round", dt.date(2026, 2, 17), dt.date(2026, 2, 18), "#80cbc4")


def test_periods_round_trip_sorted(tmp_path: Path) -> None:
    assert load_periods(tmp_path) == ()
    save_periods(tmp_path, [GENEVA, ISTANBUL])
    assert load_periods(tmp_path) == (ISTANBUL, GENEVA)
    periods_path(tmp_path).write_text("{not json")
    assert load_periods(tmp_path) == ()  # a damaged file is no periods, not a crash


def test_periods_in_exports(job: ExportJob) -> None:  # noqa: F811
    import dataclasses

    with_periods = dataclasses.replace(job, periods=(ISTANBUL,))
    assert json.loads(render(with_periods, "json"))["periods"] == [ISTANBUL.to_dict()]
    assert "Istanbul round" in render(with_periods, "html")
    assert "**Istanbul round**: 2025-07-21 – 2025-07-25" in render(with_periods, "md")
