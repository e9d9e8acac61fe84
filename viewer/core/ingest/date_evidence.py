"""Publication dates inferred from what an undated article itself shows: its dateline, a dated
photo caption, or the day its lead says something was said ("confirmed on March 26").

Never a guess: a day and month must be written; the year is written, or follows from a weekday
written beside the date, from the latest year the article names, or (done over the folder)
from the other dated articles. The evidence is kept so it can be shown and confirmed.
Patterns are data in `resources/date_evidence.toml`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from viewer.core.ingest.written_dates import in_range
from viewer.core.model import DateSource, Document, Problem
from viewer.core.resources import load_data

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class DateEvidence:
    kind: str  # dateline, caption, text
    snippet: str
    month: int
    day: int
    year: int | None
    weekday: int | None  # 0 = Monday, when one is written beside the date


@dataclass(frozen=True, slots=True)
class _Rules:
    dateline: re.Pattern[str]
    dateline_lines: int
    caption: re.Pattern[str]
    text: re.Pattern[str]
    text_paragraphs: int
    not_now: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]


def _date_pattern(months: dict[str, int], weekdays: dict[str, int]) -> str:
    month = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    weekday = "|".join(sorted((re.escape(w) for w in weekdays), key=len, reverse=True))
    return (rf"(?:(?P<weekday>{weekday})\.?,?\s+)?"
            rf"(?:(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{month})\.?)"
            rf"(?:,?\s+(?P<year>\d{{4}}))?\b")


@functools.cache
def _rules() -> _Rules:
    data = load_data("date_evidence.toml")
    timex = load_data("timex.toml")
    months = {k.lower(): int(v) for k, v in timex["tables"]["months"].items()}
    weekdays = {k.lower(): int(v) - 1 for k, v in timex["tables"]["weekdays"].items()}  # Mon 0
    date = _date_pattern(months, weekdays)

    def compile_(key: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        return re.compile(data[key].replace("{date}", date), flags)

    # The dateline's place is in capitals: only the date part ignores case.
    dateline = re.compile(data["dateline"].replace("{date}", f"(?i:{date})"))
    return _Rules(dateline,
                  int(data["dateline_lines"]), compile_("caption"), compile_("text"),
                  int(data["text_paragraphs"]), re.compile(data["not_now"], re.IGNORECASE),
                  months, weekdays)


def _evidence(kind: str, match: re.Match[str], rules: _Rules) -> DateEvidence | None:
    month = rules.months.get((match.group("month") or match.group("month2") or "").lower())
    day = int(match.group("day") or match.group("day2") or 0)
    year = int(match.group("year")) if match.group("year") else None
    weekday_name = match.group("weekday")
    weekday = rules.weekdays.get(weekday_name.lower()) if weekday_name else None
    if month is None or not 1 <= day <= 31:
        return None
    return DateEvidence(kind, " ".join(match.group(0).split()), month, day, year, weekday)


@functools.cache
def _dateline_at_line_start() -> re.Pattern[str]:
    return re.compile(_rules().dateline.pattern, re.MULTILINE)


def dateline_end(text: str, start: int, end: int) -> int | None:
    """Where a dateline that opens text[start:end] ends ("ADEN, June 9 (Coast Radio) —"),
    or None: its date is the day of the report, not of the happening told after it."""
    match = _dateline_at_line_start().match(text, start, end)
    return match.end() if match else None


def find_evidence(text: str) -> DateEvidence | None:
    """The strongest evidence of the day an undated article was written, or None."""
    rules = _rules()
    lines = [line for line in text.split("\n") if line.strip()]
    for line in lines[: rules.dateline_lines]:
        match = rules.dateline.search(line)
        if match:
            found = _evidence("dateline", match, rules)
            if found is not None:
                return found
    for match in rules.caption.finditer(text):
        found = _evidence("caption", match, rules)
        if found is not None and found.year is not None:
            return found
    lead = "\n".join(lines[: rules.text_paragraphs + 2])  # the headline and lead paragraphs
    for match in rules.text.finditer(lead):
        found = _evidence("text", match, rules)
        if found is not None:
            return found
    return None


def _day(year: int, evidence: DateEvidence) -> dt.date | None:
    try:
        day = dt.date(year, evidence.month, evidence.day)
    except ValueError:
        return None
    return day if in_range(day) else None


def latest_year(text: str) -> int | None:
    """The latest year the text names as its present or past (not "by 2030")."""
    rules = _rules()
    years = [int(m.group(1)) for m in _YEAR.finditer(text)
             if not rules.not_now.search(text, max(0, m.start() - 24), m.start())]
    return max(years, default=None)


def resolve(evidence: DateEvidence, text: str,
            folder_dates: Iterable[dt.date] = ()) -> tuple[dt.date, str] | None:
    """The date the evidence gives and how its year was found, or None when it cannot say."""
    if evidence.year is not None:
        day = _day(evidence.year, evidence)
        return (day, "written") if day else None
    named = latest_year(text)
    dated = sorted(folder_dates)
    candidates = sorted({y for base in ([named] if named else []) + [d.year for d in dated]
                         for y in (base - 1, base, base + 1)})
    if evidence.weekday is not None:
        fits = [y for y in candidates
                if (d := _day(y, evidence)) and d.weekday() == evidence.weekday]
        if len(fits) == 1:
            day = _day(fits[0], evidence)
            return (day, "weekday") if day else None
    if named is not None:
        day = _day(named, evidence)
        return (day, f"year {named} named in the text") if day else None
    if dated:
        days = [d for y in candidates if (d := _day(y, evidence))]
        if days:
            best = min(days, key=lambda d: (min(abs((d - x).days) for x in dated), d))
            return best, "the folder's other dates"
    return None


EVIDENCE_KEY = "date-evidence"  # in Document.meta: what the inferred date rests on
PARTIAL_KEY = "date-evidence-day"  # "MM-DD" when only the folder can give the year


def _confirm(rel: str, day: dt.date, evidence: str) -> Problem:
    return Problem(rel, "inferred-date", f"publication date {day.isoformat()} inferred from "
                   f"{evidence}; confirm it or set another")


def infer_from_evidence(rel: str, text: str, meta: dict[str, str],
                        problems: list[Problem]) -> dt.date | None:
    """The inferred date of an undated article, noting its evidence in `meta` and a problem
    asking to confirm it; a day and month whose year only the folder can give are noted too."""
    evidence = find_evidence(text)
    if evidence is None:
        return None
    found = resolve(evidence, text)
    if found is None:
        meta[PARTIAL_KEY] = f"{evidence.month:02d}-{evidence.day:02d}"
        meta[EVIDENCE_KEY] = f"{evidence.kind} '{evidence.snippet}'"
        return None
    day, how = found
    meta[EVIDENCE_KEY] = f"{evidence.kind} '{evidence.snippet}' (year: {how})"
    problems.append(_confirm(rel, day, meta[EVIDENCE_KEY]))
    return day


def infer_from_folder(rel: str, meta: dict[str, str], text: str,
                      folder_dates: Iterable[dt.date]) -> tuple[dt.date, str, Problem] | None:
    """For an article whose evidence lacks a year: the date the folder's other articles
    place it in, the updated evidence, and the problem asking to confirm it."""
    partial = meta.get(PARTIAL_KEY)
    if not partial:
        return None
    month, day_of_month = (int(x) for x in partial.split("-"))
    evidence = DateEvidence("folder", "", month, day_of_month, None, None)
    found = resolve(evidence, "", folder_dates)
    if found is None:
        return None
    day, how = found
    said = f"{meta.get(EVIDENCE_KEY, 'the text')} (year: {how})"
    return day, said, _confirm(rel, day, said)


def date_by_folder(documents: Sequence[Document],
                   dates: Sequence[dt.date] | None = None) -> list[Document | None]:
    """For each document, a copy dated by the folder when its evidence lacks only the year
    (the year the folder's dated articles place it in), else None. `dates` are the folder's
    dated articles' dates when `documents` are only part of it (a partition of a corpus)."""
    if dates is None:
        dates = [doc.date for doc in documents if doc.date is not None]
    out: list[Document | None] = []
    for doc in documents:
        meta = dict(doc.meta)
        found = infer_from_folder(doc.relpath, meta, doc.text, dates) if doc.date is None \
            else None
        if found is None:
            out.append(None)
            continue
        day, said, problem = found
        meta[EVIDENCE_KEY] = said
        out.append(replace(doc, date=day, date_source=DateSource.INFERRED,
                           problems=(*(p for p in doc.problems if p.kind != "undated"), problem),
                           meta=tuple(sorted(meta.items()))))
    return out
