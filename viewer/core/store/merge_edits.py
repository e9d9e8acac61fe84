"""Merge the analyst's store into freshly extracted events, and find orphaned edits."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from viewer.core.events.document_events import Event
from viewer.core.ingest.written_dates import parse_iso_day
from viewer.core.store.analyst_store import UserData, decode_set


@dataclass(frozen=True, slots=True)
class Orphan:
    """An edit whose sentence is no longer in the folder; kept, never dropped."""

    event_id: str
    document: str
    text: str
    what: tuple[str, ...]


def apply_user_data(events: Sequence[Event], data: UserData) -> list[Event]:
    out: list[Event] = []
    for event in events:
        eid = event.id
        tags = data.event_tags.get(eid)
        note = data.notes.get(eid, "")
        review = data.reviews.get(eid, "unreviewed")
        fixes = data.corrections.get(eid)
        if not (tags or note or review != "unreviewed" or fixes):
            out.append(event)
            continue
        changes: dict[str, object] = {"tags": tuple(sorted(tags or ())), "note": note,
                                      "review": review}
        corrected: list[str] = []
        if fixes:
            first = parse_iso_day(fixes.get("start") or fixes.get("end"))
            last = parse_iso_day(fixes.get("end") or fixes.get("start"))
            if first is not None and last is not None:  # a malformed value is ignored
                first, last = min(first, last), max(first, last)
                changes.update(start=first, end=last,
                               precision=fixes.get("precision", event.precision))
                corrected.append("date")
            if "parties" in fixes:
                changes["parties"] = tuple(sorted(decode_set(fixes["parties"])))
                corrected.append("parties")
            if "topics" in fixes:
                changes["topics"] = tuple(sorted(decode_set(fixes["topics"])))
                corrected.append("topics")
            for name in ("modality", "speaker"):
                if name in fixes and fixes[name] is not None:
                    changes[name] = fixes[name]
                    corrected.append(name)
            if fixes.get("not_event") == "1":
                changes["not_event"] = True
                corrected.append("not_event")
        changes["corrected"] = tuple(corrected)
        out.append(dataclasses.replace(event, **changes))  # type: ignore[arg-type]
    return out


def orphans(data: UserData, events: Sequence[Event]) -> list[Orphan]:
    present = {e.id for e in events}
    return orphans_among(data, data.edited_ids() - present)


def orphans_among(data: UserData, missing: Iterable[str]) -> list[Orphan]:
    """The orphaned edits on the given ids (edited ids no event carries any more)."""
    found = []
    for eid in sorted(missing):
        what = []
        if eid in data.event_tags:
            what.append("tags: " + ", ".join(sorted(data.event_tags[eid])))
        if eid in data.notes:
            what.append(f"note “{_cut(data.notes[eid])}”")
        if eid in data.corrections:
            what.append("corrections: " + ", ".join(
                _said(name, value) for name, value in sorted(data.corrections[eid].items())))
        if eid in data.reviews:
            what.append(data.reviews[eid])
        document, text = data.anchors.get(eid, ("?", "(sentence not recorded)"))
        found.append(Orphan(eid, document, text, tuple(what)))
    return found


# How an orphan names the correction fields that are not the event's own fields.
_SAID = {"link": "link to one happening", "unlinked": "taken out of its happening"}
_SETS = frozenset({"parties", "topics", "people"})  # corrections stored as JSON lists


def _cut(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def _said(name: str, value: str | None) -> str:
    """A correction as the orphan list shows it: the field and the value it was given (the
    list named only the fields, so re-attaching meant guessing what would come back)."""
    if name in _SAID:
        return _SAID[name]
    if value is None or value == "":
        return f"{name} cleared"
    shown = ", ".join(sorted(decode_set(value))) or "none" if name in _SETS else _cut(value)
    return f"{name} {shown}"
