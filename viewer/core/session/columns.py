"""Events as NumPy columns: a million events in a few hundred bytes each, filterable by masks.

The columns are derived from the `Event` dataclass, so a field another part of the app adds
is carried without touching this module: dates become integer days (0: none), booleans bits of
one flags column, strings codes into a per-field vocabulary, string tuples codes with row
offsets, and the sentence text is not stored at all (it is the document's text between
`char_start` and `char_end`). Ids and cluster ids are nearly unique, so they are kept as
fixed-width bytes rather than through a vocabulary.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.events.document_events import Event
from viewer.core.events.event_record import new_event
from viewer.core.session.code_widths import narrowed, with_room
from viewer.core.session.text_reads import sentences
from viewer.core.session.vocabulary import Ragged, Vocabulary

NO_DAY = 0  # the day column's value for "no date" (ordinals start at 1)
BYTES_FIELDS = ("id", "cluster")  # near-unique strings: fixed-width bytes, no vocabulary
TEXT_FIELD = "text"  # by reference into the document text


@dataclass(frozen=True, slots=True)
class Spec:
    """How one Event field is held: `kind` is day, int, flag, code, maybe, tuple, bytes,
    text or object."""

    name: str
    kind: str
    bit: int = 0


def _kind(name: str, hint: Any) -> str:
    if name == TEXT_FIELD:
        return "text"
    if name in BYTES_FIELDS:
        return "bytes"
    if hint is bool:
        return "flag"
    if hint is int:
        return "int"
    if hint is str:
        return "code"
    args = set(typing.get_args(hint))
    if args == {dt.date, type(None)}:
        return "day"
    if args == {str, type(None)}:
        return "maybe"
    if typing.get_origin(hint) is tuple and typing.get_args(hint) == (str, ...):
        return "tuple"
    return "object"  # a field of a kind not foreseen: carried as Python objects


def _specs() -> tuple[Spec, ...]:
    hints = typing.get_type_hints(Event)
    specs: list[Spec] = []
    bits = 0
    for f in dataclasses.fields(Event):
        kind = _kind(f.name, hints[f.name])
        specs.append(Spec(f.name, kind, bits if kind == "flag" else 0))
        bits += kind == "flag"
    if bits > 32:
        raise TypeError("more boolean Event fields than the flags column holds")
    return tuple(specs)


SPECS = _specs()
SPEC = {s.name: s for s in SPECS}


class EventColumns:
    """Every event of a folder, column by column. `text_of(document, start, end)` gives the
    sentence text back from the documents, so it is never copied."""

    def __init__(self, size: int, text_of: Callable[[str, int, int], str]) -> None:
        self.size = size
        self.text_of = text_of
        self.arrays: dict[str, npt.NDArray[Any]] = {}
        self.ragged: dict[str, Ragged] = {}
        self.vocab: dict[str, Vocabulary] = {}
        self.flags: npt.NDArray[np.uint32] = np.zeros(size, dtype=np.uint32)
        self._id_order: npt.NDArray[np.int32] | None = None
        self._sorted: dict[str, npt.NDArray[np.int32]] = {}
        self.generation: dict[str, int] = {}  # field → edits that changed it (cache stamps)

    # -- building ----------------------------------------------------------------------------
    @classmethod
    def build(cls, events: Sequence[Event],
              text_of: Callable[[str, int, int], str]) -> EventColumns:
        """One pass per field over the events."""
        self = cls(len(events), text_of)
        for spec in SPECS:
            name = spec.name
            values = list(map(operator.attrgetter(name), events))
            if spec.kind == "flag":
                bit = np.uint32(1 << spec.bit)
                self.flags |= np.fromiter(values, dtype=bool, count=self.size) * bit
            else:
                self._set_column(spec, values)
        return self

    def _set_column(self, spec: Spec, values: list[Any]) -> None:
        name, kind, size = spec.name, spec.kind, self.size
        if kind == "day":
            self.arrays[name] = np.fromiter(
                (v.toordinal() if v is not None else NO_DAY for v in values), np.int32, size)
        elif kind == "int":
            self.arrays[name] = np.fromiter(values, dtype=np.int64, count=size).astype(
                np.int32)
        elif kind in ("code", "maybe"):
            vocab = self.vocab.setdefault(name, Vocabulary())
            self.arrays[name] = np.fromiter(vocab.codes_or_none(values), np.int32, size)
        elif kind == "tuple":
            self.ragged[name] = self.vocab.setdefault(name, Vocabulary()).code_lists(values)
        elif kind == "bytes":
            encoded = [v.encode("utf-8") for v in values]
            width = max((len(b) for b in encoded), default=1) or 1
            self.arrays[name] = np.array(encoded, dtype=f"S{width}")
        elif kind == "object":
            column = np.empty(size, dtype=object)
            column[:] = values
            self.arrays[name] = column
        # "text" is not stored: it is read back from the document

    @classmethod
    def concat(cls, parts: Sequence[EventColumns],
               text_of: Callable[[str, int, int], str]) -> EventColumns:
        """One set of columns from several built apart (batches of documents): vocabularies
        are merged and codes translated, array by array, never event by event."""
        self = cls(sum(p.size for p in parts), text_of)
        self.flags = np.concatenate([p.flags for p in parts]) if parts else self.flags
        for spec in SPECS:
            name, kind = spec.name, spec.kind
            if kind in ("flag", "text") or not parts:
                continue
            if kind in ("code", "maybe", "tuple"):
                vocab = self.vocab[name] = Vocabulary()
                maps = [np.array([vocab.code(v) for v in p.vocab[name].strings] + [-1],
                                 dtype=np.int32) for p in parts]  # [-1] keeps None as -1
            if kind == "tuple":
                offsets = [parts[0].ragged[name].offsets.astype(np.int64)]
                total = int(offsets[0][-1])
                for p in parts[1:]:  # int64 while adding up: parts may hold int32 offsets;
                    # a part may hold no row, so the running total is counted, not looked up
                    offsets.append(p.ragged[name].offsets[1:].astype(np.int64) + total)
                    total += int(p.ragged[name].offsets[-1])
                codes = np.concatenate([m[p.ragged[name].codes]
                                        for m, p in zip(maps, parts, strict=True)])
                self.ragged[name] = Ragged(codes.astype(np.int32), np.concatenate(offsets))
            elif kind in ("code", "maybe"):
                self.arrays[name] = np.concatenate(
                    [m[p.arrays[name]] for m, p in zip(maps, parts, strict=True)]).astype(
                    np.int32)
            else:
                self.arrays[name] = np.concatenate([p.arrays[name] for p in parts])
        return self

    # -- reading -----------------------------------------------------------------------------
    def value(self, name: str, row: int) -> Any:
        spec = SPEC[name]
        kind = spec.kind
        if kind == "flag":
            return bool(self.flags[row] >> np.uint32(spec.bit) & np.uint32(1))
        if kind == "text":
            return self.text_of(self.value("document", row), int(self.arrays["char_start"][row]),
                                int(self.arrays["char_end"][row]))
        if kind == "tuple":
            strings = self.vocab[name].strings
            return tuple(strings[c] for c in self.ragged[name].row(row))
        raw = self.arrays[name][row]
        if kind == "day":
            return dt.date.fromordinal(int(raw)) if raw != NO_DAY else None
        if kind == "int":
            return int(raw)
        if kind in ("code", "maybe"):
            return self.vocab[name].strings[raw] if raw >= 0 else None
        if kind == "bytes":
            return bytes(raw).decode("utf-8")
        return raw

    def event(self, row: int, text: bool = True) -> Event:
        """Row `row` as an Event; with `text=False` its sentence is left empty (not read)."""
        values: dict[str, Any] = {s.name: self.value(s.name, row) if text or s.kind != "text"
                                  else "" for s in SPECS}
        return new_event(**values)

    def events(self, rows: Iterable[int] | None = None, text: bool = True) -> list[Event]:
        """Events for many rows: each column converted once, not value by value; with
        `text=False` their sentences are left empty (not read)."""
        picked = (np.arange(self.size) if rows is None
                  else np.fromiter(rows, dtype=np.int64))
        if len(picked) < 8:
            return [self.event(int(r), text) for r in picked]
        columns = [self._values(spec, picked) if text or spec.kind != "text"
                   else [""] * len(picked) for spec in SPECS]
        return [new_event(*values) for values in zip(*columns, strict=True)]

    def values(self, name: str, rows: npt.NDArray[np.int64]) -> list[Any]:
        """One field's values for many rows, the column converted once."""
        return self._values(SPEC[name], rows)

    def _values(self, spec: Spec, rows: npt.NDArray[np.int64]) -> list[Any]:
        name, kind = spec.name, spec.kind
        if kind == "flag":
            flags: list[Any] = ((self.flags[rows] >> np.uint32(spec.bit)) & np.uint32(1)).astype(
                bool).tolist()
            return flags
        if kind == "text":
            documents = self._values(SPEC["document"], rows)
            starts = self.arrays["char_start"][rows].tolist()
            ends = self.arrays["char_end"][rows].tolist()
            return sentences(self.text_of, documents, starts, ends)
        if kind == "tuple":
            strings = self.vocab[name].strings
            ragged = self.ragged[name]
            offsets = ragged.offsets
            firsts, lasts = offsets[rows].tolist(), offsets[rows + 1].tolist()
            if len(rows) * 4 >= self.size:  # most rows: one conversion of the whole column
                codes: list[int] = ragged.codes.tolist()
                return [tuple([strings[c] for c in codes[a:b]])
                        for a, b in zip(firsts, lasts, strict=True)]
            return [tuple([strings[c] for c in ragged.codes[a:b].tolist()])
                    for a, b in zip(firsts, lasts, strict=True)]
        raw = self.arrays[name][rows]
        if kind == "day":  # one date object per distinct day, shared by its rows
            ordinals: list[int] = raw.tolist()
            days: dict[int, dt.date | None] = {v: dt.date.fromordinal(v) if v != NO_DAY
                                               else None for v in set(ordinals)}
            return [days[v] for v in ordinals]
        if kind in ("code", "maybe"):
            strings = self.vocab[name].strings
            return [strings[v] if v >= 0 else None for v in raw.tolist()]
        if kind == "bytes":
            held: list[bytes] = raw.tolist()
            if name == "id":  # unique per row: nothing to share
                return [v.decode("utf-8") for v in held]
            decoded = {v: v.decode("utf-8") for v in set(held)}  # a cluster's id, once
            return [decoded[v] for v in held]
        return list(raw.tolist())

    def flag(self, name: str) -> npt.NDArray[np.bool_]:
        found: npt.NDArray[np.bool_] = (self.flags & np.uint32(1 << SPEC[name].bit)) != 0
        return found

    # -- ids and order -----------------------------------------------------------------------
    def rows_of(self, ids: Iterable[str]) -> dict[str, int]:
        """Rows of the given ids that are present (binary search over ids sorted once)."""
        column = self.arrays["id"]
        if self._id_order is None:  # 4 bytes a row
            self._id_order = np.argsort(column, kind="stable").astype(np.int32)
        wanted = list(ids)
        if not wanted or self.size == 0:
            return {}
        keys = np.array([w.encode("utf-8") for w in wanted], dtype=column.dtype)
        at = np.searchsorted(column, keys, sorter=self._id_order)
        at = np.minimum(at, self.size - 1)
        rows = self._id_order[at]
        return {w: int(r) for w, r, k in zip(wanted, rows, keys, strict=True)
                if column[r] == k and len(w.encode("utf-8")) <= column.dtype.itemsize}

    def order(self, name: str) -> npt.NDArray[np.int32]:
        """Rows sorted by one scalar column: computed once, dropped when the column changes."""
        found = self._sorted.get(name)
        if found is None:
            found = self._sorted[name] = np.argsort(self.arrays[name], kind="stable").astype(
                np.int32)
        return found

    def frozen(self) -> EventColumns:
        """A copy another thread may read while this one is edited: the arrays an edit
        writes in place are copied, the ragged columns (an edit gives them new arrays)
        and the vocabularies (an edit only appends) are taken as they are now."""
        copy = EventColumns(self.size, self.text_of)
        copy.flags = self.flags.copy()
        copy.arrays = {name: column.copy() for name, column in self.arrays.items()}
        copy.ragged = {name: Ragged(r.codes, r.offsets) for name, r in self.ragged.items()}
        copy.vocab = {name: Vocabulary(list(v.strings), dict(v.codes))
                      for name, v in self.vocab.items()}
        return copy

    # -- holding codes in few bytes ----------------------------------------------------------
    def narrow(self) -> None:
        """Code columns in the fewest bytes their vocabulary allows (`code_widths`)."""
        for spec in SPECS:
            if spec.kind in ("code", "maybe") and spec.name in self.arrays:
                vocab = self.vocab.get(spec.name)
                self.arrays[spec.name] = narrowed(self.arrays[spec.name],
                                                  len(vocab.strings) if vocab else 0)

    def room(self, name: str, code: int) -> npt.NDArray[Any]:
        """The column `name`, widened first if it cannot hold `code`."""
        column = self.arrays[name] = with_room(self.arrays[name], code)
        return column

    # -- editing -----------------------------------------------------------------------------
    def set_rows(self, updates: dict[int, Event]) -> set[str]:
        """Write whole events into their rows; returns the names of the fields that changed."""
        changed: set[str] = set()
        ragged: dict[str, dict[int, list[int]]] = {}
        for row, event in updates.items():
            for spec in SPECS:
                value = getattr(event, spec.name)
                if spec.kind == "text" or self.value(spec.name, row) == value:
                    continue
                changed.add(spec.name)
                if spec.kind == "tuple":
                    vocab = self.vocab[spec.name]
                    ragged.setdefault(spec.name, {})[row] = [vocab.code(v) for v in value]
                else:
                    self._set_value(spec, row, value)
        for name, values in ragged.items():
            self.ragged[name].replace(values)
        for name in changed:
            self._sorted.pop(name, None)
            self.generation[name] = self.generation.get(name, 0) + 1
        if "id" in changed:
            self._id_order = None
        return changed

    def _set_value(self, spec: Spec, row: int, value: Any) -> None:
        if spec.kind == "flag":
            bit = np.uint32(1 << spec.bit)
            self.flags[row] = (self.flags[row] | bit) if value else (self.flags[row] & ~bit)
        elif spec.kind == "day":
            self.arrays[spec.name][row] = value.toordinal() if value is not None else NO_DAY
        elif spec.kind in ("code", "maybe"):
            code = (self.vocab.setdefault(spec.name, Vocabulary()).code(value)
                    if value is not None else -1)
            self.room(spec.name, code)[row] = code
        elif spec.kind == "bytes":
            column = self.arrays[spec.name]
            encoded = value.encode("utf-8")
            if len(encoded) > column.dtype.itemsize:
                column = self.arrays[spec.name] = column.astype(f"S{len(encoded)}")
            column[row] = encoded
        else:
            self.arrays[spec.name][row] = value

    # -- saving ------------------------------------------------------------------------------
    def to_arrays(self) -> tuple[dict[str, npt.NDArray[Any]], dict[str, Any]]:
        """Plain arrays (no Python objects) and JSON values that `from_arrays` reads back."""
        arrays: dict[str, npt.NDArray[Any]] = {"flags": self.flags}
        extra: dict[str, Any] = {"size": self.size, "objects": {},
                                 "vocab": {k: v.strings for k, v in self.vocab.items()}}
        for name, column in self.arrays.items():
            if column.dtype == object:
                extra["objects"][name] = column.tolist()
            else:
                arrays[f"a.{name}"] = column
        for name, ragged in self.ragged.items():
            arrays[f"c.{name}"], arrays[f"o.{name}"] = ragged.codes, ragged.offsets
        return arrays, extra

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, npt.NDArray[Any]], extra: Mapping[str, Any],
                    text_of: Callable[[str, int, int], str]) -> EventColumns:
        """Columns saved by `to_arrays`; KeyError or ValueError when they do not fit `Event`
        as it is now."""
        size = int(extra["size"])
        self = cls(size, text_of)
        self.flags = arrays["flags"].astype(np.uint32, copy=False)
        self.vocab = {k: Vocabulary.of(v) for k, v in extra["vocab"].items()}
        for spec in SPECS:
            name = spec.name
            if spec.kind == "tuple":
                offsets = arrays[f"o.{name}"]
                if offsets.dtype != np.int32 and len(offsets) and int(offsets[-1]) < 2**31:
                    offsets = offsets.astype(np.int32)  # 4 bytes an event for each such field
                ragged = Ragged(arrays[f"c.{name}"], offsets)
                if len(ragged.offsets) != size + 1:
                    raise ValueError(f"column {name} has the wrong length")
                self.ragged[name] = ragged
            elif spec.kind == "object":
                column = np.empty(size, dtype=object)
                column[:] = extra["objects"][name]
                self.arrays[name] = column
            elif spec.kind not in ("flag", "text"):
                self.arrays[name] = arrays[f"a.{name}"]
                if len(self.arrays[name]) != size:
                    raise ValueError(f"column {name} has the wrong length")
            if spec.kind in ("code", "maybe", "tuple"):
                self.vocab.setdefault(name, Vocabulary())
        if len(self.flags) != size:
            raise ValueError("flags column has the wrong length")
        return self

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays (vocabularies are small and not counted)."""
        total = int(self.flags.nbytes) + sum(int(a.nbytes) for a in self.arrays.values())
        total += sum(r.nbytes for r in self.ragged.values())
        total += sum(int(a.nbytes) for a in self._sorted.values())
        if self._id_order is not None:
            total += int(self._id_order.nbytes)
        return total
