"""A day counted back from a happening the narrative dates over several days is counted from
its first day, unless the words after it name the happening's end (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in

D = dt.date

ARTICLE = (
    "date 2027-05-14 Chile and Argentina agree on a glacier survey\n\n"
    "Chile and Argentina agreed on Wednesday to survey the glaciers on their border.\n\n"
    "Scientists from both countries met in Mendoza on Tuesday and Wednesday. The day before "
    "the talks opened, climbers planted a flag on the disputed peak.\n\n"
    "Surveyors met in Punta Arenas on Tuesday and Wednesday. The day before the meeting "
    "ended, a storm closed the airport.\n\n"
    "Engineers met in Santiago on Monday. The day before, the road was closed.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_the_day_before_a_happening_over_days_is_before_its_first(tmp_path: Path) -> None:
    # the talks ran Tuesday and Wednesday (May 11 and 12): the day before is Monday
    assert _dates(tmp_path, "planted a flag") == (D(2027, 5, 10), D(2027, 5, 10))


def test_the_day_before_its_end_is_counted_from_the_end(tmp_path: Path) -> None:
    assert _dates(tmp_path, "a storm closed the airport") == (D(2027, 5, 11), D(2027, 5, 11))


def test_a_single_day_is_left_to_the_tagger(tmp_path: Path) -> None:
    # met on Monday, May 10: the day before is Sunday
    assert _dates(tmp_path, "the road was closed") == (D(2027, 5, 9), D(2027, 5, 9))


NTH = (
    "date 2027-05-14 Chile and Argentina agree on a glacier survey\n\n"
    "Scientists from both countries met in Mendoza on Tuesday and Wednesday. A UN "
    "glaciologist attended the second day.\n\n"
    "Engineers met in Santiago on Monday. Their ministers joined on the second day.\n"
)


def test_a_day_named_by_its_place_in_the_happening_counts_from_its_first(
        tmp_path: Path) -> None:
    # the second of Tuesday and Wednesday (May 11 and 12) is Wednesday
    assert dates_in(tmp_path, NTH, "attended the second day") == (D(2027, 5, 12), D(2027, 5, 12))


AFTER_FLASHBACK = (
    "date 2027-05-14 Chile and Argentina agree on a glacier survey\n\n"
    "Chile and Argentina agreed on Wednesday to survey the glaciers on their border.\n\n"
    "Scientists from both countries met in Mendoza on Tuesday and Wednesday. The day before "
    "the talks opened, climbers planted a flag on the disputed peak.\n\n"
    "Chile's minister told reporters at the end of the talks that the survey was overdue.\n"
)


def test_a_flashback_leaves_the_narrative_on_the_happening(tmp_path: Path) -> None:
    # the talks' last day, Wednesday, not the Monday the flashback went back to
    assert dates_in(tmp_path, AFTER_FLASHBACK, "at the end of the talks") == (
        D(2027, 5, 12), D(2027, 5, 12))
    assert dates_in(tmp_path, AFTER_FLASHBACK, "planted a flag") == (
        D(2027, 5, 10), D(2027, 5, 10))


ENDED = (
    "date 2027-05-14 Chile and Argentina agree on a glacier survey\n\n"
    "Chile and Argentina agreed on Wednesday to survey the glaciers on their border.\n\n"
    "Scientists from both countries met in Mendoza on Tuesday and Wednesday. The talks ended "
    "with a joint statement on the survey.\n"
)


def test_the_end_of_a_happening_over_days_is_its_last_day(tmp_path: Path) -> None:
    assert dates_in(tmp_path, ENDED, "The talks ended") == (D(2027, 5, 12), D(2027, 5, 12))


SPREAD_LEAD = (
    "date 2027-05-13 Chile and Argentina agree glacier survey\n\n"
    "Talks between Chile and Argentina on their glacier border ended in Mendoza on Wednesday "
    "with an agreement on a joint survey.\n\n"
    "The two foreign ministers met for about ten hours over two days at a guest house.\n\n"
    "On the ice fields, the gap remained wide.\n"
)


def test_a_lead_happening_over_days_makes_them_the_news(tmp_path: Path) -> None:
    # the talks ran Tuesday and Wednesday: a later paragraph goes back to both days
    assert dates_in(tmp_path, SPREAD_LEAD, "the gap remained wide") == (
        D(2027, 5, 11), D(2027, 5, 12))
    # the headline keeps the lead's own day
    assert dates_in(tmp_path, SPREAD_LEAD, "agree glacier survey") == (
        D(2027, 5, 12), D(2027, 5, 12))
