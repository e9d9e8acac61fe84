"""Writers for extracted data: JSON, JSON Lines and CSV, always written atomically.

CSV is UTF-8 with a byte-order mark so spreadsheet apps detect the encoding, and any cell a
spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with a
quote so that it shows as text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from viewer.core.events.document_events import Event
from viewer.core.ingest.sidecar import atomic_write_text
from viewer.core.model import Document
from viewer.core.serialize import event_to_dict, problem_to_dict

CSV_COLUMNS = (
    "id", "start", "end", "precision", "date_source", "timex", "modality", "speaker", "parties",
    "people", "topics", "tags", "text", "document", "char_start", "char_end", "boilerplate",
    "cluster", "sources", "note", "review", "not_event", "corrected", "why",
    "reported", "first_reported", "last_reported", "conflict", "outcome",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.relpath, "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "date_source": doc.date_source.value,
        "date_evidence": dict(doc.meta).get("date-evidence"),
        "problems": [problem_to_dict(p) for p in doc.problems],
    }


def safe_cell(value: str) -> str:
    """Neutralise a cell a spreadsheet would evaluate as a formula."""
    return "'" + value if value.startswith(_FORMULA) else value


def _cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def write_csv_rows(out: TextIO, rows: Iterable[dict[str, Any]],
                   columns: Sequence[str] = CSV_COLUMNS, header: bool = True) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    if header:
        writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(_cell(row.get(c))) for c in columns])


def events_csv(events: Iterable[Event], columns: Sequence[str] = CSV_COLUMNS) -> str:
    buffer = io.StringIO()
    write_csv_rows(buffer, (event_to_dict(e) for e in events), columns)
    return "\ufeff" + buffer.getvalue()


def events_csv_parts(blocks: Iterable[Iterable[Event]],
                     columns: Sequence[str] = CSV_COLUMNS) -> Iterator[str]:
    """`events_csv` of the events of all blocks, as one string per block."""
    header = True
    for block in blocks:
        buffer = io.StringIO()
        if header:
            buffer.write("\ufeff")
        write_csv_rows(buffer, (event_to_dict(e) for e in block), columns, header)
        header = False
        yield buffer.getvalue()
    if header:  # no events at all: the header alone, as events_csv writes it
        yield events_csv([], columns)


def events_json(documents: Iterable[Document], events: Iterable[Event],
                extra: dict[str, Any] | None = None) -> str:
    payload: dict[str, Any] = {
        "documents": [document_record(d) for d in documents],
        "events": [event_to_dict(e) for e in events],
    }
    payload.update(extra or {})
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def events_json_parts(documents: Iterable[Document], blocks: Iterable[list[str]]
                      ) -> Iterator[str]:
    """`events_json(documents, events)` in parts, the events given as their texts indented
    for this place (`column_json.event_texts` at `EVENT_LEVEL`), a block at a time."""
    head = json.dumps({"documents": [document_record(d) for d in documents], "events": []},
                      ensure_ascii=False, indent=1)
    empty = "[]\n}"  # the end of the head: the events go in its place
    start = head[:-len(empty)]
    first = True
    for block in blocks:
        if block:
            yield (start + "[\n  " if first else ",\n  ") + ",\n  ".join(block)
            first = False
    yield start + empty + "\n" if first else "\n ]\n}\n"


def events_jsonl(events: Iterable[Event]) -> str:
    return "".join(json.dumps(event_to_dict(e), ensure_ascii=False) + "\n" for e in events)


def write_text(path: str | Path, text: str) -> None:
    """Atomic: an interrupted write never leaves a truncated file under the target name."""
    atomic_write_text(Path(path), text)
