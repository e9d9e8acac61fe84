"""A sentence about the future without a date of its own tells more of the plan its paragraph
just dated after the report, and takes that date (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.narrative_focus import continues_plan
from viewer.core.pipeline.folder_extraction import extract_folder

D = dt.date
REPORT = D(2026, 6, 3)  # a Wednesday
NEXT_WEEK = (D(2026, 6, 8), D(2026, 6, 14))

ARTICLE = (
    "date 2026-06-03 Mediators call both sides to Lusaka\n\n"
    "The regional bloc has invited both delegations to Lusaka next week for a new round of "
    "talks. Angola is expected to send its foreign minister. A "
    "spokesman said the bloc had paid for the venue and did not plan to charge the "
    "delegations.\n\n"
    "Observers will attend as well.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_future_sentence_takes_the_plans_date(tmp_path: Path) -> None:
    assert _dates(tmp_path, "invited both delegations") == NEXT_WEEK
    assert _dates(tmp_path, "Angola is expected") == NEXT_WEEK


def test_a_past_happening_before_the_future_keeps_its_own_day(tmp_path: Path) -> None:
    assert _dates(tmp_path, "had paid for the venue") != NEXT_WEEK


def test_a_new_paragraph_does_not_carry_the_plan(tmp_path: Path) -> None:
    assert _dates(tmp_path, "Observers will attend") != NEXT_WEEK


def test_a_window_of_its_own_runs_from_the_report(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-06-03 Talks in Lusaka\n\n"
        "The bloc has invited both delegations to Lusaka next week. The bloc will publish a "
        "report within two weeks.\n")
    events = extract_folder(tmp_path, use_cache=False).events
    found = next(e for e in events if "publish a report" in e.text)
    assert (found.start, found.end) == (REPORT, D(2026, 6, 17))


def test_the_future_must_be_the_sentences_own() -> None:
    ahead = D(2026, 6, 10)
    assert continues_plan("Kenya will attend as an observer.", ahead, REPORT)
    assert continues_plan("An aide said the minister would attend.", ahead, REPORT)
    assert not continues_plan("Diplomats say the bloc is weighing a floor, which would let it "
                              "keep the duties.", ahead, REPORT)
    assert not continues_plan("The firm said it had cut no jobs and did not plan to.", ahead,
                              REPORT)
    assert not continues_plan("Kenya will attend as an observer.", D(2026, 6, 1), REPORT)


def test_a_year_told_as_done_ends_at_the_report(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-10-14 Measles cases climb\n\n"
        "The health agency recorded 9,300 measles cases in 2026, it said.\n\n"
        "\"The harvest is poor this year,\" a farmer said.\n\n"
        "The agency will publish a full count this year.\n")
    events = extract_folder(tmp_path, use_cache=False).events

    def dates(fragment: str) -> tuple[dt.date | None, dt.date | None]:
        return next((e.start, e.end) for e in events if fragment in e.text)

    assert dates("recorded 9,300") == (D(2026, 1, 1), D(2026, 10, 14))
    # A verb of saying is no happening; a plan lies ahead: both keep the whole year.
    assert dates("harvest is poor") == (D(2026, 1, 1), D(2026, 12, 31))
    assert dates("will publish") == (D(2026, 1, 1), D(2026, 12, 31))


def test_a_plan_that_runs_for_a_while_lasts_from_its_first_day(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-02-10 Levy on imported steel\n\n"
        "The levy will apply from March 1 for three years, the ministry said.\n\n"
        "The summit will open on Monday for two days.\n\n"
        "The plant opened on February 3 for the press.\n\n"
        "The mill closed on February 2 for two weeks.\n")
    events = extract_folder(tmp_path, use_cache=False).events

    def dates(fragment: str) -> tuple[dt.date | None, dt.date | None]:
        return next((e.start, e.end) for e in events if fragment in e.text)

    assert dates("levy will apply") == (D(2026, 3, 1), D(2029, 2, 28))
    assert dates("summit will open") == (D(2026, 2, 16), D(2026, 2, 17))
    # No duration, or a past stretch already told: the day alone.
    assert dates("plant opened") == (D(2026, 2, 3), D(2026, 2, 3))
    assert dates("mill closed") == (D(2026, 2, 2), D(2026, 2, 2))


def test_the_news_day_is_the_tellings_when_the_news_lies_ahead(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-10-15 Bus drivers to strike\n\n"
        "Bus drivers in Lyon will stop work for 48 hours from 5 a.m. next Monday, their "
        "union said on Wednesday.\n\n"
        "The union said talks had failed. The operator rejected the demand.\n")
    events = extract_folder(tmp_path, use_cache=False).events

    def dates(fragment: str) -> tuple[dt.date | None, dt.date | None]:
        return next((e.start, e.end) for e in events if fragment in e.text)

    assert dates("will stop work") == (D(2026, 10, 19), D(2026, 10, 20))
    # The telling is no event of its own (issue 14): it stays in the plan's sentence.
    assert not any(e.text.startswith("their union said") for e in events)
    assert dates("their union said on Wednesday") == (D(2026, 10, 19), D(2026, 10, 20))
    # The next paragraph goes back to the news day, the telling's Wednesday (a statement
    # may run on to the report, as reactions do).
    assert dates("talks had failed")[0] == D(2026, 10, 14)
    assert dates("rejected the demand") == (D(2026, 10, 14), D(2026, 10, 15))


def test_a_stance_with_a_past_perfect_after_its_future_is_no_more_of_the_plan() -> None:
    ahead = D(2026, 6, 10)
    assert not continues_plan("A rebel spokesman said the group would respect the accord, but "
                              "that it had never agreed to hand over its rifles.", ahead, REPORT)
    assert not continues_plan("The union said it would keep talking although it had rejected "
                              "the offer.", ahead, REPORT)
    assert continues_plan("The union said it would keep talking to the owners.", ahead, REPORT)


def test_a_stance_after_a_plan_takes_the_news_day(tmp_path: Path) -> None:
    article = (
        "date 2026-06-03 Rebels to hand over arms\n\n"
        "Rebel fighters handed over their first heavy guns on Wednesday, officials said.\n\n"
        "The fighters may begin handing over mortars to the monitors in July, according to a "
        "monitor. A rebel spokesman said the group would respect the accord, but that it had "
        "never agreed to hand over its rifles.\n")
    assert dates_in(tmp_path, article, "never agreed to hand over") == (REPORT, REPORT)
