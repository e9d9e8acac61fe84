"""The detail pane's rows on who says so, when it was reported, who else reported it and
what sources dispute.

A disagreement is laid out side by side: one column per source (its title and publication
date), one row per thing disputed (date, a figure, who took part), each value a link to that
source's event.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape

from viewer.core.events.document_events import Event
from viewer.core.pipeline.conflicts import Claim, find_conflicts
from viewer.core.pipeline.reporting import lag_days, outcome_text
from viewer.core.words import plural, snippet


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


SNIPPET = 110  # characters of another source's words


def other_sources(event: Event, cluster: Sequence[Event], titles: Mapping[str, str],
                  note: str = "") -> tuple[str, dict[str, str]]:
    """"Also reported by": each other article of the event's happening once, in the cluster's
    order, its title a link to its first report there, "(2 reports)" when it has more, and
    that report's words (an article listed once per report showed one with no words). Also
    each link's file name, shown when it is hovered. `note` follows the heading; "" when no
    other event shares the happening."""
    reports: dict[str, list[Event]] = {}
    for other in cluster:
        if other.id != event.id:
            reports.setdefault(other.document, []).append(other)
    if not reports:
        return "", {}
    lines = []
    files = {}
    for document, found in reports.items():
        first = found[0]
        name = "this article" if document == event.document else titles.get(document) or document
        count = f" ({len(found)} reports)" if len(found) > 1 else ""
        lines.append(f"&nbsp;&nbsp;<a href='event:{escape(first.id)}'>{escape(name)}</a>"
                     f"{count}: {escape(snippet(first.text, SNIPPET))}")
        files[f"event:{first.id}"] = document
    sources = len(reports) - (event.document in reports)
    head = (f"Also reported by {plural(sources, 'other source')}:" if sources
            else "Also reported in this article:")
    return f"<b>{head}</b>{note}<br>" + "<br>".join(lines), files


def conflict_html(event: Event, cluster: Sequence[Event], titles: Mapping[str, str],
                  published: Mapping[str, str], by_source: bool = False) -> str:
    """The cluster's disagreements as a table with a column per source, or "". `by_source`:
    a row per source instead, for a pane too narrow for a column each (the columns past its
    edge were cut off, hiding sources)."""
    if not event.conflict:
        return ""
    members = list(cluster) if any(e.id == event.id for e in cluster) else [event, *cluster]
    conflict = find_conflicts(members).get(event.cluster)
    if conflict is None:
        return ("<b style='color:#a01818'>⚠ Sources disagree:</b> "
                + escape(", ".join(event.conflict)))
    # Earliest report first, as the core orders the versions.
    documents = list(dict.fromkeys(c.document for d in conflict.disagreements for c in d.claims))
    claims = [{c.document: c for c in d.claims} for d in conflict.disagreements]

    def source(doc: str, cell: str) -> str:
        return (f"<{cell} align='left'><b>{escape(titles.get(doc) or doc)}</b><br>"
                f"<span style='font-weight:normal;color:gray'>{escape(published.get(doc, ''))}"
                f"</span></{cell}>")

    def value(by_doc: Mapping[str, Claim], doc: str) -> str:
        claim = by_doc.get(doc)
        return ("<td>–</td>" if claim is None else
                f"<td><a href='event:{escape(claim.event)}'>{escape(claim.value)}</a></td>")

    if by_source:
        head = "".join(f"<th align='left'>{escape(d.label)}</th>"
                       for d in conflict.disagreements)
        body = [f"<tr>{source(doc, 'td')}{''.join(value(c, doc) for c in claims)}</tr>"
                for doc in documents]
    else:
        head = "".join(source(doc, "th") for doc in documents)
        body = [f"<tr><td><b>{escape(d.label)}</b></td>"
                f"{''.join(value(by_doc, doc) for doc in documents)}</tr>"
                for d, by_doc in zip(conflict.disagreements, claims, strict=True)]
    return ("<b style='color:#a01818'>⚠ Sources disagree</b>"
            "<table cellspacing='0' cellpadding='3' border='1' style='border-color:#d9a0a0'>"
            f"<tr><th></th>{head}</tr>{''.join(body)}</table>")
