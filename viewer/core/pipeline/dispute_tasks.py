"""Disputes of whole clusters from plain values, so a share of a folder's clusters can be read
in a worker process: the members' fields arrive as columns of values, and what each member's
text says (its single counts by kind, whether it names who took part) beside them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from viewer.core.events.document_events import Event
from viewer.core.pipeline.conflicts import find_conflicts, load_rules

_BLANK: dict[str, Any] = {"text": "", "char_start": 0, "char_end": 0, "start": None,
                          "end": None, "precision": "", "date_source": "", "timex": None,
                          "timex_value": None, "parties": (), "people": (), "topics": (),
                          "boilerplate": False, "sentence": 0}


def members(fields: Sequence[str], values: Sequence[Sequence[Any]]) -> list[Event]:
    """Events holding only `fields` (the rest blank or default), one per row of `values`."""
    blank = {k: v for k, v in _BLANK.items() if k not in fields}
    return [Event(**blank, **dict(zip(fields, row, strict=True)))
            for row in zip(*values, strict=True)]


def cluster_flags(fields: Sequence[str], values: Sequence[Sequence[Any]],
                  said: Sequence[tuple[Mapping[str, int], bool]]
                  ) -> dict[str, tuple[str, ...]]:
    """Cluster id → its conflict flags, for the clusters of the members given (whole
    clusters, in folder order); `said[k]` is what member k's text says."""
    events = members(fields, values)
    at = {id(e): k for k, e in enumerate(events)}
    found = find_conflicts(events, load_rules(), lambda e: said[at[id(e)]])
    return {cluster: conflict.flags for cluster, conflict in found.items()}
