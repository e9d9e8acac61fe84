"""Interchange: iCalendar (.ics) for calendar apps and TimelineJS JSON for web stories."""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from typing import Any

from viewer.core.events.document_events import Event
from viewer.core.export import ExportJob


def _headline(event: Event, words: int = 12) -> str:
    parts = event.text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _description(job: ExportJob, event: Event) -> str:
    document = job.documents.get(event.document)
    lines = [event.text, ""]
    if event.parties:
        lines.append("Parties: " + ", ".join(event.parties))
    if event.topics:
        lines.append("Topics: " + ", ".join(job.topic_names(event)))
    if event.tags:
        lines.append("Tags: " + ", ".join(event.tags))
    if event.note:
        lines.append("Note: " + event.note)
    source = document.title if document else event.document
    date = document.date.isoformat() if document and document.date else "undated"
    lines.append(f"Source: {source}, {date} ({event.document})")
    return "\n".join(lines)


def ics(job: ExportJob) -> str:
    """One all-day (or multi-day) calendar event per dated timeline event. The calendar
    library is loaded here, on the first .ics export: at start it cost about 0.12 s of
    every window's first paint (its time-zone tables)."""
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    calendar = Calendar()
    calendar.add("prodid", "-//Timeline Viewer//timeline export//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", job.title)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for event in job.events:
        if event.start is None or event.end is None:
            continue
        entry = CalendarEvent()
        entry.add("uid", f"{event.id}@timeline-viewer")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.start)
        entry.add("dtend", event.end + dt.timedelta(days=1))  # all-day ends are exclusive
        entry.add("summary", _headline(event))
        entry.add("description", _description(job, event))
        if event.topics or event.tags:
            entry.add("categories", job.topic_names(event) + list(event.tags))
        calendar.add_component(entry)
    text: str = calendar.to_ical().decode("utf-8")
    return text


def _tl_date(value: dt.date, precision: str) -> dict[str, Any]:
    out: dict[str, Any] = {"year": value.year}
    if precision not in ("year", "decade", "century"):
        out["month"] = value.month
        if precision in ("day", "time", "week", "weekend", "fuzzy"):
            out["day"] = value.day
    return out


def timelinejs(job: ExportJob) -> str:
    """TimelineJS 3 JSON: title slide, one slide per dated event, grouped by first party
    (or by modality when the job asks)."""
    slides = []
    for event in job.events:
        if event.start is None or event.end is None:
            continue
        slide: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": _tl_date(event.start, event.precision),
            "text": {"headline": _headline(event, 10),
                     "text": _html_lines(_description(job, event))},
        }
        if event.end != event.start:
            slide["end_date"] = _tl_date(event.end, event.precision)
        if job.group_by == "modality":
            slide["group"] = event.modality
        elif event.parties:
            slide["group"] = event.parties[0]
        slides.append(slide)
    payload = {
        "title": {"text": {"headline": job.title,
                           "text": _html_lines(f"{job.description()}; "
                                               f"{len(slides)} events")}},
        "events": slides,
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def _html_lines(text: str) -> str:
    """TimelineJS renders `text` as HTML: escape it, keep the line breaks."""
    return "<br>".join(escape(line) for line in text.split("\n"))
