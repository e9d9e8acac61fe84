"""Markdown chronology and a self-contained HTML report (with the app's SVG timeline)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape

from viewer.core.events.document_events import Event
from viewer.core.export import ExportJob
from viewer.core.export.provenance import HTML_MARK, MARKDOWN_MARK
from viewer.core.export.wording import disputes, lead, trailer


def _group_key(event: Event) -> tuple[int, str]:
    """Events group by day, or by month when the date is no finer than that."""
    if event.start is None:
        return (10**9, "Undated")
    if event.precision not in ("day", "time"):
        return (event.start.replace(day=1).toordinal(),
                _months(event.start, event.end or event.start) + " (date imprecise)")
    return (event.start.toordinal(), event.start.strftime("%A %d %B %Y").replace(" 0", " "))


def _months(first: dt.date, last: dt.date) -> str:
    """The months an imprecise date covers: "March 2025", "January – July 2025",
    "December 2025 – January 2026" (a January-July span was headed "January 2025")."""
    if (first.year, first.month) == (last.year, last.month):
        return first.strftime("%B %Y")
    if first.year == last.year:
        return f"{first.strftime('%B')} – {last.strftime('%B %Y')}"
    return f"{first.strftime('%B %Y')} – {last.strftime('%B %Y')}"


def grouped(events: Iterable[Event]) -> list[tuple[str, list[Event]]]:
    groups: dict[tuple[int, str], list[Event]] = {}
    for event in events:
        groups.setdefault(_group_key(event), []).append(event)
    return [(key[1], items) for key, items in sorted(groups.items())]


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "undated"


def _markdown_text(text: str) -> str:
    """Escape Markdown syntax so a sentence cannot become a link, heading or list."""
    out = " ".join(text.split())
    for char in "\\`*_[]<>#|":
        out = out.replace(char, "\\" + char)
    return out


def markdown(job: ExportJob) -> str:
    lines = [MARKDOWN_MARK, f"# {_markdown_text(job.title)}", "",
             f"*Filter: {_markdown_text(job.description())}. "
             f"{len(job.events)} events from "
             f"{len({e.document for e in job.events})} articles.*", ""]
    if job.periods:
        lines += ["## Periods", ""] + [
            f"- **{_markdown_text(p.name)}**: {p.start.isoformat()} – {p.end.isoformat()}"
            for p in job.periods] + [""]
    notes: list[str] = []
    disputed = disputes(job.events, lambda path: _source(job, path))
    for heading, events in grouped(job.events):
        lines += [f"## {heading}", ""]
        for event in events:
            notes.append(_citation_md(job, event, len(notes) + 1))
            topics = ", ".join(job.topic_names(event))
            meta = " · ".join(x for x in (", ".join(event.parties), topics,
                                          ", ".join(f"#{t}" for t in event.tags)) if x)
            date = "" if event.precision in ("day", "time", "none") else (
                f" ({_date(event.start)} – {_date(event.end)})")
            lines.append(f"- {_markdown_text(lead(event) + event.text)}{date}"
                         + (f" — {_markdown_text(meta)}" if meta else "")
                         + f" [^{len(notes)}]")
            if event.note:
                lines.append(f"  - *Note:* {_markdown_text(event.note)}")
            if trailer(event):
                lines.append(f"  - *{_markdown_text(trailer(event))}*")
            lines += [f"  - {_markdown_text(d.text())}" for d in disputed.get(event.id, ())]
        lines.append("")
    return "\n".join(lines + notes) + "\n"


def _source(job: ExportJob, path: str) -> str:
    """An article cited inline: its title and publication date."""
    document = job.documents.get(path)
    if document is None:
        return path
    return f"{document.title}, {_date(document.date)}"


def _citation_md(job: ExportJob, event: Event, number: int) -> str:
    document = job.documents.get(event.document)
    title = document.title if document else event.document
    date = _date(document.date) if document else "undated"
    return (f"[^{number}]: *{_markdown_text(title)}*, {date} ({_markdown_text(event.document)})"
            f": “{_markdown_text(event.text)}”")


_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1{margin-bottom:.2em} .filter{color:#555} h2{border-bottom:1px solid #ddd;margin-top:1.6em}
ul{padding-left:1.2em} li{margin:.5em 0} .meta{color:#666;font-size:90%}
.cite{color:#555;font-size:88%;border-left:3px solid #ddd;padding-left:.6em;margin:.2em 0}
.note{font-style:italic} .lead{font-weight:600}
.disputed{color:#8a1c1c;margin:.2em 0} .outcome{color:#1d4f91;margin:.2em 0}
svg{width:100%;height:auto;border:1px solid #eee}
"""


def html(job: ExportJob) -> str:
    """One file, no scripts and nothing loaded from anywhere: readable anywhere, offline."""
    parts = [
        "<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>", HTML_MARK,
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<title>{escape(job.title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(job.title)}</h1>",
        f"<p class='filter'>Filter: {escape(job.description())} · "
        f"{len(job.events)} events from {len({e.document for e in job.events})} articles</p>",
        job.timeline_svg,
    ]
    if job.periods:
        parts.append("<h2>Periods</h2><ul>" + "".join(
            f"<li><b>{escape(p.name)}</b>: {p.start.isoformat()} – {p.end.isoformat()}</li>"
            for p in job.periods) + "</ul>")
    disputed = disputes(job.events, lambda path: _source(job, path))
    for heading, events in grouped(job.events):
        parts.append(f"<h2>{escape(heading)}</h2><ul>")
        for event in events:
            document = job.documents.get(event.document)
            title = document.title if document else event.document
            published = _date(document.date) if document else "undated"
            topics = ", ".join(job.topic_names(event))
            meta = " · ".join(x for x in (", ".join(event.parties), topics,
                                          ", ".join(event.tags)) if x)
            span = "" if event.precision in ("day", "time", "none") else (
                f" <span class='meta'>({escape(_date(event.start))} – "
                f"{escape(_date(event.end))})</span>")
            said = f"<span class='lead'>{escape(lead(event))}</span>" if lead(event) else ""
            parts.append(
                f"<li><div>{said}{escape(event.text)}{span}</div>"
                f"<div class='meta'>{escape(meta)}</div>"
                + (f"<div class='note'>Note: {escape(event.note)}</div>" if event.note else "")
                + (f"<div class='outcome'>{escape(trailer(event))}</div>" if trailer(event)
                   else "")
                + "".join(f"<div class='disputed'>{escape(d.text())}</div>"
                          for d in disputed.get(event.id, ()))
                + f"<div class='cite'>{escape(title)}, {escape(published)} — "
                f"{escape(event.document)}</div></li>")
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
