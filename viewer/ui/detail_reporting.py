"""The detail pane's rows on who says so, when it was reported, and what sources dispute.

A disagreement is laid out side by side: one column per source (its title and publication
date), one row per thing disputed (date, a figure, who took part), each value a link to that
source's event.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape

from viewer.core.events.document_events import Event
from viewer.core.pipeline.conflicts import find_conflicts
from viewer.core.pipeline.reporting import lag_days, outcome_text
from viewer.core.words import plural


def _lag(event: Event) -> str:
    days = lag_days(event)
    if days is None or days == 0:
        return "" if days is None else " (the same day)"
    return (f" ({plural(days, 'day')} after it)" if days > 0
            else f" ({plural(-days, 'day')} ahead)")


def reporting_rows(event: Event, mark: Callable[[str], str]) -> list[str]:
    """Modality and speaker, the report dates, what became of a planned event."""
    rows = [f"<b>Modality:</b> {escape(event.modality)}{mark('modality')} · "
            f"<b>Said by:</b> {escape(event.speaker or '–')}{mark('speaker')}"]
    if event.reported is not None:
        text = f"<b>Reported:</b> {event.reported.isoformat()}{escape(_lag(event))}"
        if (event.first_reported and event.last_reported
                and event.first_reported != event.last_reported):
            text += (f" · first {event.first_reported.isoformat()}, "
                     f"last {event.last_reported.isoformat()}")
        rows.append(text)
    if event.outcome:
        rows.append(f"<b>Later:</b> {escape(outcome_text(event))}")
    return rows


def conflict_html(event: Event, cluster: Sequence[Event], titles: Mapping[str, str],
                  published: Mapping[str, str]) -> str:
    """The cluster's disagreements as a table with a column per source, or ""."""
    if not event.conflict:
        return ""
    members = list(cluster) if any(e.id == event.id for e in cluster) else [event, *cluster]
    conflict = find_conflicts(members).get(event.cluster)
    if conflict is None:
        return ("<b style='color:#a01818'>⚠ Sources disagree:</b> "
                + escape(", ".join(event.conflict)))
    # Earliest report first, as the core orders the versions.
    documents = list(dict.fromkeys(c.document for d in conflict.disagreements for c in d.claims))
    head = "".join(
        f"<th align='left'>{escape(titles.get(doc) or doc)}<br>"
        f"<span style='font-weight:normal;color:gray'>{escape(published.get(doc, ''))}</span>"
        "</th>" for doc in documents)
    body = []
    for d in conflict.disagreements:
        by_doc = {c.document: c for c in d.claims}
        cells = "".join(
            f"<td><a href='event:{escape(by_doc[doc].event)}'>{escape(by_doc[doc].value)}</a>"
            "</td>" if doc in by_doc else "<td>–</td>" for doc in documents)
        body.append(f"<tr><td><b>{escape(d.label)}</b></td>{cells}</tr>")
    return ("<b style='color:#a01818'>⚠ Sources disagree</b>"
            "<table cellspacing='0' cellpadding='3' border='1' style='border-color:#d9a0a0'>"
            f"<tr><th></th>{head}</tr>{''.join(body)}</table>")
