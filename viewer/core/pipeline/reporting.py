"""The second time axis: when each event was reported, and what became of planned events.

An event happens at its start/end; it was reported on its article's publication date. A
cluster was first and last reported on its earliest and latest article. A planned (or
possible) event whose cluster holds a later report that it happened, was agreed, cancelled or
postponed is linked to that report: "planned 2026-02-01 → happened 2026-02-01".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from viewer.core.events.document_events import Event, evolve
from viewer.core.model import Document
from viewer.core.resources import load_data

FORWARD = frozenset({"planned", "possible"})


def outcomes() -> dict[str, str]:
    """A later report's modality → the outcome it names (data: conflicts.toml)."""
    return {str(k): str(v) for k, v in load_data("conflicts.toml")["outcomes"].items()}


def outcome_text(event: Event) -> str:
    """"planned 2026-02-01 → postponed (reported 2026-01-30)", or "" when there is none."""
    if not event.outcome:
        return ""
    what, _, rest = event.outcome.partition(" ")
    when = event.start.isoformat() if event.start else "undated"
    return f"{event.modality} {when} → {what}" + (f" {rest}" if rest else "")


def with_reports(events: Sequence[Event], documents: Iterable[Document]) -> list[Event]:
    """The events with `reported`, `first_reported`, `last_reported` and `outcome` set."""
    return with_reports_by_date(events, {d.relpath: d.date for d in documents})


def with_reports_by_date(events: Sequence[Event], published: Mapping[str, dt.date | None]
                         ) -> list[Event]:
    """`with_reports` from each document's publication date alone (no document text), so a
    Session can redo it for the clusters an edit touched."""
    span: dict[str, tuple[dt.date, dt.date]] = {}
    for e in events:
        day = published.get(e.document)
        if day is None or not e.cluster:
            continue
        low, high = span.get(e.cluster, (day, day))
        span[e.cluster] = (min(low, day), max(high, day))
    named = outcomes()
    # Per cluster, the latest-reported event that says what became of the happening.
    settled: dict[str, tuple[dt.date, Event]] = {}
    for e in events:
        day = published.get(e.document)
        if day is None or e.modality not in named or e.not_event:
            continue
        best = settled.get(e.cluster)
        if best is None or day > best[0]:
            settled[e.cluster] = (day, e)
    out = []
    for e in events:
        day = published.get(e.document)
        first, last = span.get(e.cluster, (day, day))
        outcome = ""
        later = settled.get(e.cluster)
        if e.modality in FORWARD and later is not None and day is not None and later[0] >= day \
                and later[1].document != e.document:
            report, what = later[1], named[later[1].modality]
            # Happened: on which day. Called off or put off: as reported on which day.
            when = (report.start.isoformat() if report.start else "") if what == "happened" \
                else f"(reported {later[0].isoformat()})"
            outcome = " ".join(x for x in (what, when) if x)
        if (e.reported, e.first_reported, e.last_reported, e.outcome) != (day, first, last,
                                                                          outcome):
            e = evolve(e, reported=day, first_reported=first, last_reported=last,
                       outcome=outcome)
        out.append(e)
    return out


def lag_days(event: Event) -> int | None:
    """Days from the end of the happening to its report; negative for a report ahead of its
    start (planned), 0 for one within its span ("earlier this year" reported this year)."""
    if event.reported is None or event.start is None:
        return None
    end = event.end or event.start
    if event.reported > end:
        return (event.reported - end).days
    return min(0, (event.reported - event.start).days)
