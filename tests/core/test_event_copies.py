"""The document passes copy events with `evolve`, not `dataclasses.replace` (about ten times
its cost for an event's 31 fields, paid by a third of the documents for their headline): an
extraction of a story folder (whose headlines take their lead's day) makes no copy through
`dataclasses.replace`, and its events are the ones the generic copy gives."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from viewer.core.events import document_extraction
from viewer.core.ingest.folder_reader import list_folder, read_document
from viewer.core.model import Document
from viewer.core.pipeline.file_cache import fingerprint
from viewer.core.pipeline.folder_extraction import _tools

ROOT = Path(__file__).resolve().parents[2]


def _extract_stories() -> list[Any]:
    folder = ROOT / "tests" / "data" / "unseen" / "kenya_election"
    docs = [doc for path in list_folder(folder).files
            if isinstance(doc := read_document(folder, path), Document)]
    tools = _tools(str(folder), fingerprint(str(folder)))
    return [document_extraction.extract_document(doc, *tools).events for doc in docs]


def test_no_event_is_copied_by_dataclasses_replace(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _extract_stories()
    calls: list[str] = []
    generic = dataclasses.replace

    def counted(obj: Any, /, **changes: Any) -> Any:
        calls.append(type(obj).__name__)
        return generic(obj, **changes)

    monkeypatch.setattr(dataclasses, "replace", counted)
    assert _extract_stories() == expected
    assert "Event" not in calls
