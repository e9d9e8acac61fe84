"""Deadlines and windows ahead: "must file by Friday" may happen on any day from the report
to Friday; "will publish a list within two weeks" runs from its day to the window's end;
"has fallen since April 20" runs from that day to the report. A past bound ("by Monday the
toll had risen") and a year-wide target inside a noun phrase ("plans to produce by 2031") do
not date the happening this way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from viewer.core.events.document_events import Event
from viewer.core.pipeline.folder_extraction import extract_folder

D = dt.date

ARTICLE = (
    "date 2026-05-13 Lake ferry inquiry\n\n"
    "The operator is due to hand its safety logs to the inspectors by Friday.\n\n"
    "The inspectors will publish their findings within three weeks.\n\n"
    "Regulators plan to check every ferry on the lake over the next two weeks.\n\n"
    "The board has ten days to answer the complaint.\n\n"
    "Crews are expected to leave the dock within 30 days after that.\n\n"
    "The company wants to double its fleet by 2031.\n"
)


def _dates(tmp_path: Path) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    (tmp_path / "a.txt").write_text(ARTICLE)
    events: list[Event] = list(extract_folder(tmp_path, use_cache=False).events)
    return {e.text: (e.start, e.end) for e in events}


def _of(dates: dict[str, tuple[dt.date | None, dt.date | None]], fragment: str
        ) -> tuple[dt.date | None, dt.date | None]:
    return next(v for k, v in dates.items() if fragment in k)


def test_a_deadline_ahead_runs_from_the_report(tmp_path: Path) -> None:
    dates = _dates(tmp_path)
    assert _of(dates, "by Friday") == (D(2026, 5, 13), D(2026, 5, 15))


def test_a_window_ahead_runs_to_its_end(tmp_path: Path) -> None:
    dates = _dates(tmp_path)
    assert _of(dates, "within three weeks") == (D(2026, 5, 13), D(2026, 6, 3))
    assert _of(dates, "over the next two weeks") == (D(2026, 5, 13), D(2026, 5, 27))
    assert _of(dates, "has ten days") == (D(2026, 5, 13), D(2026, 5, 23))


def test_windows_counted_from_elsewhere_and_year_targets_stay_as_they_were(
        tmp_path: Path) -> None:
    dates = _dates(tmp_path)
    assert _of(dates, "within 30 days after that") == (D(2026, 5, 13), D(2026, 5, 13))
    assert _of(dates, "double its fleet") == (D(2026, 5, 13), D(2026, 5, 13))


def test_since_a_date_runs_to_the_report_and_is_not_the_next_sentences_day(
        tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-05-13 Lake levels\n\n"
        "The lake has fallen by a metre since the dam gates were opened on April 20. "
        "Fishermen said their catch was down by half.\n")
    dates = {e.text: (e.start, e.end)
             for e in extract_folder(tmp_path, use_cache=False).events}
    assert _of(dates, "has fallen by a metre") == (D(2026, 4, 20), D(2026, 5, 13))
    assert _of(dates, "Fishermen said") == (D(2026, 5, 13), D(2026, 5, 13))


def test_by_a_past_day_is_the_day_a_count_is_told_as_of(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-05-15 Flu season\n\n"
        "The first cases were confirmed in Osijek on Monday.\n\n"
        "By Thursday, the health agency put the total at 310 cases. "
        "Schools in the city stayed open.\n")
    dates = {e.text: (e.start, e.end)
             for e in extract_folder(tmp_path, use_cache=False).events}
    assert _of(dates, "put the total at 310") == (D(2026, 5, 14), D(2026, 5, 14))
    # The count's day is not the narrative's day for what follows.
    assert _of(dates, "Schools in the city stayed open") == (D(2026, 5, 11), D(2026, 5, 11))


def test_a_window_in_a_reaction_counts_from_the_news_day(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-05-15 Flood aid\n\n"
        "Donors pledged $40 million for the flooded valley on Wednesday.\n\n"
        "The organisers said they would publish every pledge within two weeks.\n\n"
        "The agency must pay the first grants within ten days.\n")
    dates = {e.text: (e.start, e.end)
             for e in extract_folder(tmp_path, use_cache=False).events}
    assert _of(dates, "publish every pledge") == (D(2026, 5, 13), D(2026, 5, 27))
    assert _of(dates, "must pay the first grants") == (D(2026, 5, 15), D(2026, 5, 25))


def test_a_thousands_comma_does_not_split_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-03-12 The agency said on Thursday that cases had climbed to 1,340 since the "
        "first infections were confirmed on February 20, and that 23 people had died.\n")
    texts = [e.text for e in extract_folder(tmp_path, use_cache=False).events]
    assert any("climbed to 1,340 since the first" in text for text in texts), texts


def test_a_running_total_since_a_month_is_the_reports(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-03-12 The ministry said at least 4,000 people have been displaced since "
        "October 2025.\n")
    event = extract_folder(tmp_path, use_cache=False).events[0]
    assert (event.start, event.end) == (D(2026, 3, 12), D(2026, 3, 12))


def test_a_deadline_over_a_period_holding_the_report_runs_from_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-03-12 River levels\n\n"
        "The board might close the locks if the water keeps rising through March.\n\n"
        "Barge traffic dropped through March, the port said.\n")
    (tmp_path / "b.txt").write_text(
        "date 2026-10-12 River levels\n\n"
        "Hydrologists expect dry weather until the end of the year.\n")
    dates: dict[str, tuple[dt.date | None, dt.date | None]] = {
        e.text: (e.start, e.end) for e in extract_folder(tmp_path, use_cache=False).events}
    assert _of(dates, "rising through March") == (D(2026, 3, 12), D(2026, 3, 31))
    # (the tagger's "end of the year" is its last months: told in October, it holds the day)
    assert _of(dates, "until the end of the year") == (D(2026, 10, 12), D(2026, 12, 31))
    # told as past, the month is the month
    assert _of(dates, "dropped through March") == (D(2026, 3, 1), D(2026, 3, 31))
