"""Format name → writer, for the CLI and the export dialog alike."""

from __future__ import annotations

from collections.abc import Callable

from viewer.core.export import ExportJob
from viewer.core.export.chronology import html, markdown
from viewer.core.export.interchange import ics, timelinejs
from viewer.core.export.writers import events_csv, events_json, events_jsonl


def _json(job: ExportJob) -> str:
    docs = [job.documents[d] for d in sorted({e.document for e in job.events})
            if d in job.documents]
    extra: dict[str, object] = {"title": job.title}
    if job.periods:
        extra["periods"] = [p.to_dict() for p in job.periods]
    return events_json(docs, job.events, extra)


WRITERS: dict[str, Callable[[ExportJob], str]] = {
    "csv": lambda job: events_csv(job.events),
    "json": _json,
    "jsonl": lambda job: events_jsonl(job.events),
    "md": markdown,
    "html": html,
    "ics": ics,
    "timelinejs": timelinejs,
}


def render(job: ExportJob, fmt: str) -> str:
    return WRITERS[fmt](job)
