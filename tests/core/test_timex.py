"""Temporal tagger: the phrases news uses, resolved the way a reader would resolve them."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from viewer.core.timex import Tagger, tag
from viewer.core.timex.value_calendar import interval

D = dt.date


# (sentence, document date, expression, type, value)
CASES = [
    # weekdays: tense of the clause and cue words decide the direction
    ("On Wednesday, Russian forces launched an attack on several cities.", D(2026, 1, 29),
     "Wednesday", "DATE", "2026-01-28"),
    ("Negotiators plan a new round of talks next Sunday.", D(2026, 1, 29),
     "next Sunday", "DATE", "2026-02-01"),
    ("Ukraine and Russia are set to engage in a fresh round of talks on Wednesday.",
     D(2025, 7, 22), "Wednesday", "DATE", "2025-07-23"),
    ("Umerov said the first day of talks on Tuesday focused on practical issues.",
     D(2026, 2, 19), "Tuesday", "DATE", "2026-02-17"),
    ("The delegations will meet again this Wednesday.", D(2026, 2, 19),
     "this Wednesday", "DATE", "2026-02-25"),
    ("The delegations met this Monday in Geneva.", D(2026, 2, 19),
     "this Monday", "DATE", "2026-02-16"),
    ("New discussions in Istanbul this Wednesday.", D(2025, 7, 22),
     "this Wednesday", "DATE", "2025-07-23"),
    ("He spoke last Friday.", D(2026, 2, 19), "last Friday", "DATE", "2026-02-13"),
    ("Wednesday's ruling was appealed.", D(2026, 2, 19), "Wednesday", "DATE", "2026-02-18"),
    ("Officials said Thursday that talks continue.", D(2026, 2, 19), "Thursday", "DATE",
     "2026-02-19"),
    ("The father would be traveling to the United States Thursday.", D(2000, 4, 5),
     "Thursday", "DATE", "2000-04-06"),
    # deictic days and parts of days
    ("Yesterday the envoy arrived.", D(2025, 6, 5), "Yesterday", "DATE", "2025-06-04"),
    ("Talks resume tomorrow.", D(2025, 6, 5), "tomorrow", "DATE", "2025-06-06"),
    ("The vote is tonight.", D(2025, 6, 5), "tonight", "TIME", "2025-06-05TNI"),
    ("An overnight attack in Kramatorsk killed a child.", D(2025, 7, 22), "overnight", "TIME",
     "2025-07-21TNI"),
    ("He spoke on Thursday morning.", D(2025, 6, 5), "Thursday morning", "TIME",
     "2025-06-05TMO"),
    ("Talks began at 9 a.m. on Tuesday.", D(2026, 2, 19), "9 a.m. on Tuesday", "TIME",
     "2026-02-17T09:00"),
    # calendar dates, months, years, typos
    ("The war began in October 2023.", D(2025, 6, 5), "October 2023", "DATE", "2023-10"),
    ("Russia's full-scale invasion in2022 changed everything.", D(2025, 7, 22), "2022", "DATE",
     "2022"),
    ("It was signed on Feb. 17, 2026 in Geneva.", D(2026, 3, 1), "Feb. 17, 2026", "DATE",
     "2026-02-17"),
    ("It was signed on 17 February 2026.", D(2026, 3, 1), "17 February 2026", "DATE",
     "2026-02-17"),
    ("The deal, dated 2026-02-17, stands.", D(2026, 3, 1), "2026-02-17", "DATE", "2026-02-17"),
    ("Rescued on Nov. 25 by fishermen, he recovered.", D(2000, 1, 7), "Nov. 25", "DATE",
     "1999-11-25"),
    ("He must testify on Feb. 10.", D(2000, 1, 7), "Feb. 10", "DATE", "2000-02-10"),
    ("Elections are planned for May.", D(2026, 3, 1), "May", "DATE", "2026-05"),
    ("Prices fell in December.", D(2026, 3, 1), "December", "DATE", "2025-12"),
    ("The offensive of summer 2025 stalled.", D(2026, 3, 1), "summer 2025", "DATE", "2025-SU"),
    ("Exports rose in the 1990s.", D(2026, 3, 1), "the 1990s", "DATE", "199"),
    ("Nineteen ninety-six was a hard year.", D(1998, 3, 1), "Nineteen ninety-six", "DATE",
     "1996"),
    ("Profits rose in the third quarter.", D(1989, 11, 2), "the third quarter", "DATE",
     "1989-Q3"),
    ("Sales rose in the third quarter from a year earlier.", D(1989, 11, 2), "a year earlier",
     "DATE", "1988-Q3"),
    ("He was elected in June last year.", D(2026, 3, 1), "June last year", "DATE", "2025-06"),
    ("Easter falls late.", D(2026, 3, 1), "Easter", "DATE", "2026-04-05"),
    # relative periods and fuzzy spans
    ("Talks resumed in Geneva this week.", D(2026, 2, 19), "this week", "DATE", "2026-W08"),
    ("He met them last week.", D(2026, 2, 19), "last week", "DATE", "2026-W07"),
    ("This initiative follows a proposal made over the weekend.", D(2025, 7, 22), "the weekend",
     "DATE", "2025-W29-WE"),
    ("Talks in Istanbul earlier this year failed.", D(2025, 7, 22), "earlier this year", "DATE",
     "2025"),
    ("He was recently elected.", D(2026, 2, 18), "recently", "DATE", "PAST_REF"),
    ("Fighting escalated in recent weeks.", D(2025, 6, 5), "recent weeks", "DURATION", "PXW"),
    ("It is now clear.", D(2026, 2, 18), "now", "DATE", "PRESENT_REF"),
    ("Two weeks ago the talks stalled.", D(2026, 2, 19), "Two weeks ago", "DATE", "2026-W06"),
    ("Three years ago the war began.", D(2025, 6, 5), "Three years ago", "DATE", "2022"),
    # anaphora: against the latest date the narrative mentioned
    ("The talks ended on Wednesday, after six hours of talks the day before.", D(2026, 2, 18),
     "the day before", "DATE", "2026-02-17"),
    ("The summit opened on 3 March 2025. That week, markets fell.", D(2025, 4, 1), "That week",
     "DATE", "2025-W10"),
    ("Talks began on 16 February 2026. On the first day, little happened.", D(2026, 2, 19),
     "the first day", "DATE", "2026-02-16"),
    ("The attacks come days after Ukraine targeted airfields.", D(2025, 6, 5), "days",
     "DURATION", "PXD"),
    ("Talks began on 16 February 2026; the next day they broke down.", D(2026, 2, 19),
     "the next day", "DATE", "2026-02-17"),
    # durations kept apart from dates
    ("It took three years to get them in one room.", D(2025, 6, 5), "three years", "DURATION",
     "P3Y"),
    ("They met for roughly six hours.", D(2026, 2, 19), "roughly six hours", "DURATION", "PT6H"),
    ("A six-hour session ended.", D(2026, 2, 19), "six-hour", "DURATION", "PT6H"),
    ("A ceasefire within the next 50 days.", D(2025, 7, 22), "the next 50 days", "DURATION",
     "P50D"),
    ("The talks ended in less than 90 minutes.", D(2025, 6, 5), "less than 90 minutes",
     "DURATION", "PT90M"),
    ("It lasted 5 1/2 hours.", D(2025, 6, 5), "5 1/2 hours", "DURATION", "PT5H30M"),
    ("The fighting has gone on for years.", D(2025, 6, 5), "years", "DURATION", "PXY"),
    # sets
    ("Sirens sound daily.", D(2025, 6, 5), "daily", "SET", "P1D"),
    ("They meet every week.", D(2025, 6, 5), "every week", "SET", "P1W"),
    ("They meet every Monday.", D(2025, 6, 5), "every Monday", "SET", "XXXX-WXX-1"),
]


@pytest.mark.parametrize(("sentence", "dct", "surface", "kind", "value"), CASES,
                         ids=[c[2] + "|" + c[0][:30] for c in CASES])
def test_phrase(sentence: str, dct: dt.date, surface: str, kind: str, value: str) -> None:
    timex = find(tag(sentence, dct), surface)
    assert (timex.type, timex.value) == (kind, value)
    assert sentence[timex.start : timex.end] == surface


@pytest.mark.parametrize(
    "sentence",
    [
        "A second round of talks is planned.",  # "a second" is no duration
        "A 6-year-old boy was rescued.",  # ages are not time expressions
        "They may meet soon.",  # the modal "may"
        "The fall of the city was swift.",  # "fall" as a noun
        "Missiles hit 2,030 targets and 1998 people fled.",
        "Troops from the United States arrived.",
    ],
)
def test_not_time_expressions(sentence: str) -> None:
    assert [t.text for t in tag(sentence, D(2026, 2, 19))] == []


def test_without_document_date_values_stay_unresolved() -> None:
    timexes = tag("On Wednesday they met, and yesterday they left in March.", None)
    assert [(t.text, t.value) for t in timexes] == [
        ("Wednesday", "XXXX-WXX-3"), ("yesterday", "XXXX-XX-XX"), ("March", "XXXX-03")]
    assert all(t.earliest is None and t.anchor == "none" for t in timexes)


@pytest.mark.parametrize(
    ("value", "earliest", "latest"),
    [
        ("2026-02-17", D(2026, 2, 17), D(2026, 2, 17)),
        ("2026-02-17TMO", D(2026, 2, 17), D(2026, 2, 17)),
        ("2026-02", D(2026, 2, 1), D(2026, 2, 28)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2026-W08", D(2026, 2, 16), D(2026, 2, 22)),
        ("2026-W08-WE", D(2026, 2, 21), D(2026, 2, 22)),
        ("2025-Q3", D(2025, 7, 1), D(2025, 9, 30)),
        ("2025-H1", D(2025, 1, 1), D(2025, 6, 30)),
        ("2025-SU", D(2025, 6, 1), D(2025, 8, 31)),
        ("2025-WI", D(2025, 12, 1), D(2026, 2, 28)),
        ("2025", D(2025, 1, 1), D(2025, 12, 31)),
        ("199", D(1990, 1, 1), D(1999, 12, 31)),
        ("19", D(1900, 1, 1), D(1999, 12, 31)),
        ("P3Y", None, None),
        ("PRESENT_REF", None, None),
        ("XXXX-WXX-3", None, None),
    ],
)
def test_intervals(value: str, earliest: dt.date | None, latest: dt.date | None) -> None:
    assert interval(value) == (earliest, latest)


def test_fuzzy_spans_carry_ranges() -> None:
    dct = D(2025, 7, 22)
    timexes = tag("Talks earlier this year failed; fighting grew in recent weeks; the vote "
                  "comes within the next 50 days. He was recently moved.", dct)
    spans = {t.text: (t.earliest, t.latest) for t in timexes}
    assert spans["earlier this year"] == (D(2025, 1, 1), dct)
    assert spans["recent weeks"] == (dct - dt.timedelta(days=42), dct)
    assert spans["the next 50 days"] == (dct, D(2025, 9, 10))
    assert spans["recently"][1] == dct and spans["recently"][0] < dct


def test_mod_narrows_the_interval() -> None:
    early = find(tag("It happened in early March 2025.", D(2025, 6, 1)), "early March 2025")
    assert early.mod == "START"
    # the 11th is already mid-March's
    assert (early.earliest, early.latest) == (D(2025, 3, 1), D(2025, 3, 10))


def test_folder_rules_are_tried_first(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / ".timeline-viewer").mkdir()
    (folder / ".timeline-viewer" / "timex.toml").write_text(
        "[[rule]]\nid = 'maidan'\npattern = '(?P<word>Maidan day)'\ntype = 'DATE'\n"
        "norm = 'numeric_date'\n"
        "[[rule]]\nid = 'orthodox-christmas'\npattern = 'Orthodox Christmas (?P<year>\\d{4})'\n"
        "type = 'DATE'\nnorm = 'year'\n"
    )
    tagger = Tagger.for_folder(folder)
    found = tagger.tag("Celebrations for Orthodox Christmas 2025 were muted.", D(2025, 2, 1))
    assert [(t.text, t.value, t.rule) for t in found] == [
        ("Orthodox Christmas 2025", "2025", "orthodox-christmas")]
