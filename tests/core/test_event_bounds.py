"""Which dates bound a happening rather than date it: "by" bounds only the date right after it.

Invented sentences: "by" before a means, an agent or an amount leaves the date after them to
the happening; "by Friday" and "by the time …" still bound.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from viewer.core.pipeline.folder_extraction import extract_folder

D = dt.date


def _of(tmp_path: Path, text: str, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    (tmp_path / "a.txt").write_text(f"date 2026-04-01 {text}\n")
    events = extract_folder(tmp_path, use_cache=False).events
    return next((e.start, e.end) for e in events if fragment in e.text)


def test_by_a_means_or_an_agent_leaves_the_date_to_the_happening(tmp_path: Path) -> None:
    assert _of(tmp_path, "The two unions held a third meeting by telephone on Monday.",
               "third meeting") == (D(2026, 3, 30), D(2026, 3, 30))


def test_by_an_agent_leaves_the_date_to_the_happening(tmp_path: Path) -> None:
    assert _of(tmp_path, "The audit, released by the finance ministry on March 12, found gaps "
               "in the accounts.", "The audit") == (D(2026, 3, 12), D(2026, 3, 12))


def test_by_an_amount_leaves_the_date_to_the_happening(tmp_path: Path) -> None:
    assert _of(tmp_path, "The utility said it would raise tariffs by 6% from June.",
               "raise tariffs") == (D(2026, 6, 1), D(2026, 6, 30))


def test_by_right_before_a_date_is_still_a_deadline(tmp_path: Path) -> None:
    assert _of(tmp_path, "The regulator will publish its ruling by Friday.",
               "publish its ruling") == (D(2026, 4, 1), D(2026, 4, 3))


def test_by_the_time_still_bounds(tmp_path: Path) -> None:
    # The date belongs to the vote, which bounds the saying; the saying is the report's.
    assert _of(tmp_path, "The talks had collapsed by the time the council voted on Monday, "
               "officials said.", "had collapsed") != (D(2026, 3, 30), D(2026, 3, 30))


def test_a_comparisons_date_does_not_date_the_happening(tmp_path: Path) -> None:
    # The fall is dated by the report, not by the year it is compared with.
    assert _of(tmp_path, "Port traffic fell 12%, compared with a 3% drop in 2024, the "
               "harbour board said.", "Port traffic fell") == (D(2026, 4, 1), D(2026, 4, 1))
    assert _of(tmp_path, "Exports rose to 40 cargoes, up from 31 in 2023, the agency said.",
               "Exports rose") == (D(2026, 4, 1), D(2026, 4, 1))
