"""A document is read back from its file's entry without parsing the events packed after it,
and gives the same document as parsing the whole entry."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from viewer.core.session import Session
from viewer.core.session.snapshot import SnapshotDamaged, pack, unpack, unpack_lead


def test_the_lead_is_the_whole_entry_s_document(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_seeds(tmp_path / "seeds")
    for use_snapshot in (False, True, True):  # extracted, then saved, then read back
        session = Session.open(folder, use_snapshot=use_snapshot, with_store=False)
        source = session.loaded.documents.read.__self__  # type: ignore[attr-defined]
        for relpath, rel in session.loaded.documents.paths.items():  # type: ignore[attr-defined]
            whole = source.payload(rel)
            assert source.document(rel) == {"document": whole["document"]}
            assert session.documents[relpath].relpath == relpath


def test_an_entry_that_starts_otherwise_is_parsed_whole() -> None:
    value = {"problem": {"path": "a", "kind": "b", "message": "c"}}
    assert unpack_lead(pack(value), "document") == unpack(pack(value)) == value
    entry = {"document": {"text": "é \"quoted\" {braces}", "meta": [["a", "b"]]},
             "events": [1, 2, 3]}
    assert unpack_lead(pack(entry), "document") == {"document": entry["document"]}


def test_damaged_bytes_are_reported() -> None:
    blob = bytearray(pack({"document": {"text": "x" * 100}, "events": []}))
    blob[-3] ^= 0xFF
    with pytest.raises(SnapshotDamaged):
        unpack_lead(bytes(blob), "document")
    with pytest.raises(SnapshotDamaged):
        unpack_lead(zlib.compress(b'{"document":{"text":'), "document")
