"""The scenes of the rows shown last, kept so that a filter turned off again shows its scene.

A filter change lays out a new scene, and its first paint makes every visible lane's items
and label room. Turning a value on and off again (most often: back to every event) made the
very same scene each time. A scene is kept with what it was made from (the rows, the lane
mode, the scale, the laid-out window and the settings that name its labels) and given back
only while it is as it was made: untouched since (no scroll, zoom or new current event laid
it out again: its `version` has not moved) and no edit of the columns since (their
generations are part of the key). Events that are not a Session's columns are never kept:
an in-place edit of them leaves no stamp to compare.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.core.events.document_events import Event
from viewer.core.scene.layout import Scene
from viewer.core.session.row_events import RowEvents

KEPT = 2  # the scene shown and the one before it: a toggle there and back
Key = tuple[object, ...]


def events_stamp(events: Sequence[Event]) -> Key | None:
    """What names the events' content: the columns' object, size and per-field edit
    generations; None for events without them (never kept)."""
    if not isinstance(events, RowEvents):
        return None
    columns = events.columns
    return (id(events), columns.size, tuple(sorted(columns.generation.items())))


@dataclass(frozen=True, slots=True, eq=False)  # compared by identity: it holds arrays
class _Kept:
    key: Key
    rows: npt.NDArray[np.integer]
    scene: Scene
    version: int  # the scene's version when made: another means laid out again since


class KeptScenes:
    """The last few scenes made over events of one stamp, newest first, found again by key
    and rows. A scene that can never be found again (laid out since, or made before an
    edit) is dropped when next looked for, not held until two more scenes push it out: at
    a million events a scene of every row holds some 12 MB of lane arrays."""

    def __init__(self, size: int = KEPT) -> None:
        self.size = size
        self._stamp: Key | None = None
        self._kept: list[_Kept] = []

    def __len__(self) -> int:
        return len(self._kept)

    def find(self, stamp: Key, key: Key, rows: npt.NDArray[np.integer]) -> Scene | None:
        """A kept scene made from events of `stamp`, `key` and these rows and untouched
        since, or None."""
        if stamp != self._stamp:
            self._kept.clear()  # the events were edited (or are others): none fits now
            self._stamp = stamp
        self._kept = [kept for kept in self._kept if kept.scene.version == kept.version]
        for index, kept in enumerate(self._kept):
            if kept.key == key and len(kept.rows) == len(rows) and np.array_equal(
                    kept.rows, rows):
                self._kept.insert(0, self._kept.pop(index))
                return kept.scene
        return None

    def keep(self, stamp: Key, key: Key, rows: npt.NDArray[np.integer], scene: Scene) -> None:
        """Keep a scene just made (the oldest kept one goes)."""
        if stamp != self._stamp:
            self._kept.clear()
            self._stamp = stamp
        self._kept.insert(0, _Kept(key, rows, scene, scene.version))
        del self._kept[self.size:]

    def clear(self) -> None:
        """Drop every kept scene (other events: the old ones must not stay alive)."""
        self._kept.clear()
        self._stamp = None
