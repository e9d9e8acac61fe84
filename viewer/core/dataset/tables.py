"""The event dataset on disk: Parquet tables whose columns follow the core dataclasses.

A dataset is a folder with `manifest.json` (format, app version, the rule files' fingerprints,
the partitions and the inputs each was built from) and one Parquet file per partition in
`documents/`, `timexes/`, `problems/` and `events/month=YYYY-MM/` (`month=undated` for events
without a date), plus `people.parquet`. Event columns are derived from the `Event` dataclass,
so a field added there is stored and read back without touching this module. Every file is
written under a temporary name and renamed into place, so a killed writer leaves either the
old file or the new one.

pyarrow is imported here and only here in the core: it is an optional dependency, needed only
to build or open a dataset.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import types
import typing
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from viewer.core.events.document_events import Event
from viewer.core.model import DateSource, Document, Paragraph, Problem, Sentence
from viewer.core.serialize import problem_to_dict, timex_from_list, timex_to_list
from viewer.core.timex import Timex

UNDATED = "undated"
TIMEX_COLUMNS = ("start", "end", "text", "type", "value", "earliest", "latest", "mod",
                 "anchor", "rule")


def write_table(table: pa.Table, path: Path) -> None:
    """Write atomically: a retried or killed task never leaves half a file under `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def read_table(path: Path, columns: Sequence[str] | None = None) -> pa.Table:
    return pq.read_table(path, columns=list(columns) if columns is not None else None)


# Event columns, derived from the dataclass: scalars map to Arrow types, tuples of strings to
# lists, anything else is stored as JSON text.
def _arrow_type(hint: Any) -> tuple[pa.DataType, str]:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        hint = args[0]
        origin = typing.get_origin(hint)
    simple = {str: pa.string(), int: pa.int64(), bool: pa.bool_(), float: pa.float64(),
              dt.date: pa.date32()}
    if hint in simple:
        return simple[hint], "plain"
    if origin is tuple and typing.get_args(hint)[:1] == (str,):
        return pa.list_(pa.string()), "tuple"
    return pa.string(), "json"


EVENT_HINTS = typing.get_type_hints(Event)
EVENT_COLUMNS: dict[str, tuple[pa.DataType, str]] = {
    f.name: _arrow_type(EVENT_HINTS[f.name]) for f in dataclasses.fields(Event)
}


def events_table(events: Sequence[Event], extra: dict[str, list[Any] | pa.Array] | None = None
                 ) -> pa.Table:
    columns: dict[str, pa.Array] = {}
    for name, (kind, how) in EVENT_COLUMNS.items():
        values = [getattr(e, name) for e in events]
        if how == "tuple":
            values = [list(v) for v in values]
        elif how == "json":
            values = [json.dumps(v) for v in values]
        columns[name] = pa.array(values, type=kind)
    for name, values in (extra or {}).items():
        columns[name] = values if isinstance(values, pa.Array) else pa.array(values)
    return pa.table(columns)


def _blanks() -> dict[str, Any]:
    """A value for each event field without a default, for tables of a few columns."""
    out: dict[str, Any] = {}
    for field in dataclasses.fields(Event):
        if field.default is dataclasses.MISSING:
            hint = str(field.type)
            out[field.name] = (() if hint.startswith("tuple") else None if "None" in hint
                               else False if hint == "bool" else 0 if hint == "int" else "")
    return out


def events_from_table(table: pa.Table) -> list[Event]:
    """Events from a table; columns the running version does not know are passed over, fields
    a table lacks take their defaults (a blank for those without one: a table of only the
    columns a step reads gives events with just those)."""
    present = [n for n in EVENT_COLUMNS if n in table.column_names]
    data = {n: table.column(n).to_pylist() for n in present}
    convert = {n: EVENT_COLUMNS[n][1] for n in present}
    blank = {k: v for k, v in _blanks().items() if k not in data}
    out: list[Event] = []
    for row in range(table.num_rows):
        kwargs: dict[str, Any] = dict(blank)
        for name in present:
            value = data[name][row]
            how = convert[name]
            if how == "tuple":
                value = tuple(value or ())
            elif how == "json":
                value = json.loads(value)
            kwargs[name] = value
        out.append(Event(**kwargs))
    return out


def month_of(event: Event) -> str:
    return event.start.strftime("%Y-%m") if event.start is not None else UNDATED


def documents_table(documents: Sequence[Document], source: str) -> pa.Table:
    return pa.table({
        "order": pa.array(range(len(documents)), type=pa.int64()),
        "relpath": [d.relpath for d in documents], "path": [d.path for d in documents],
        "title": [d.title for d in documents],
        "date": pa.array([d.date for d in documents], type=pa.date32()),
        "date_source": [d.date_source.value for d in documents],
        "encoding": [d.encoding for d in documents],
        "sentences": pa.array([len(d.sentences) for d in documents], type=pa.int64()),
        "text": [d.text for d in documents],
        "structure": [json.dumps({
            "paragraphs": [[p.start, p.end] for p in d.paragraphs],
            "sentences": [[s.start, s.end, s.paragraph, s.boilerplate] for s in d.sentences],
            "problems": [problem_to_dict(p) for p in d.problems],
            "meta": [list(kv) for kv in d.meta],
        }, ensure_ascii=False) for d in documents],
        "source": [source] * len(documents),
    })


def documents_from_table(table: pa.Table) -> list[Document]:
    rows = table.to_pylist()
    out: list[Document] = []
    for row in rows:
        parts = json.loads(row["structure"])
        out.append(Document(
            path=row["path"], relpath=row["relpath"], title=row["title"], date=row["date"],
            date_source=DateSource(row["date_source"]), text=row["text"],
            paragraphs=tuple(Paragraph(a, b) for a, b in parts["paragraphs"]),
            sentences=tuple(Sentence(a, b, p, bp) for a, b, p, bp in parts["sentences"]),
            problems=tuple(Problem(**p) for p in parts["problems"]), encoding=row["encoding"],
            meta=tuple((k, v) for k, v in parts["meta"]),
        ))
    return out


def timexes_table(by_document: Iterable[tuple[str, Sequence[Timex]]]) -> pa.Table:
    rows: dict[str, list[Any]] = {"document": [], **{c: [] for c in TIMEX_COLUMNS}}
    for relpath, timexes in by_document:
        for timex in timexes:
            rows["document"].append(relpath)
            for column, value in zip(TIMEX_COLUMNS, timex_to_list(timex), strict=True):
                rows[column].append(value)
    types_ = {"start": pa.int64(), "end": pa.int64(), "earliest": pa.string(),
              "latest": pa.string()}
    return pa.table({c: pa.array(v, type=types_.get(c, pa.string())) for c, v in rows.items()})


def timexes_from_table(table: pa.Table) -> dict[str, tuple[Timex, ...]]:
    columns = {c: table.column(c).to_pylist() for c in ("document", *TIMEX_COLUMNS)}
    found: dict[str, list[Timex]] = {}
    for row in range(table.num_rows):
        found.setdefault(columns["document"][row], []).append(
            timex_from_list([columns[c][row] for c in TIMEX_COLUMNS]))
    return {k: tuple(v) for k, v in found.items()}


def problems_table(problems: Sequence[Problem], source: str) -> pa.Table:
    return pa.table({
        "path": pa.array([p.path for p in problems], type=pa.string()),
        "kind": pa.array([p.kind for p in problems], type=pa.string()),
        "message": pa.array([p.message for p in problems], type=pa.string()),
        "source": pa.array([source] * len(problems), type=pa.string()),
    })


def problems_from_table(table: pa.Table) -> list[Problem]:
    return [Problem(r["path"], r["kind"], r["message"]) for r in table.to_pylist()]
