"""Events as JSON text straight from their columns, for the `extract` command's output.

Why: writing a folder's events went through an `Event` and a dict per event and then the
`json` module, whose indented form runs in Python; for 48,000 events that took about 3.5 s
of CPU in the main process after the workers had finished, as long as a third of the
workers' own share. Here each column is encoded once per distinct value (a party, a date,
a topic list) and each event's text is one join of ready pieces. The text is the same, byte
for byte, as `json.dumps(event_to_dict(event), ensure_ascii=False)` and as the event's part
of `events_json` (`tests/core/test_column_json.py` compares them).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from json.encoder import encode_basestring
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.events.document_events import Event
from viewer.core.serialize import event_to_dict
from viewer.core.session.columns import NO_DAY, SPEC, EventColumns

# The fields as `event_to_dict` writes them, in its order; "undated" is read from "start".
KEYS = ("id", "document", "text", "char_start", "char_end", "start", "end", "precision",
        "date_source", "timex", "timex_value", "parties", "people", "topics", "tags",
        "boilerplate", "undated", "sentence", "cluster", "sources", "note", "review",
        "not_event", "corrected", "modality", "speaker", "why", "reported", "first_reported",
        "last_reported", "conflict", "outcome")
DERIVED = {"undated": "start"}
EVENT_LEVEL = 2  # in `events_json`: the payload, its "events" list, then each event


def supported() -> bool:
    """Whether the fields still are those this module writes (else the writer's own path)."""
    probe = Event("e", "d", "t", 0, 1, None, None, "day", "undated", None, None, (), (), (),
                  False, 0)
    return tuple(event_to_dict(probe)) == KEYS and all(
        key in DERIVED or (key in SPEC and SPEC[key].kind != "object") for key in KEYS)


SUPPORTED = supported()


def _seq(items: list[str], level: int | None) -> str:
    if not items:
        return "[]"
    if level is None:
        return "[" + ", ".join(items) + "]"
    inner = "\n" + " " * (level + 1)
    return "[" + inner + ("," + inner).join(items) + "\n" + " " * level + "]"


def _column(columns: EventColumns, name: str, rows: npt.NDArray[np.int64],
            level: int | None) -> list[str]:
    """One field's JSON text for each of consecutive rows; `level` is the nesting level of
    the event (None: on one line)."""
    kind = SPEC[name].kind
    if kind == "flag":
        return ["true" if v else "false" for v in columns.values(name, rows)]
    if kind in ("text", "bytes"):
        return [encode_basestring(v) for v in columns.values(name, rows)]
    if kind == "int":
        return [str(v) for v in columns.arrays[name][rows].tolist()]
    if kind == "day":
        days: dict[int, str] = {NO_DAY: "null"}

        def day(v: int) -> str:
            found = days.get(v)
            if found is None:
                found = days[v] = '"' + dt.date.fromordinal(v).isoformat() + '"'
            return found

        return [day(v) for v in columns.arrays[name][rows].tolist()]
    strings = [encode_basestring(s) for s in columns.vocab[name].strings]
    if kind in ("code", "maybe"):
        strings.append("null")  # code -1: None
        return [strings[v] for v in columns.arrays[name][rows].tolist()]
    ragged = columns.ragged[name]  # a tuple of strings
    offsets = ragged.offsets[rows[0]:rows[-1] + 2].tolist() if len(rows) else [0]
    codes = ragged.codes[offsets[0]:offsets[-1]].tolist()  # the rows are consecutive
    base = offsets[0]
    inner = None if level is None else level + 1  # a list's items go one level further in
    lists: dict[tuple[int, ...], str] = {}
    out = []
    for k in range(len(rows)):
        row = tuple(codes[offsets[k] - base:offsets[k + 1] - base])
        found = lists.get(row)
        if found is None:
            found = lists[row] = _seq([strings[c] for c in row], inner)
        out.append(found)
    return out


def _template(level: int | None) -> str:
    if level is None:
        return "{" + ", ".join(encode_basestring(k) + ": %s" for k in KEYS) + "}"
    inner = "\n" + " " * (level + 1)
    return ("{" + inner + ("," + inner).join(encode_basestring(k) + ": %s" for k in KEYS)
            + "\n" + " " * level + "}")


def _indented(value: Any, level: int) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=1)` for a value at nesting `level`."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return text.replace("\n", "\n" + " " * level)


def event_texts(columns: EventColumns, first: int, last: int, base: Mapping[int, Event],
                level: int | None) -> list[str]:
    """Rows `first` to `last` (exclusive) as JSON texts: on one line (`level` None, as JSON
    Lines writes them) or indented as an event of `events_json` (`level` EVENT_LEVEL, without
    the indent of its first line). A row in `base` is written from that event instead."""
    encode: Callable[[Event], str] = (
        (lambda e: json.dumps(event_to_dict(e), ensure_ascii=False)) if level is None
        else (lambda e: _indented(event_to_dict(e), level)))
    if not SUPPORTED:  # the fields changed: each event through its dict
        block = columns.events(range(first, last))
        return [encode(base.get(first + k) or e) for k, e in enumerate(block)]
    rows = np.arange(first, last, dtype=np.int64)
    done: dict[str, list[str]] = {}
    for key in KEYS:
        if key in DERIVED:
            source = done.get(DERIVED[key]) or _column(columns, DERIVED[key], rows, level)
            done[key] = ["true" if v == "null" else "false" for v in source]
        else:
            done[key] = _column(columns, key, rows, level)
    template = _template(level)
    texts = [template % values for values in zip(*(done[k] for k in KEYS), strict=True)]
    for row, event in base.items():
        if first <= row < last:
            texts[row - first] = encode(event)
    return texts
