"""The date interval the extractor gives one sentence of an invented article: what the
narrative-time tests ask of each sentence they wrote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from viewer.core.pipeline.folder_extraction import extract_folder


def dates_in(folder: Path, article: str, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    """Extract `article` as the one file of `folder`; the start and end of the event whose
    sentence contains `fragment`."""
    (folder / "a.txt").write_text(article)
    events = extract_folder(folder, use_cache=False).events
    found = next(e for e in events if fragment in e.text)
    return found.start, found.end
