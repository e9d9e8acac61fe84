"""The one filter engine: the GUI's proxy and `timeline-viewer export` both ask it.

An `EventIndex` is built once per set of events. A common facet value (a party, a topic)
keeps a bitset (a Python int) of the events that carry it, so a filter change is a few ORs and
ANDs over 100,000-bit integers, and the faceted counts ("how many events would each party add,
given the other filters") are popcounts of ANDs, not passes over the events. A rare value (one
document among thousands) keeps the list of its events instead: a bitset per document would
take gigabytes for a million events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from viewer.core.events.document_events import Event

FACETS = ("parties", "topics", "tags", "documents", "review", "modality", "conflict")
MAX_COUNTED_VALUES = 2000  # beyond this many values a facet's counts are for chosen ones only
NO_VALUE = "(none)"  # the facet value of events that carry none (no party, no tag)


@dataclass(frozen=True, slots=True)
class Filter:
    """What the user asked to see. Values of one facet OR together; facets AND together."""

    parties: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    review: frozenset[str] = frozenset()
    modality: frozenset[str] = frozenset()  # happened, planned, claimed, …
    conflict: frozenset[str] = frozenset()  # what sources disagree on: date, figure:…, parties
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    search: str = ""
    include_boilerplate: bool = False
    include_undated: bool = True
    include_hidden: bool = False  # events the analyst marked "not an event"
    min_sources: int = 1

    def values(self, facet: str) -> frozenset[str]:
        value: frozenset[str] = getattr(self, facet)
        return value

    def is_default(self) -> bool:
        return self == Filter()

    def following(self, renamed: Iterable[tuple[str, str, str | None]]) -> Filter:
        """This filter after facet values were renamed (facet, old, new) or removed (new
        None): a tag renamed while chosen stays chosen under its new name (it was left
        chosen under a name no event has, an empty window with no box ticked)."""
        changes: dict[str, Any] = {}
        for facet, old, new in renamed:
            values = changes.get(facet, self.values(facet))
            if old in values:
                changes[facet] = (values - {old}) | ({new} if new is not None else set())
        return replace(self, **changes) if changes else self


def _facet_values(event: Event, facet: str) -> Sequence[str]:
    if facet == "documents":
        return (event.document,)
    if facet == "review":
        return (event.review,)
    if facet == "modality":
        return (event.modality,)
    values: Sequence[str] = getattr(event, facet)
    return values or (NO_VALUE,)


@dataclass(slots=True)
class EventIndex:
    events: Sequence[Event]
    bits: dict[str, dict[str, int]] = field(default_factory=dict)
    sparse: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)
    boilerplate: int = 0
    undated: int = 0
    hidden: int = 0
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    all: int = 0

    @classmethod
    def build(cls, events: Sequence[Event]) -> EventIndex:
        index = cls(events)
        size = len(events)
        positions: dict[str, dict[str, list[int]]] = {facet: {} for facet in FACETS}
        boilerplate: list[int] = []
        undated: list[int] = []
        hidden: list[int] = []
        for i, event in enumerate(events):
            for facet in FACETS:
                table = positions[facet]
                for value in _facet_values(event, facet):
                    table.setdefault(value, []).append(i)
            if event.boilerplate:
                boilerplate.append(i)
            if event.start is None:
                undated.append(i)
            if event.not_event:
                hidden.append(i)
            index.texts.append(event.text.casefold())
            index.starts.append(event.start.toordinal() if event.start else 0)
            index.ends.append(event.end.toordinal() if event.end else 0)
            index.sources.append(event.sources)
        for facet, table in positions.items():
            index.bits[facet], index.sparse[facet] = {}, {}
            for value, found in table.items():
                if len(found) * 64 < size:
                    index.sparse[facet][value] = found
                else:
                    index.bits[facet][value] = mask_of(found, size)
        index.boilerplate, index.undated = mask_of(boilerplate, size), mask_of(undated, size)
        index.hidden = mask_of(hidden, size)
        index.all = (1 << size) - 1
        return index

    def values(self, facet: str) -> list[str]:
        return sorted([*self.bits[facet], *self.sparse[facet]],
                      key=lambda v: (v == NO_VALUE, v.casefold()))

    # -- filtering -------------------------------------------------------------------------
    def facet_mask(self, facet: str, chosen: Iterable[str]) -> int:
        table, rare = self.bits[facet], self.sparse[facet]
        mask = 0
        positions: list[int] = []
        for value in chosen:
            if value in table:
                mask |= table[value]
            else:
                positions.extend(rare.get(value, ()))
        if positions:
            mask |= mask_of(positions, len(self.events))
        return mask

    def _scalar_mask(self, f: Filter) -> int:
        """Everything but the facets: toggles, date range, sources, text."""
        mask = self.all
        if not f.include_boilerplate:
            mask &= ~self.boilerplate
        if not f.include_undated:
            mask &= ~self.undated
        if not f.include_hidden:
            mask &= ~self.hidden
        size = len(self.events)
        if f.date_from is not None or f.date_to is not None:
            lo = f.date_from.toordinal() if f.date_from else -1
            hi = f.date_to.toordinal() if f.date_to else 10**9
            # Undated events (start 0) are governed by their own toggle, not the range.
            mask &= mask_of([i for i, (start, end) in enumerate(zip(self.starts, self.ends,
                                                                     strict=True))
                             if start == 0 or (start <= hi and end >= lo)], size)
        if f.min_sources > 1:
            mask &= mask_of([i for i, n in enumerate(self.sources) if n >= f.min_sources], size)
        needle = f.search.casefold().strip()
        if needle:
            mask &= mask_of([i for i, text in enumerate(self.texts) if needle in text], size)
        return mask

    def masks(self, f: Filter) -> tuple[int, dict[str, int]]:
        """The scalar mask and, per facet, the mask its chosen values allow."""
        facet_masks = {
            facet: self.facet_mask(facet, f.values(facet)) if f.values(facet) else self.all
            for facet in FACETS
        }
        return self._scalar_mask(f), facet_masks

    def select(self, f: Filter) -> int:
        """The bitset of events the filter keeps."""
        mask, facets = self.masks(f)
        for facet_mask in facets.values():
            mask &= facet_mask
        return mask

    def rows(self, f: Filter) -> list[int]:
        return bit_positions(self.select(f))

    def counts(self, f: Filter) -> dict[str, dict[str, int]]:
        """Per facet value, how many events match the filter's other facets and that value."""
        scalar, facets = self.masks(f)
        out: dict[str, dict[str, int]] = {}
        for facet in FACETS:
            others = scalar
            for other, mask in facets.items():
                if other != facet:
                    others &= mask
            counts = {value: (bits & others).bit_count()
                      for value, bits in self.bits[facet].items()}
            rare = self.sparse[facet]
            wanted = rare if len(rare) <= MAX_COUNTED_VALUES else {
                v: rare[v] for v in f.values(facet) if v in rare}
            if wanted:
                buffer = others.to_bytes((len(self.events) + 7) // 8, "little")
                for value, found in wanted.items():
                    counts[value] = sum(buffer[p >> 3] >> (p & 7) & 1 for p in found)
            out[facet] = counts
        return out


def mask_of(positions: Iterable[int], size: int) -> int:
    """A bitset with the given positions set, built in one pass over a byte buffer."""
    buffer = bytearray((size + 7) // 8)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def bit_positions(mask: int) -> list[int]:
    """Indices of the set bits, in order; fast for dense and sparse masks alike."""
    positions: list[int] = []
    base = 0
    while mask:
        chunk = mask & 0xFFFFFFFFFFFFFFFF
        while chunk:
            low = chunk & -chunk
            positions.append(base + low.bit_length() - 1)
            chunk ^= low
        mask >>= 64
        base += 64
    return positions
