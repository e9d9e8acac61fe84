"""A headline without a date of its own tells the story's news day, which the lead names;
a dateline's date is the report's, not the news day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from viewer.core.pipeline.folder_extraction import extract_folder

D = dt.date


def _first(tmp_path: Path, text: str) -> tuple[dt.date | None, dt.date | None, str]:
    (tmp_path / "a.txt").write_text(text)
    events = [e for e in extract_folder(tmp_path, use_cache=False).events if not e.boilerplate]
    return events[0].start, events[0].end, events[0].date_source


def test_a_headline_takes_the_leads_news_day(tmp_path: Path) -> None:
    assert _first(tmp_path, (
        "date 2026-06-04 Regional court halts quarry expansion in the hills\n\n"
        "A regional court on Tuesday ordered the owners of the Brenna quarry to stop blasting "
        "until an environmental review is complete.\n")) == (D(2026, 6, 2), D(2026, 6, 2),
                                                            "inherited")


def test_a_headline_about_the_future_or_on_the_news_day_keeps_the_report(
        tmp_path: Path) -> None:
    assert _first(tmp_path, (
        "date 2026-06-04 Quarry owners will appeal against court order\n\n"
        "A regional court on Tuesday ordered the owners of the Brenna quarry to stop "
        "blasting.\n"))[:2] == (D(2026, 6, 4), D(2026, 6, 4))
    assert _first(tmp_path, (
        "date 2026-06-04 Regional court halts quarry expansion\n\n"
        "A regional court on Thursday ordered the owners of the Brenna quarry to stop "
        "blasting.\n"))[:2] == (D(2026, 6, 4), D(2026, 6, 4))


def test_a_datelines_date_is_not_the_happenings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-06-04 Court halts quarry expansion\n\n"
        "KOTOR, June 4 (Adriatic Wire) — A regional court on Tuesday ordered the owners of "
        "the Brenna quarry to stop blasting.\n")
    events = [e for e in extract_folder(tmp_path, use_cache=False).events if not e.boilerplate]
    lead = next(e for e in events if "ordered the owners" in e.text)
    assert lead.text.startswith("KOTOR, June 4")  # one happening, not the dateline apart
    assert (lead.start, lead.end) == (D(2026, 6, 2), D(2026, 6, 2))
    assert (events[0].start, events[0].end) == (D(2026, 6, 2), D(2026, 6, 2))  # the headline


def test_the_news_day_is_the_latest_day_the_lead_tells(tmp_path: Path) -> None:
    """"Hamas handed the remains … on Monday. Israel's forensic institute confirmed his
    identity on Tuesday": the news is Tuesday's, and so are the headline and the statements
    after the lead that have no day of their own."""
    article = (
        "date 2026-06-04 Fishing boat returned to its owners\n\n"
        "VALMORA/PORTO NERO, June 4 (Harbour Wire) — Porto Nero's coast guard handed a seized "
        "trawler back to Valmora on Monday. Valmora's navy confirmed its arrival in port on "
        "Tuesday.\n\n"
        "The owners said the crew had been treated well.\n")
    assert _first(tmp_path, article) == (D(2026, 6, 2), D(2026, 6, 2), "inherited")
    events = extract_folder(tmp_path, use_cache=False).events
    said = next(e for e in events if "treated well" in e.text)
    assert (said.start, said.end) == (D(2026, 6, 2), D(2026, 6, 4))
