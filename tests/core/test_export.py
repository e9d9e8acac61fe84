"""Every export format: valid, escaped, complete, and written atomically."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from icalendar import Calendar

from viewer.core.events.document_events import Event
from viewer.core.export import ExportJob, write
from viewer.core.export.formats import render
from viewer.core.model import DateSource, Document
from viewer.core.query import Filter
from viewer.core.serialize import event_from_dict

D = dt.date
XSS = "<img src=x onerror=alert(1)>"


def make_event(eid: str, text: str, **changes: object) -> Event:
    base = Event(id=eid, document="a.txt", text=text, char_start=0, char_end=len(text),
                 start=D(2026, 2, 17), end=D(2026, 2, 17), precision="day",
                 date_source="explicit", timex="Tuesday", timex_value="2026-02-17",
                 parties=("Russia", "Ukraine"), people=("Rustem Umerov",),
                 topics=("negotiations",), boilerplate=False, sentence=0)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture()
def job() -> ExportJob:
    events = (
        make_event("e1", "Talks resumed in Geneva on Tuesday.", tags=("key moment",),
                   note="First day.", review="accepted", corrected=("parties",)),
        make_event("e2", f"A sentence with {XSS} & “quotes”.", start=D(2026, 2, 16),
                   end=D(2026, 2, 22), precision="week"),
        make_event("e3", "=HYPERLINK(\"http://evil.example\",\"click\")"),
        make_event("e4", "An undated event.", start=None, end=None, precision="none",
                   date_source="undated"),
    )
    document = Document(path="/x/a.txt", relpath="a.txt", title="Geneva talks", date=D(2026, 2, 19),
                        date_source=DateSource.SIDECAR, text="", paragraphs=(), sentences=())
    return ExportJob(events, {"a.txt": document}, Filter(parties=frozenset({"Russia"})),
                     "Test timeline")


def test_json_round_trip(job: ExportJob) -> None:
    data = json.loads(render(job, "json"))
    assert [d["path"] for d in data["documents"]] == ["a.txt"]
    assert tuple(event_from_dict(e) for e in data["events"]) == job.events
    first = data["events"][0]
    assert (first["tags"], first["note"], first["review"], first["corrected"]) == (
        ["key moment"], "First day.", "accepted", ["parties"])


def test_jsonl_round_trip(job: ExportJob) -> None:
    lines = render(job, "jsonl").splitlines()
    assert tuple(event_from_dict(json.loads(line)) for line in lines) == job.events


def test_csv_opens_and_neutralises_formulas(job: ExportJob) -> None:
    text = render(job, "csv")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 4
    assert rows[0]["parties"] == "Russia; Ukraine" and rows[0]["tags"] == "key moment"
    assert rows[2]["text"].startswith("'=HYPERLINK")
    assert rows[1]["text"] == f"A sentence with {XSS} & “quotes”."


def test_markdown_chronology_with_citations(job: ExportJob) -> None:
    text = render(job, "md")
    assert "## Tuesday 17 February 2026" in text
    assert "## February 2026 (date imprecise)" in text
    assert "## Undated" in text
    assert text.count("[^") == 2 * len(job.events)  # a marker and a footnote per event
    assert "Geneva talks*, 2026-02-19 (a.txt)" in text
    assert re.search(r"(?<!\\)<img", text) is None  # only the escaped form appears
    assert "\\<img src=x onerror=alert(1)\\>" in text


def test_html_is_self_contained_and_escaped(job: ExportJob) -> None:
    text = render(job, "html")
    assert "<script" not in text.lower()
    assert XSS not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    # Nothing is loaded: no element refers to a resource, and the policy forbids it anyway.
    assert re.search(r"<[^>]+\s(?:src|href|srcset|data)\s*=", text) is None
    assert "url(" not in text and "<link" not in text and "@import" not in text
    assert "default-src 'none'" in text
    assert "<svg" not in text  # the core draws nothing: the app's painter hands it the SVG
    assert "Test timeline" in text and "Geneva talks" in text
    assert "parties: Russia" in text


def test_ics_parses_back(job: ExportJob) -> None:
    calendar = Calendar.from_ical(render(job, "ics"))
    entries = list(calendar.walk("VEVENT"))
    assert len(entries) == 3  # the undated event has no place in a calendar
    week = next(e for e in entries if str(e["UID"]).startswith("e2"))
    assert week.decoded("DTSTART") == D(2026, 2, 16)
    assert week.decoded("DTEND") == D(2026, 2, 23)  # all-day ends are exclusive
    assert XSS in str(week["DESCRIPTION"])


def test_timelinejs_has_the_required_fields(job: ExportJob) -> None:
    data = json.loads(render(job, "timelinejs"))
    assert data["title"]["text"]["headline"] == "Test timeline"
    assert len(data["events"]) == 3
    for slide in data["events"]:
        assert isinstance(slide["start_date"]["year"], int)
        assert slide["text"]["headline"] and slide["text"]["text"]
        assert XSS not in slide["text"]["text"]
    week = data["events"][1]
    assert week["end_date"] == {"year": 2026, "month": 2, "day": 22}
    assert data["events"][0]["group"] == "Russia"


def test_interrupted_write_leaves_nothing_behind(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old content")

    def fail(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError):
        write(target, "new content")
    assert target.read_text() == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_svg_in_report_is_inlined_as_given(job: ExportJob) -> None:
    picture = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'></svg>"
    text = render(dataclasses.replace(job, timeline_svg=picture), "html")
    assert picture in text
    svg = text[text.index("<svg") : text.index("</svg>") + 6]
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")


def test_an_imprecise_span_is_headed_by_the_months_it_covers() -> None:
    """A 1 January - 21 July span was grouped under "January 2025 (date imprecise)"."""
    import datetime as dt

    from viewer.core.export.chronology import _months

    assert _months(dt.date(2025, 1, 1), dt.date(2025, 7, 21)) == "January – July 2025"
    assert _months(dt.date(2025, 3, 1), dt.date(2025, 3, 31)) == "March 2025"
    assert _months(dt.date(2025, 12, 1), dt.date(2026, 1, 31)) == (
        "December 2025 – January 2026")
