"""The detail pane's publication days, written out when read, are the dict of every dated
document's ISO day that the session used to build at each open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import copy_seeds
from viewer.core.session import Session
from viewer.core.session.iso_days import IsoDays


def test_iso_days_as_a_dict_of_the_dated_documents() -> None:
    days = {"a.txt": dt.date(2024, 3, 1), "b.txt": None, "c.txt": dt.date(1999, 12, 31)}
    found = IsoDays(days)
    assert dict(found) == {"a.txt": "2024-03-01", "c.txt": "1999-12-31"}
    assert len(found) == 2 and "b.txt" not in found and found.get("b.txt", "") == ""


def test_a_session_publishes_each_dated_document_s_header_day(tmp_path: Path) -> None:
    session = Session.open(copy_seeds(tmp_path / "seeds"), with_store=False)
    expected = {relpath: day.isoformat() for relpath, (day, _) in zip(
        session.loaded.order, session.loaded.headers, strict=True) if day is not None}
    assert dict(session.published()) == expected and expected
