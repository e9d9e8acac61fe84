"""Periods: named spans of time the analyst defines ("Istanbul round"), shaded on the
timeline and written into exports. Kept per folder in `.timeline-viewer/periods.json`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from viewer.core.ingest.written_dates import in_range
from viewer.core.resources import FOLDER_DIR, read_folder_text
from viewer.core.store.atomic_write import write_atomic

FILE_NAME = "periods.json"
DEFAULT_COLOUR = "#b39ddb"


@dataclass(frozen=True, slots=True)
class Period:
    name: str
    start: dt.date
    end: dt.date
    colour: str = DEFAULT_COLOUR

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "start": self.start.isoformat(),
                "end": self.end.isoformat(), "colour": self.colour}


def periods_path(folder: str | Path) -> Path:
    return Path(folder) / FOLDER_DIR / FILE_NAME


def load_periods(folder: str | Path) -> tuple[Period, ...]:
    """The folder's periods, by start date; a missing or unreadable file means none."""
    text = read_folder_text(folder, FILE_NAME)  # never a FIFO, a giant or a link outside
    if text is None:
        return ()
    try:
        data = json.loads(text)
        found = [Period(str(p["name"]), dt.date.fromisoformat(p["start"]),
                        dt.date.fromisoformat(p["end"]), str(p.get("colour", DEFAULT_COLOUR)))
                 for p in data.get("periods", [])]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return ()
    found = [p for p in found if in_range(p.start) and in_range(p.end)]
    return tuple(sorted(found, key=lambda p: (p.start, p.end, p.name)))


def save_periods(folder: str | Path, periods: Iterable[Period]) -> None:
    """Write the folder's periods atomically (raises OSError for a read-only folder)."""
    path = periods_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    ordered = sorted(periods, key=lambda p: (p.start, p.end, p.name))
    write_atomic(path, json.dumps({"periods": [p.to_dict() for p in ordered]}, indent=2)
                 + "\n")
