"""Temporal tagger on newswire it was not built on: one group of cases per error class.

The sentences are written for these tests in the style of agency copy (not taken from any
corpus), so they check that each rule holds on text the tagger has never seen.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from viewer.core.timex import tag

D = dt.date


# Year choice for bare months and dates in past narratives: a past clause reaches back up to
# nine months, a future one half a year ("said it would" is often a past plan); abbreviation
# dots ("Oct.", "P.") do not cut the clause off from its verb; a cue after "that" belongs to
# the reported clause, not to the telling.
YEAR_CHOICE = [
    ("The mayor, who stepped down in March for health reasons, was replaced.", D(2024, 11, 4),
     "March", "2024-03"),
    ("Police have been searching for the driver since shortly after the Oct. 23 crash.",
     D(2025, 5, 6), "Oct. 23", "2024-10-23"),
    ("Ms. Ortega, 61 years old, will succeed John P. Hale Feb. 1 as chief executive.",
     D(2024, 10, 26), "Feb. 1", "2025-02-01"),
    ("The airline said it will add flights to Lisbon in August.", D(2025, 3, 4),
     "August", "2025-08"),
    ("Ghana announced it would open the block to bidding, prompting a protest in June.",
     D(2025, 9, 18), "June", "2025-06"),
    ("Officials said the bridge would reopen by Jan. 14.", D(2026, 1, 6), "Jan. 14",
     "2026-01-14"),
    ("In January, the firm brought in a new finance chief.", D(2025, 10, 27), "January",
     "2025-01"),
    ("Shareholders tendered most shares by the Tuesday deadline.", D(2025, 11, 6),
     "Tuesday", "2025-11-04"),
    ("The inspectors planned to leave the capital on Thursday.", D(2025, 9, 30),
     "Thursday", "2025-10-02"),
    ("The envoy told a television channel on Wednesday night that the group would not "
     "disarm.", D(2026, 2, 19), "Wednesday night", "2026-02-18TNI"),
    ("His family said he would be buried on Thursday.", D(2026, 2, 10), "Thursday",
     "2026-02-12"),
    ("The court said the memorial is due by March 15 next year.", D(2026, 7, 25),
     "March 15 next year", "2027-03-15"),
    ("The dividend would be paid on a still unspecified date in January.", D(2025, 10, 26),
     "January", "2026-01"),
    ("The carrier will add flights to Delhi by August, untouched by the slump.",
     D(2026, 2, 13), "August", "2026-08"),
    # A change announced "effective" a date, or that "takes effect" then, lies ahead.
    ("The bank named a new treasurer, effective Feb. 1.", D(2025, 10, 26), "Feb. 1",
     "2026-02-01"),
    ("The tariff cut takes effect Feb. 1, the ministry said.", D(2025, 10, 30), "Feb. 1",
     "2026-02-01"),
]


@pytest.mark.parametrize(("sentence", "dct", "surface", "value"), YEAR_CHOICE)
def test_year_choice_in_past_narratives(sentence: str, dct: dt.date, surface: str,
                                        value: str) -> None:
    assert find(tag(sentence, dct), surface).value == value


# Durations: ranges are two expressions (the first number takes the unit written after the
# second); bare plural units after a verb of spending time; "the next decade" is the coming
# ten years, not the 2030s; race-clock times are durations; "just N years ago" stays a date.
DURATIONS = [
    ("Repairs will take two to three weeks, the utility said.", D(2025, 6, 11), "two",
     "DURATION", "P2W"),
    ("Repairs will take two to three weeks, the utility said.", D(2025, 6, 11), "three weeks",
     "DURATION", "P3W"),
    ("Rates may climb over the next 12 to 18 months.", D(2025, 6, 11), "18 months",
     "DURATION", "P18M"),
    ("Rebuilding the harbour could take years.", D(2025, 6, 11), "years", "DURATION", "PXY"),
    ("Officials warned it may take months to restore power.", D(2025, 6, 11), "months",
     "DURATION", "PXM"),
    ("Demand for copper will double over the next decade.", D(2025, 6, 11), "the next decade",
     "DURATION", "P10Y"),
    ("Inflation has doubled over the past decade.", D(2025, 6, 11), "the past decade",
     "DURATION", "P10Y"),
    ("Kiprono won in 2:05:37, a course record.", D(2025, 4, 21), "2:05:37", "DURATION",
     "PT2H5M37S"),
    ("She clocked 1:59.40 in the final.", D(2025, 8, 3), "1:59.40", "DURATION", "PT1M59.4S"),
    ("The plant opened just 10 years ago in the valley.", D(2025, 6, 11), "just 10 years ago",
     "DATE", "2015"),
    ("The council met only two weeks ago.", D(2025, 6, 11), "only two weeks ago", "DATE",
     "2025-W22"),
    ("The inquiry needs two more weeks.", D(2025, 6, 11), "two more weeks", "DURATION", "P2W"),
    ("The lease runs for an additional year.", D(2025, 6, 11), "an additional year",
     "DURATION", "P1Y"),
    ("Growth will slow over the next couple of years.", D(2025, 6, 11),
     "the next couple of years", "DURATION", "P2Y"),
    ("Traders expect volatility in the weeks ahead.", D(2025, 6, 11), "the weeks ahead",
     "DURATION", "PXW"),
    ("A week-long strike shut the port.", D(2025, 6, 11), "week-long", "DURATION", "P1W"),
]


@pytest.mark.parametrize(("sentence", "dct", "surface", "kind", "value"), DURATIONS)
def test_durations(sentence: str, dct: dt.date, surface: str, kind: str, value: str) -> None:
    found = find(tag(sentence, dct), surface)
    assert (found.type, found.value) == (kind, value)


def test_the_next_decade_spans_from_the_document_date() -> None:
    found = find(tag("Demand will double over the next decade.", D(2025, 6, 11)),
                 "the next decade")
    assert (found.earliest, found.latest) == (D(2025, 6, 11), D(2035, 6, 11))


def test_just_marks_no_approximation() -> None:
    assert find(tag("The plant opened just 10 years ago.", D(2025, 6, 11)),
                "just 10 years ago").mod is None


# Measures that are not times: ages and race margins.
@pytest.mark.parametrize("sentence", [
    "Mr. Okafor, 52 years old, will lead the board.",
    "The program is open to staff 55 years old or older.",
    "The hostage, 37 years old when he was seized, was freed.",
    "Kiprono won in 2:05:37, 12 seconds ahead of his compatriot.",
    "The Dutch rider finished 40 seconds behind the leader.",
])
def test_ages_and_margins_are_not_times(sentence: str) -> None:
    units = ("years", "seconds")
    assert not [t for t in tag(sentence, D(2025, 6, 11)) if t.text.endswith(units)]


# Rates and fractions are measures too: TimeML marks neither as a time.
@pytest.mark.parametrize("sentence", [
    "The preferred stock pays a dividend of $1.76 a year.",
    "The carrier adds four flights a week to Lagos.",
    "The island imports about three-quarters of its food.",
    "Junk bonds make up more than a quarter of the market.",
    "Employers added 150,000 jobs a month on average.",
])
def test_rates_and_fractions_are_not_times(sentence: str) -> None:
    assert tag(sentence, D(2025, 6, 11)) == []


@pytest.mark.parametrize(("sentence", "surface"), [
    ("Talks took a year.", "a year"),
    ("It was the smallest gain in a year.", "a year"),
    ("The firm has lost money for several quarters of the past decade.", "several quarters"),
])
def test_durations_beside_rates_stay(sentence: str, surface: str) -> None:
    assert find(tag(sentence, D(2025, 6, 11)), surface).type == "DURATION"


# Sets: a named season, month or part of day repeated; adverbs of frequency.
SETS = [
    ("The harbour festival is held each summer.", "each summer", "XXXX-SU"),
    ("Night patrols go out every evening along the coast.", "every evening", "XXXX-XX-XXTEV"),
    ("The fishing ban starts every spring.", "every spring", "XXXX-SP"),
    ("Growers meet in the square each July.", "each July", "XXXX-07"),
    ("The licence fee is reviewed annually.", "annually", "P1Y"),
    ("Ferries to the island sail daily.", "daily", "P1D"),
    ("Markets open every Tuesday.", "every Tuesday", "XXXX-WXX-2"),
]


@pytest.mark.parametrize(("sentence", "surface", "value"), SETS)
def test_sets(sentence: str, surface: str, value: str) -> None:
    found = find(tag(sentence, D(2025, 6, 11)), surface)
    assert (found.type, found.value) == ("SET", value)


# Hyphenated year ranges are two expressions; the second year may be short.
@pytest.mark.parametrize(("sentence", "values"), [
    ("Exports grew in the 1998-99 season.", [("1998", "1998"), ("99", "1999")]),
    ("Output fell through 2019–2021, the ministry said.", [("2019", "2019"), ("2021", "2021")]),
    ("The 1999-00 budget was approved.", [("1999", "1999"), ("00", "2000")]),
])
def test_year_ranges(sentence: str, values: list[tuple[str, str]]) -> None:
    found = [(t.text, t.value) for t in tag(sentence, D(2025, 6, 11))]
    assert found == values


def test_a_phone_number_is_no_year_range() -> None:
    assert not [t for t in tag("Call 2024-1234 for tickets.", D(2025, 6, 11)) if t.value[:2]
                in ("19", "20")]


# Fiscal years and the end of the year.
FISCAL = [
    ("The lender expects to cut its debt by year-end.", D(2025, 6, 11), "year-end", "2025",
     "END"),
    ("The plan is due by year's end.", D(2025, 6, 11), "year's end", "2025", "END"),
    ("Profit fell at year-end, the company said.", D(2025, 2, 11), "year-end", "2024", "END"),
    ("Sales for the current fiscal year will rise.", D(2025, 6, 11),
     "the current fiscal year", "2025", None),
    ("Sales in the latest fiscal year fell.", D(2025, 6, 11), "the latest fiscal year", "2024",
     None),
    ("The mill will close by the end of the year.", D(2025, 6, 11), "the end of the year",
     "2025", "END"),
    ("Analysts cut forecasts for the full year.", D(2025, 6, 11), "the full year", "2025",
     None),
    ("Profit for fiscal 2024 rose 8%.", D(2025, 6, 11), "fiscal 2024", "2024", None),
    ("Sales for the year will rise 5%, the chain said.", D(2025, 6, 11), "the year", "2025",
     None),
    ("Net income for the year ended March 31 fell.", D(2025, 6, 11), "the year", "P1Y", None),
]


@pytest.mark.parametrize(("sentence", "dct", "surface", "value", "mod"), FISCAL)
def test_fiscal_years_and_year_end(sentence: str, dct: dt.date, surface: str, value: str,
                                   mod: str | None) -> None:
    found = find(tag(sentence, dct), surface)
    assert (found.value, found.mod) == (value, mod)


# Modifiers inside spans: approximations, late/early on a day, "over" on a duration; but not
# prepositions ("over the past year"), nor articles of an adjectival duration ("a two-year deal").
MODIFIERS = [
    ("The blast came at about 10:35 a.m.", "about 10:35 a.m", "APPROX"),
    ("Fighting resumed late Tuesday near the border.", "late Tuesday", "END"),
    ("The convoy left early Monday.", "early Monday", "START"),
    ("The ministers met around noon.", "around noon", "APPROX"),
    ("The lender expects a loss around year end.", "around year end", "END"),
    ("The hearing lasted over an hour.", "over an hour", "APPROX"),
    ("Earlier Sunday, rescuers reached the village.", "Earlier Sunday", None),
    ("Prices rose over the past year.", "the past year", None),
    ("The union signed a two-year contract.", "two-year", None),
    ("A 16-hour flight brought them home.", "16-hour", None),
    ("They spent a week in talks.", "a week", None),
    ("Talks may resume in the near future.", "the near future", None),
]


@pytest.mark.parametrize(("sentence", "surface", "mod"), MODIFIERS)
def test_modifiers_inside_spans(sentence: str, surface: str, mod: str | None) -> None:
    assert find(tag(sentence, D(2025, 6, 11)), surface).mod == mod


def test_a_modifier_on_a_day_keeps_the_day() -> None:
    found = find(tag("Fighting resumed late Tuesday.", D(2025, 6, 11)), "late Tuesday")
    assert (found.earliest, found.latest) == (D(2025, 6, 10), D(2025, 6, 10))


# Named time zones belong to the clock time; capitalised abbreviations only.
ZONES = [
    ("The launch is set for 10 a.m. Eastern Time on Friday.",
     "10 a.m. Eastern Time on Friday", "2025-06-13T10:00"),
    ("Polls close at 8 p.m. local time.", "8 p.m. local time", "2025-06-11T20:00"),
    ("The shelling began at 14:30 Moscow time.", "14:30 Moscow time", "2025-06-11T14:30"),
    ("Trading resumes at 9:30 a.m. EST.", "9:30 a.m. EST", "2025-06-11T09:30"),
    ("Ferries leave at 6 a.m. East of the river the road is shut.", "6 a.m", "2025-06-11T06:00"),
]


@pytest.mark.parametrize(("sentence", "surface", "value"), ZONES)
def test_time_zones(sentence: str, surface: str, value: str) -> None:
    assert find(tag(sentence, D(2025, 6, 11)), surface).value == value


def test_a_zone_name_alone_is_no_time() -> None:
    assert [t.text for t in tag("Pacific Daylight Time applies in summer.", D(2025, 6, 11))] \
        == ["summer"]


# Reference time: clock times and "the day before" follow the narrative's day, not the
# document's; a bare clock time does not move that day; an apposition renames the date.
def test_a_clock_time_takes_the_narrative_day() -> None:
    text = "The rally was held on Saturday. Police fired tear gas at 10 p.m."
    assert find(tag(text, D(2025, 6, 11)), "10 p.m").value == "2025-06-07T22:00"


def test_the_day_before_follows_the_narrative_past_a_clock_time() -> None:
    text = ("The rally was held on Saturday. Police fired tear gas at 10 p.m. "
            "The day before, thousands had marched.")
    assert find(tag(text, D(2025, 6, 11)), "The day before").value == "2025-06-06"


def test_a_24_hour_clock_time_takes_the_weekday_after_it_past_brackets() -> None:
    text = "The convoy crossed the bridge at 06:15 local time (03:15 GMT) on Friday."
    timexes = tag(text, D(2025, 6, 11))
    assert find(timexes, "06:15 local time").value == "2025-06-06T06:15"
    assert find(timexes, "03:15 GMT").value == "2025-06-06T03:15"


@pytest.mark.parametrize(("sentence", "surface", "value"), [
    ("The ferry sails at 4 in the morning.", "4 in the morning", "2025-06-11T04:00"),
    ("Polls close at eight in the evening.", "eight in the evening", "2025-06-11T20:00"),
])
def test_clock_times_told_by_part_of_day(sentence: str, surface: str, value: str) -> None:
    assert find(tag(sentence, D(2025, 6, 11)), surface).value == value


def test_a_clock_time_without_a_narrative_day_is_the_document_day() -> None:
    assert find(tag("Polls close at 8 p.m.", D(2025, 6, 11)), "8 p.m").value == \
        "2025-06-11T20:00"


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("The mill closed on March 3, 2024. The year before, it had cut 200 jobs.",
     "The year before", "2023"),
    ("The mill closed on March 3, 2024. The month after, it reopened.", "The month after",
     "2024-04"),
])
def test_anaphora_take_the_unit_they_name(text: str, surface: str, value: str) -> None:
    assert find(tag(text, D(2025, 6, 11)), surface).value == value


def test_that_same_day_after_a_month_is_a_day_of_that_month() -> None:
    text = "The clinic was bombed in October 2024. That same day, police sealed the street."
    found = find(tag(text, D(2025, 2, 6)), "That same day")
    assert (found.value, found.earliest, found.latest) == ("2024-10-XX", D(2024, 10, 1),
                                                           D(2024, 10, 31))


def test_an_apposition_renames_the_date_just_given() -> None:
    text = "Shares fell on Oct. 12, the day before the crash, and again later."
    assert find(tag(text, D(2025, 10, 30)), "the day before").value == "2025-10-12"


@pytest.mark.parametrize(("sentence", "surface", "value"), [
    ("Sales start this September, the company said.", "this September", "2026-09"),
    ("Profit in next year's first quarter will rise.", "next year's first quarter", "2027-Q1"),
    ("Net income rose in the third quarter from the 2025 quarter.", "the 2025 quarter",
     "2025-Q3"),
])
def test_named_periods_of_the_document_year(sentence: str, surface: str, value: str) -> None:
    assert find(tag(sentence, D(2026, 2, 5)), surface).value == value


def test_election_day_is_the_tuesday_after_the_first_monday_of_november() -> None:
    found = find(tag("Voters go to the polls on Election Day.", D(2026, 10, 20)), "Election Day")
    assert found.value == "2026-11-03"


def test_the_latest_period_is_the_last_reported_quarter() -> None:
    found = find(tag("Net income rose 8% in the latest period.", D(2025, 10, 30)),
                 "the latest period")
    assert found.value == "2025-Q3"


# Names and titles that contain a common time word are not times; headlines and sentence
# starts keep their capitals without becoming names.
@pytest.mark.parametrize("sentence", [
    'Mr. Baker, speaking on ABC News\' "This Week," said the request was urgent.',
    "This is VOA Today.",
    "The campaign evoked the film ``High Noon.''",
    "Protesters recalled the Prague Spring.",
])
def test_names_with_time_words_are_not_times(sentence: str) -> None:
    assert tag(sentence, D(2025, 6, 11)) == []


@pytest.mark.parametrize(("sentence", "surface"), [
    ("Today, hundreds of people marched.", "Today"),
    ("``Today, I am here to tell you the truth,'' he said.", "Today"),
    ("Peace Talks Resume This Week in Geneva", "This Week"),
    ("They met in Kyiv Wednesday.", "Wednesday"),
])
def test_capitals_that_are_still_times(sentence: str, surface: str) -> None:
    find(tag(sentence, D(2025, 6, 11)), surface)


# Vague present and past words (TimeML's reference values); "Now," opening a sentence is a
# discourse marker, and "in" stays outside "the future".
VAGUE = [
    ("Prices are now falling across the region.", "now", "PRESENT_REF"),
    ("The minister recently visited the plant.", "recently", "PAST_REF"),
    ("The mine currently employs 400 people.", "currently", "PRESENT_REF"),
    ("Talks may resume in the near future.", "the near future", "FUTURE_REF"),
    ("Stocks like these were popular in the past.", "the past", "PAST_REF"),
    ("Margins will stay thin in the near term.", "the near term", "FUTURE_REF"),
    ("The board will decide at a later date.", "a later date", "FUTURE_REF"),
]


@pytest.mark.parametrize(("sentence", "surface", "value"), VAGUE)
def test_vague_present_and_past_words(sentence: str, surface: str, value: str) -> None:
    assert find(tag(sentence, D(2025, 6, 11)), surface).value == value


def test_now_opening_a_sentence_with_a_comma_is_a_discourse_marker() -> None:
    assert tag("Now, the question is who pays for the repairs.", D(2025, 6, 11)) == []


# Dates read aloud in broadcast transcripts.
@pytest.mark.parametrize(("sentence", "surface", "value"), [
    ("January nineteen ninety-seven. A second bomb went off.", "January nineteen ninety-seven",
     "1997-01"),
    ("It was the winter of nineteen ninety-four.", "the winter of nineteen ninety-four",
     "1994-WI"),
    ("Women's Day is this coming Sunday, March eighth.", "March eighth", "1998-03-08"),
    ("The polls close on March twenty-first.", "March twenty-first", "1998-03-21"),
])
def test_spelled_dates(sentence: str, surface: str, value: str) -> None:
    assert find(tag(sentence, D(1998, 3, 5)), surface).value == value
