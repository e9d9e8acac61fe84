"""The record the tagger returns for each time expression."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3: offsets (end exclusive), TimeML type and value, and the dates it covers.

    `earliest`/`latest` bound the calendar days the value can mean (None when it names no
    days, like a bare duration, or is open on that side). `anchor` says what it was resolved
    against: "absolute", "dct" (the document date), "narrative" (the latest date mentioned
    before it) or "none".
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    earliest: dt.date | None = None
    latest: dt.date | None = None
    mod: str | None = None
    anchor: str = "absolute"
    rule: str = ""

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "start": self.start, "end": self.end, "text": self.text,
            "type": self.type, "value": self.value,
        }
        if self.mod:
            out["mod"] = self.mod
        out["earliest"] = self.earliest.isoformat() if self.earliest else None
        out["latest"] = self.latest.isoformat() if self.latest else None
        out["anchor"] = self.anchor
        return out
